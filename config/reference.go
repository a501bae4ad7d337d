package config

import (
	"encoding/json"
	"fmt"
	"reflect"
	"regexp"
	"strings"

	"github.com/jobsync/jobsync/ats"
)

// Key documents one key of the config file, for the reference
// (docs/config.md) and the JSON Schema editors read. The core keys are
// listed in coreKeys, which a test holds to the decoder's; a board type's
// keys come from its registered options struct, as the decoder reads them.
type Key struct {
	Name     string
	Type     string // string, integer, number, boolean, strings (a list, or one string), mapping, list
	Doc      string
	Enum     []string
	Required bool
	Keys     []Key // the keys of a mapping, or of each item of a list
}

// coreKeys are the keys every config may have, as decode reads them.
func coreKeys() []Key {
	return []Key{
		{Name: "company", Type: "mapping", Doc: "what postings say about the employer", Keys: []Key{
			{Name: "name", Type: "string", Doc: "the company's name"},
			{Name: "url", Type: "string", Doc: "the company's home page, an absolute http(s) URL: the careers site links it"},
			{Name: "apply_url", Type: "string", Doc: "where to apply for openings that say neither apply_url nor apply_email"},
			{Name: "apply_email", Type: "string", Doc: "or a bare e-mail address to apply to"},
			{Name: "employees", Type: "integer", Doc: "the company's size, for the employer-size thresholds of pay-transparency laws; 0 or none: every law applies"},
		}},
		{Name: "owner", Type: "string", Doc: "the owner id written in the marker of every posting this config writes; the only owner whose postings it updates or closes (default: derived from the config)"},
		{Name: "pay_transparency", Type: "string", Enum: []string{PayError, PayWarn}, Doc: "what an opening without the pay range a law requires does: error (default) stops the run before any write, warn logs it"},
		{Name: "sources", Type: "list", Required: true, Doc: "the handbook pages to read: each a path or a url", Keys: []Key{
			{Name: "path", Type: "string", Doc: "a page or a folder of pages, relative to the config file (a URL goes in url)"},
			{Name: "url", Type: "string", Doc: "an https URL of a page (http only to localhost)"},
			{Name: "base_url", Type: "string", Doc: "makes the pages' relative links absolute; without it they are reduced to their text"},
		}},
		{Name: "boards", Type: "list", Required: true, Doc: "the job boards to publish to; secrets come from the environment only", Keys: []Key{
			{Name: "name", Type: "string", Required: true, Doc: "the board's name: a-z, 0-9, _ and -; its variables are JOBSYNC_<NAME>_…"},
			{Name: "type", Type: "string", Required: true, Enum: ats.KindNames(), Doc: "the board type"},
			{Name: "concurrency", Type: "integer", Doc: "writes at once; 0 or none: the adapter's default"},
		}},
		{Name: "openings", Type: "list", Doc: "the postings to publish; without it, every level × specialty (local boards only)", Keys: []Key{
			{Name: "family", Type: "string", Required: true, Doc: "the family, by key or title"},
			{Name: "level", Type: "string", Doc: `a level by title or key, or "*" for every one`},
			{Name: "specialty", Type: "string", Doc: `a specialty by name or key, or "*" for every one; none: the level alone`},
			{Name: "locations", Type: "strings", Doc: `where the job is: "City, ST", "City, Country", "Remote", "Remote, US"`},
			{Name: "department", Type: "string", Doc: "the department"},
			{Name: "employment_type", Type: "string", Doc: "Full-time, Part-time, …"},
			{Name: "workplace", Type: "string", Enum: workplaces, Doc: "where the work is done"},
			{Name: "boards", Type: "strings", Doc: "the boards to publish on, by name; none: every board"},
			{Name: "pay", Type: "mapping", Doc: "the pay range", Keys: []Key{
				{Name: "min", Type: "integer", Required: true, Doc: "the lowest pay"},
				{Name: "max", Type: "integer", Required: true, Doc: "the highest pay"},
				{Name: "currency", Type: "string", Required: true, Doc: "an ISO 4217 code in capitals, such as USD"},
				{Name: "interval", Type: "string", Enum: payIntervals, Doc: "per year (default), month or hour"},
			}},
			{Name: "apply_url", Type: "string", Doc: "where to apply for this opening"},
			{Name: "apply_email", Type: "string", Doc: "or an e-mail address to apply to"},
			{Name: "valid_through", Type: "string", Doc: "the last day the posting is open, YYYY-MM-DD"},
			{Name: "one_posting_per_location", Type: "boolean", Doc: "one posting (and key) per location; default: the board's one_posting_per_location"},
		}},
		{Name: "guards", Type: "mapping", Doc: "limits a plan must keep before anything is written", Keys: []Key{
			{Name: "max_close_percent", Type: "number", Doc: "the share of a board's owned postings one run may close (default 25)"},
			{Name: "max_close_count", Type: "integer", Doc: "closes allowed whatever the share (default 3); 0 is the strictest, not the default"},
		}},
	}
}

