package config

import (
	"fmt"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/jobsync/jobsync/posting"
)

// fields maps the keys a mapping may hold to what decodes their values.
type fields map[string]func(*yaml.Node)

// decoder turns YAML nodes into values, noting every problem on the way.
type decoder struct {
	p *problems
	// known, when not nil, records the keys each kind of mapping takes,
	// so that a test can hold the reference (coreKeys) to the decoder.
	known map[string]map[string]bool
}

// resolve follows an alias to the node it names.
func resolve(n *yaml.Node) *yaml.Node {
	for n != nil && n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	return n
}

func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null"
}

// mapping decodes a mapping node key by key: unknown and repeated keys are
// problems. A null value (an empty section) is an empty mapping.
func (d *decoder) mapping(n *yaml.Node, what string, f fields) {
	d.mappingOr(n, what, f, func(*yaml.Node) bool { return false })
}

// mappingOr is mapping, with other deciding about a key f lacks: true when
// it took the key, false to report it as unknown.
func (d *decoder) mappingOr(n *yaml.Node, what string, f fields, other func(key *yaml.Node) bool) {
	n = resolve(n)
	if isNull(n) {
		return
	}
	if n.Kind != yaml.MappingNode {
		d.p.add(n.Line, "%s: want a mapping of keys to values, got %s", what, kindName(n))
		return
	}
	if d.known != nil {
		if d.known[what] == nil {
			d.known[what] = map[string]bool{}
		}
		for k := range f {
			d.known[what][k] = true
		}
	}
	seen := map[string]int{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		key := k.Value
		set, ok := f[key]
		if !ok {
			if !other(k) {
				d.p.add(k.Line, "unknown key %q in %s%s; known keys: %s", key, what, didYouMean(key, slices.Collect(maps.Keys(f))), knownKeys(f))
			}
			continue
		}
		if first, dup := seen[key]; dup {
			d.p.add(k.Line, "%s: key %q repeated (first on line %d)", what, key, first)
			continue
		}
		seen[key] = k.Line
		set(v)
	}
}

// didYouMean is "; did you mean X?" when one of names is close to s.
func didYouMean(s string, names []string) string {
	slices.Sort(names) // the same hint for the same file, whatever the map order
	if m := posting.DidYouMean(s, names); m != "" {
		return fmt.Sprintf(" (did you mean %q?)", m)
	}
	return ""
}

func knownKeys(f fields) string {
	return strings.Join(slices.Sorted(maps.Keys(f)), ", ")
}

// sequence calls each for every item of a sequence node; null is empty.
func (d *decoder) sequence(n *yaml.Node, what string, each func(*yaml.Node)) {
	n = resolve(n)
	if isNull(n) {
		return
	}
	if n.Kind != yaml.SequenceNode {
		d.p.add(n.Line, "%s: want a list, got %s", what, kindName(n))
		return
	}
	for _, item := range n.Content {
		each(resolve(item))
	}
}

// str decodes a scalar as a string; numbers and booleans keep their text.
func (d *decoder) str(n *yaml.Node, what string) string {
	n = resolve(n)
	if isNull(n) {
		return ""
	}
	if n.Kind != yaml.ScalarNode {
		d.p.add(n.Line, "%s: want a string, got %s", what, kindName(n))
		return ""
	}
	return strings.TrimSpace(n.Value)
}

// strs decodes a list of strings; one string is a list of one.
func (d *decoder) strs(n *yaml.Node, what string) []string {
	n = resolve(n)
	if isNull(n) {
		return nil
	}
	if n.Kind == yaml.ScalarNode {
		return []string{d.str(n, what)}
	}
	var out []string
	d.sequence(n, what, func(item *yaml.Node) { out = append(out, d.str(item, what+" item")) })
	return out
}

func (d *decoder) int64(n *yaml.Node, what string) int64 {
	n = resolve(n)
	if n.Kind == yaml.ScalarNode && n.ShortTag() == "!!int" {
		if v, err := strconv.ParseInt(n.Value, 0, 64); err == nil {
			return v
		}
	}
	d.p.add(n.Line, "%s: want a whole number, got %s", what, valueName(n))
	return 0
}

func (d *decoder) int(n *yaml.Node, what string) int {
	v := d.int64(n, what)
	if v > math.MaxInt32 || v < math.MinInt32 {
		d.p.add(n.Line, "%s: %d is out of range", what, v)
		return 0
	}
	return int(v)
}

func (d *decoder) float(n *yaml.Node, what string) float64 {
	n = resolve(n)
	if n.Kind == yaml.ScalarNode && (n.ShortTag() == "!!int" || n.ShortTag() == "!!float") {
		var v float64
		if err := n.Decode(&v); err == nil && !math.IsNaN(v) && !math.IsInf(v, 0) {
			return v
		}
	}
	d.p.add(n.Line, "%s: want a number, got %s", what, valueName(n))
	return 0
}

func (d *decoder) bool(n *yaml.Node, what string) bool {
	n = resolve(n)
	if n.Kind == yaml.ScalarNode && n.ShortTag() == "!!bool" {
		var v bool
		if err := n.Decode(&v); err == nil {
			return v
		}
	}
	d.p.add(n.Line, "%s: want true or false, got %s", what, valueName(n))
	return false
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		return valueName(n)
	default:
		return "something else"
	}
}

func valueName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode, yaml.SequenceNode:
		return kindName(n)
	}
	if isNull(n) {
		return "nothing"
	}
	return strconv.Quote(n.Value)
}
