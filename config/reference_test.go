package config

import (
	"maps"
	"slices"
	"testing"
)

// The reference lists exactly the keys the decoder reads: decoding a config
// with every section records, per mapping, the keys the decoder takes.
func TestReferenceMatchesDecoder(t *testing.T) {
	t.Parallel()
	// Every mapping once, and a board of every type.
	doc := "company: {}\nsources: [{path: p.md}]\nguards: {}\nopenings: [{family: f, pay: {min: 1, max: 2, currency: USD}}]\nboards:\n"
	for _, bt := range BoardTypes() {
		doc += "  - {name: " + bt.Name + ", type: " + bt.Name + "}\n"
	}
	d := &decoder{p: &problems{}, known: map[string]map[string]bool{}}
	d.decode(&Config{Dir: t.TempDir()}, []byte(doc))
	names := func(keys []Key) []string {
		var out []string
		for _, k := range keys {
			out = append(out, k.Name)
		}
		slices.Sort(out)
		return out
	}
	for what, keys := range map[string][]Key{
		"the config": coreKeys(),
		"company":    coreKey("company").Keys,
		"source":     coreKey("sources").Keys,
		"opening":    coreKey("openings").Keys,
		"pay":        coreKey("openings").Keys[8].Keys,
		"guards":     coreKey("guards").Keys,
	} {
		if got, want := slices.Sorted(maps.Keys(d.known[what])), names(keys); !slices.Equal(got, want) {
			t.Errorf("%s: the decoder reads %v, the reference lists %v", what, got, want)
		}
	}
	// A board's keys: the core ones and its type's options.
	for _, bt := range BoardTypes() {
		want := names(append(coreKey("boards").Keys, bt.Keys...))
		for _, k := range want {
			if !d.known["board"][k] {
				t.Errorf("board type %s: the reference lists %s, which the decoder does not read", bt.Name, k)
			}
		}
	}
	for k := range d.known["board"] {
		if !slices.Contains(names(coreKey("boards").Keys), k) && !slices.ContainsFunc(BoardTypes(), func(bt BoardType) bool {
			return slices.ContainsFunc(bt.Keys, func(o Key) bool { return o.Name == k })
		}) {
			t.Errorf("the decoder reads board key %s, which the reference does not list", k)
		}
	}
	if got := coreKey("openings").Keys[8].Name; got != "pay" {
		t.Fatalf("openings key 8 is %s, want pay", got)
	}
}

func TestEnvSuffix(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{"ClientSecret": "CLIENT_SECRET", "BaseURL": "BASE_URL", "APIKey": "API_KEY", "UserID": "USER_ID", "PerformAs": "PERFORM_AS", "TokenURL": "TOKEN_URL"} {
		if got := envSuffix(in); got != want {
			t.Errorf("envSuffix(%s) = %s, want %s", in, got, want)
		}
	}
}