// coreKey is the core key named name.
func coreKey(name string) Key {
	for _, k := range coreKeys() {
		if k.Name == name {
			return k
		}
	}
	panic("config: no core key " + name) // a mistake in this file, caught by its tests
}

// BoardType is what the reference says of one registered board type.
type BoardType struct {
	Name    string
	Summary string
	Keys    []Key    // its options, besides name, type and concurrency
	Env     []EnvVar // the variables it reads
}

// EnvVar is one variable a board type reads, named for a board called
// after the type: JOBSYNC_GREENHOUSE_CLIENT_SECRET.
type EnvVar struct {
	Suffix string // CLIENT_SECRET: after JOBSYNC_<BOARD>_
	Secret bool
}

// BoardTypes describes every registered board type, from its options and
// environment structs as the decoder and LoadBoardEnv read them.
func BoardTypes() []BoardType {
	var out []BoardType
	for _, k := range ats.Kinds() {
		bt := BoardType{Name: k.Name, Summary: k.Summary}
		if k.Options != nil {
			t := reflect.TypeOf(k.Options()).Elem()
			for _, o := range optionsOf(t) {
				f := t.Field(o.field)
				bt.Keys = append(bt.Keys, Key{Name: o.key, Type: keyType(f.Type), Doc: f.Tag.Get("doc"), Enum: o.enum, Required: o.required})
			}
		}
		if k.Env != nil {
			t := reflect.TypeOf(k.Env()).Elem()
			for i := range t.NumField() {
				if f := t.Field(i); f.IsExported() {
					bt.Env = append(bt.Env, EnvVar{Suffix: envSuffix(f.Name), Secret: f.Type == reflect.TypeFor[ats.Secret]()})
				}
			}
		}
		out = append(out, bt)
	}
	return out
}

// keyType names an option field's type as Key.Type does.
func keyType(t reflect.Type) string {
	switch {
	case t.Kind() == reflect.Bool:
		return "boolean"
	case t.Kind() == reflect.Int || t.Kind() == reflect.Int64:
		return "integer"
	case t.Kind() == reflect.Float64:
		return "number"
	case t.Kind() == reflect.Slice:
		return "strings"
	}
	return "string"
}

var (
	// envconfig's split_words: runs of capitals are one word, and the
	// last capital before lower case starts the next ("APIKey": API, Key).
	gatherRE  = regexp.MustCompile("([^A-Z]+|[A-Z]+[^A-Z]+|[A-Z]+)")
	acronymRE = regexp.MustCompile("([A-Z]+)([A-Z][^A-Z]+)")
)

// envSuffix is a field's variable name as envconfig's split_words makes it:
// ClientSecret is CLIENT_SECRET, BaseURL BASE_URL, APIKey API_KEY.
func envSuffix(field string) string {
	var words []string
	for _, w := range gatherRE.FindAllStringSubmatch(field, -1) {
		if m := acronymRE.FindStringSubmatch(w[0]); m != nil {
			words = append(words, m[1], m[2])
		} else {
			words = append(words, w[0])
		}
	}
	return strings.ToUpper(strings.Join(words, "_"))
}

