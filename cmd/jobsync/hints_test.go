package main

import (
	"path/filepath"
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
