package config

import (
	"reflect"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/jobsync/jobsync/ats"
)

// option is one key of a board type's options struct (ats.Kind.Options).
type option struct {
	key      string
	field    int      // the struct field's index
	enum     []string // the values allowed, or nil for any
	required bool
}

// optionsOf lists the keys of an options struct: its exported fields with
// a yaml tag.
func optionsOf(t reflect.Type) []option {
	var out []option
	for i := range t.NumField() {
		f := t.Field(i)
		key, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
		if !f.IsExported() || key == "" || key == "-" {
			continue
		}
		o := option{key: key, field: i, required: f.Tag.Get("required") == "true"}
		if e := f.Tag.Get("enum"); e != "" {
			o.enum = strings.Split(e, ",")
		}
		out = append(out, o)
	}
	return out
}

// optionKeys returns the option keys of every registered board type, each
// with the types that take it.
func optionKeys() map[string][]string {
	out := map[string][]string{}
	for _, k := range ats.Kinds() {
		if k.Options == nil {
			continue
		}
		for _, o := range optionsOf(reflect.TypeOf(k.Options()).Elem()) {
			out[o.key] = append(out[o.key], k.Name)
		}
	}
	return out
}

var pathType = reflect.TypeFor[ats.Path]()

// options decodes a board's type-specific keys into opts, the pointer its
// kind's Options returned. It adds the setters of its keys to f, and
// returns a function to call after the mapping is decoded, which checks the
// required keys and calls opts' Check method, placing every problem on the
// line of its key (or of the board, for a key it lacks).
func (d *decoder) options(opts any, dir string, board *Board, f fields) (done func()) {
	v := reflect.ValueOf(opts).Elem()
	lines := map[string]int{}
	clean := true // no problem with any option's value
	for _, o := range optionsOf(v.Type()) {
		fv := v.Field(o.field)
		f[o.key] = func(n *yaml.Node) {
			lines[o.key] = n.Line
			before := len(d.p.list)
			d.option(n, o, fv, dir)
			clean = clean && len(d.p.list) == before
		}
	}
	return func() {
		for _, o := range optionsOf(v.Type()) {
			if o.required && v.Field(o.field).IsZero() {
				d.p.add(board.Line, "board %q: %s %s board needs %s %s", board.Name, article(board.Type), board.Type, article(o.key), o.key)
				clean = false
			}
		}
		c, ok := opts.(interface{ Check() []ats.OptionError })
		if !ok || !clean {
			return // a value that failed to decode would only confuse Check
		}
		for _, e := range c.Check() {
			line, ok := lines[e.Key]
			if !ok {
				line = board.Line
			}
			d.p.add(line, "board %q: %s", board.Name, e.Error())
		}
	}
}

// option decodes one value into the field fv.
func (d *decoder) option(n *yaml.Node, o option, fv reflect.Value, dir string) {
	what := o.key
	switch {
	case fv.Type() == pathType:
		fv.SetString(resolvePath(dir, d.str(n, what)))
	case fv.Kind() == reflect.String:
		s := d.str(n, what)
		d.enum(n, o, words(what), s)
		fv.SetString(s)
	case fv.Kind() == reflect.Bool:
		fv.SetBool(d.bool(n, what))
	case fv.Kind() == reflect.Int:
		fv.SetInt(int64(d.int(n, what)))
	case fv.Kind() == reflect.Int64:
		fv.SetInt(d.int64(n, what))
	case fv.Kind() == reflect.Float64:
		fv.SetFloat(d.float(n, what))
	case fv.Type() == reflect.TypeFor[[]string]():
		list := d.strs(n, what)
		for _, s := range list {
			d.enum(n, o, strings.TrimSuffix(words(what), "s"), s)
		}
		fv.Set(reflect.ValueOf(list))
	default:
		// A mistake in the adapter, caught by ats/boards' tests; reported
		// here rather than panicking on a user's config.
		d.p.add(n.Line, "%s: a board option of type %s, which config cannot decode", what, fv.Type())
	}
}

// enum adds a problem when s is not one of o's allowed values; what names
// the value ("distribution channel").
func (d *decoder) enum(n *yaml.Node, o option, what, s string) {
	if o.enum != nil && s != "" && !slices.Contains(o.enum, s) {
		d.p.add(n.Line, "%s %q: want one of %s", what, s, strings.Join(o.enum, ", "))
	}
}

// words is a key as a person reads it: "close_openings" is "close openings".
func words(key string) string { return strings.ReplaceAll(key, "_", " ") }

// article is "a" or "an", for a word read aloud.
func article(word string) string {
	if word != "" && strings.ContainsRune("aeiou", rune(word[0])) {
		return "an"
	}
	return "a"
}