// Markdown is the config reference, docs/config.md.
func Markdown() string {
	var b strings.Builder
	b.WriteString("<!-- Made by config.Markdown from the keys the decoder reads: go test ./ats/boards -update -->\n")
	b.WriteString("# The config file\n\n")
	b.WriteString("`jobsync.yaml` in the working directory, or `--config FILE`, or `JOBSYNC_CONFIG`. Relative paths are\n" +
		"relative to the file's folder. Unknown keys are errors with their line; `jobsync lint --config FILE`\n" +
		"checks a config, its pages and its openings with no credentials. `jobsync init PAGE` writes a\n" +
		"starting config. Editors that read JSON Schema (yaml-language-server) complete and check the keys\n" +
		"with the first line:\n\n" +
		"```yaml\n# yaml-language-server: $schema=https://raw.githubusercontent.com/jobsync/jobsync/main/docs/jobsync.schema.json\n```\n\n")
	b.WriteString("## Keys\n\n")
	writeKeys(&b, coreKeys(), "")
	b.WriteString("\n## Board types\n\nBesides `name`, `type` and `concurrency`, a board takes the keys of its type. Secrets and\n" +
		"overrides come from the environment only, named after the board: for a board named `gh-eu`,\n" +
		"`JOBSYNC_GH_EU_…` (upper case, `-` as `_`).\n")
	for _, bt := range BoardTypes() {
		fmt.Fprintf(&b, "\n### `%s`: %s\n\n", bt.Name, bt.Summary)
		if len(bt.Keys) == 0 {
			b.WriteString("No keys of its own.\n")
		} else {
			writeKeys(&b, bt.Keys, "")
		}
		if len(bt.Env) > 0 {
			b.WriteString("\nEnvironment:")
			for i, e := range bt.Env {
				sep := ","
				if i == 0 {
					sep = ""
				}
				secret := ""
				if e.Secret {
					secret = " (secret)"
				}
				fmt.Fprintf(&b, "%s `JOBSYNC_<BOARD>_%s`%s", sep, e.Suffix, secret)
			}
			b.WriteString(".\n")
		}
	}
	return b.String()
}

func writeKeys(b *strings.Builder, keys []Key, indent string) {
	for _, k := range keys {
		var notes []string
		notes = append(notes, k.Type)
		if k.Required {
			notes = append(notes, "required")
		}
		if len(k.Enum) > 0 {
			notes = append(notes, "one of "+strings.Join(k.Enum, ", "))
		}
		fmt.Fprintf(b, "%s- `%s` (%s): %s\n", indent, k.Name, strings.Join(notes, "; "), k.Doc)
		writeKeys(b, k.Keys, indent+"  ")
	}
}

// JSONSchema is a JSON Schema (draft 2020-12) of the config file, for
// editors: docs/jobsync.schema.json.
func JSONSchema() []byte {
	boards := schemaOf(Key{Type: "mapping", Keys: coreKey("boards").Keys})
	var variants []any
	for _, bt := range BoardTypes() {
		v := schemaOf(Key{Type: "mapping", Keys: append(coreKey("boards").Keys, bt.Keys...)})
		v["properties"].(map[string]any)["type"] = map[string]any{"const": bt.Name, "description": bt.Summary}
		variants = append(variants, map[string]any{
			"if":   map[string]any{"properties": map[string]any{"type": map[string]any{"const": bt.Name}}, "required": []string{"type"}},
			"then": v,
		})
	}
	delete(boards, "additionalProperties") // each variant says which keys its type takes
	boards["allOf"] = variants
	root := schemaOf(Key{Type: "mapping", Keys: coreKeys()})
	root["$schema"] = "https://json-schema.org/draft/2020-12/schema"
	root["$id"] = "https://raw.githubusercontent.com/jobsync/jobsync/main/docs/jobsync.schema.json"
	root["title"] = "jobsync config"
	root["properties"].(map[string]any)["boards"].(map[string]any)["items"] = boards
	out, err := json.MarshalIndent(root, "", "  ")
	if err != nil {
		panic(err) // maps of strings: cannot fail
	}
	return append(out, '\n')
}

// schemaOf is the JSON Schema of one key's value.
func schemaOf(k Key) map[string]any {
	s := map[string]any{}
	if k.Doc != "" {
		s["description"] = k.Doc
	}
	switch k.Type {
	case "mapping", "list":
		obj := map[string]any{"type": "object", "additionalProperties": false}
		props := map[string]any{}
		var required []string
		for _, sub := range k.Keys {
			props[sub.Name] = schemaOf(sub)
			if sub.Required {
				required = append(required, sub.Name)
			}
		}
		obj["properties"] = props
		if len(required) > 0 {
			obj["required"] = required
		}
		if k.Type == "mapping" {
			for key, v := range obj {
				s[key] = v
			}
			return s
		}
		s["type"] = "array"
		s["items"] = obj
	case "strings":
		item := map[string]any{"type": "string"}
		if len(k.Enum) > 0 {
			item["enum"] = k.Enum
		}
		s["anyOf"] = []any{item, map[string]any{"type": "array", "items": item}}
	default:
		s["type"] = k.Type
		if len(k.Enum) > 0 {
			s["enum"] = k.Enum
		}
	}
	return s
}
