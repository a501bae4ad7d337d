package config

import (
	"maps"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/jobsync/jobsync/ats"
)

// board decodes one board: the keys every board has (name, type,
// concurrency) here, the others into the options struct of its type's
// ats.Kind.
func (d *decoder) board(n *yaml.Node, dir string) Board {
	b := Board{Line: n.Line}
	kind, known := ats.LookupKind(peekType(n))
	f := fields{
		"name": func(n *yaml.Node) {
			b.Name = d.str(n, "board name")
			if b.Name != "" && !boardNameRE.MatchString(b.Name) {
				d.p.add(n.Line, "board %q: name may hold only a-z, 0-9, _ and -", b.Name)
			}
		},
		"type": func(n *yaml.Node) {
			b.Type = d.str(n, "board type")
			if _, ok := ats.LookupKind(b.Type); b.Type != "" && !ok {
				d.p.add(n.Line, "board type %q%s: want one of %s", b.Type, didYouMean(b.Type, ats.KindNames()), strings.Join(ats.KindNames(), ", "))
			}
		},
		"concurrency": func(n *yaml.Node) {
			b.Concurrency = d.int(n, "concurrency")
			if b.Concurrency < 0 {
				d.p.add(n.Line, "concurrency %d: want 0 (the adapter's default) or more", b.Concurrency)
			}
		},
	}
	done := func() {}
	if known && kind.Options != nil {
		b.Options = kind.Options()
		done = d.options(b.Options, dir, &b, f)
	}
	// A key of another board type is a mistake worth naming; on a board of
	// no known type, its type's problem is the one to report.
	owners := optionKeys()
	misplaced := map[string]int{}
	d.mappingOr(n, "board", f, func(k *yaml.Node) bool {
		if owners[k.Value] == nil {
			return false
		}
		misplaced[k.Value] = k.Line
		return true
	})
	done()
	if known {
		for _, key := range slices.Sorted(maps.Keys(misplaced)) {
			d.p.add(misplaced[key], "board %q: %s is a %s setting, not for a %s board", b.Name, key, strings.Join(owners[key], " or "), b.Type)
		}
	}
	return b
}

// peekType returns a board mapping's type, so that its other keys can be
// decoded for that type whatever their order; "" when it has none (the
// type's own decoder reports that).
func peekType(n *yaml.Node) string {
	n = resolve(n)
	if n.Kind != yaml.MappingNode {
		return ""
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if v := resolve(n.Content[i+1]); n.Content[i].Value == "type" && v.Kind == yaml.ScalarNode {
			return strings.TrimSpace(v.Value)
		}
	}
	return ""
}
