package main

import (
	"os"
	"strings"
	"testing"
)

// TestOnePostingPerLocation: a local board that publishes once per location
// gives each location its own posting; adding a location creates one
// posting and removing one closes one, and the others stay untouched.
func TestOnePostingPerLocation(t *testing.T) {
	t.Parallel()
	opening := func(locations string) string {
		return `openings:
  - family: product-manager
    level: Senior Product Manager
    specialty: Govern
    locations: ` + locations + `
    pay: {min: 120000, max: 160000, currency: USD}
`
	}
	w := newWorkspace(t, "")
	base, err := os.ReadFile(w.config)
	if err != nil {
		t.Fatal(err)
	}
	config := strings.Replace(string(base), "    dir: board\n", "    dir: board\n    one_posting_per_location: true\n", 1)
	steps := []struct {
		locations, want string
	}{
		{`["Denver, CO", "Remote, US"]`, "2 created, 0 updated, 0 closed"},
		{`["Denver, CO", "Remote, US", "Toronto, ON"]`, "1 created, 0 updated, 0 closed"},
		{`["Remote, US", "Toronto, ON"]`, "0 created, 0 updated, 1 closed"},
	}
	for _, s := range steps {
		writeFile(t, w.config, config+opening(s.locations))
		code, out, stderr := cli(t, nil, "sync", "--config", w.config)
		if code != 0 || !strings.Contains(out, s.want) {
			t.Fatalf("%s: exit %d, want %q:\n%s\n%s", s.locations, code, s.want, out, stderr)
		}
	}
	var open []string
	for _, r := range w.remotes(t) {
		if r.Open {
			open = append(open, r.Key)
		}
	}
	want := "product-manager/senior-product-manager/govern/remote-us product-manager/senior-product-manager/govern/toronto-on"
	if strings.Join(open, " ") != want {
		t.Errorf("open postings %v, want %s", open, want)
	}
}
