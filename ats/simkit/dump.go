package simkit

import (
	"cmp"
	"encoding/json"
	"maps"
	"slices"
)

// Dump returns v as indented JSON. encoding/json writes map keys sorted, so
// the dump of equal state is equal bytes as long as slices are in a fixed
// order (Sorted gives one): compare a dump taken before a sync with one
// taken after to prove the sync left that state alone.
func Dump(v any) ([]byte, error) {
	return json.MarshalIndent(v, "", "  ")
}

// Sorted returns m's values ordered by their keys (a simulator keeps its
// resources in maps by id).
func Sorted[K cmp.Ordered, V any](m map[K]V) []V {
	out := make([]V, 0, len(m))
	for _, k := range slices.Sorted(maps.Keys(m)) {
		out = append(out, m[k])
	}
	return out
}
