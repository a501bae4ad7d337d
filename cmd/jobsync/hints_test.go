package main

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// A missing config file says where it was looked for and how to name or
// start one.
func TestMissingConfigSaysHowToFix(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "jobsync.yaml")
	for _, cmd := range []string{"plan", "sync", "compose"} {
		code, _, stderr := cli(t, nil, cmd, "--config", path)
		if code != exitError || !strings.Contains(stderr, "config "+path+": no such file: name one with --config FILE or JOBSYNC_CONFIG, or start one with: jobsync init PAGE") {
			t.Errorf("%s: exit %d: %s", cmd, code, stderr)
		}
	}
}

// lint --config checks a config, its pages and its openings offline, with
// no credentials for its remote boards, and says every problem with its
// file:line, the likely fix first; exit 1 as on any error.
func TestLintConfigOffline(t *testing.T) {
	t.Parallel()
	w := newWorkspace(t, `  - {name: greenhouse, type: greenhouse}
openings:
  - family: product-manager
    level: Senior Product Manger
    specialty: Verify (CI)
    locations: [Berlin, Germany]
    pay: {min: 100000, max: 120000, currency: EUR}
`)
	code, out, stderr := cli(t, nil, "lint", "--config", w.config)
	if code != exitError {
		t.Errorf("exit %d, want 1:\n%s\n%s", code, out, stderr)
	}
	for _, want := range []string{
		w.config + `:11: opening: unknown level "Senior Product Manger" in family product-manager (did you mean "Senior Product Manager"?)`,
		w.page + ":336: warning: second requirements section",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("lint output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out+stderr, "JOBSYNC_GREENHOUSE") {
		t.Errorf("lint wants credentials:\n%s\n%s", out, stderr)
	}
}

// A page that is not there is said once, path first (was "x.md: error:
// stat x.md: no such file or directory").
func TestMissingPageSaidOnce(t *testing.T) {
	t.Parallel()
	page := filepath.Join(t.TempDir(), "nothere.md")
	code, out, _ := cli(t, nil, "lint", page)
	if want := page + ": error: no such file or folder\n"; code != exitError || !strings.HasPrefix(out, want) {
		t.Errorf("exit %d, output %q, want it to start %q", code, out, want)
	}
}

// Shell completion offers --format values and the config's board names.
func TestCompletion(t *testing.T) {
	t.Parallel()
	w := newWorkspace(t, "  - {name: gh-eu, type: greenhouse}\n")
	for _, tc := range []struct {
		args []string
		want []string
	}{
		{[]string{"__complete", "plan", "--format", ""}, []string{"text", "json", "markdown"}},
		{[]string{"__complete", "compose", "--format", ""}, []string{"md", "html", "json"}},
		{[]string{"__complete", "version", "--format", ""}, []string{"text", "json"}},
		{[]string{"__complete", "plan", "--config", w.config, "--board", ""}, []string{"local", "gh-eu"}},
	} {
		var out strings.Builder
		newApp(&out, &strings.Builder{}).execute(context.Background(), tc.args)
		lines := strings.Split(out.String(), "\n")
		for _, want := range tc.want {
			if !slices.Contains(lines, want) {
				t.Errorf("%v: completions %q lack %q", tc.args, lines, want)
			}
		}
	}
}
