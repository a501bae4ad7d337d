package main

import (
	"errors"
	"os"
	"strings"
	"testing"
)

const denverOpening = `openings:
  - family: product-manager
    level: Senior Product Manager
    specialty: Govern
    locations: ["Denver, CO"]
`

// TestPayTransparencyStopsBeforeAnyWrite: an opening in Denver without pay
// is refused by plan and sync before anything is written, with the
// jurisdiction, the rule, its source and the config line.
func TestPayTransparencyStopsBeforeAnyWrite(t *testing.T) {
	t.Parallel()
	w := newWorkspace(t, denverOpening)
	for _, cmd := range []string{"plan", "sync"} {
		code, _, stderr := cli(t, nil, cmd, "--config", w.config)
		if code != exitError {
			t.Fatalf("%s: exit %d, want %d", cmd, code, exitError)
		}
		for _, want := range []string{
			w.config + ":10: opening product-manager / Senior Product Manager / Govern",
			`published in "Denver, CO"`, "Colorado requires in every job posting", "since 2021-01-01",
			"Equal Pay for Equal Work Act", "https://rewardset.com/countries/usa-colorado", "nothing was written",
		} {
			if !strings.Contains(stderr, want) {
				t.Errorf("%s: stderr lacks %q:\n%s", cmd, want, stderr)
			}
		}
	}
	if _, err := os.Stat(w.board); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the board folder exists: %v", err)
	}
}

func TestPayTransparencyPasses(t *testing.T) {
	t.Parallel()
	for name, extra := range map[string]string{
		"with pay":  denverOpening + "    pay: {min: 120000, max: 160000, currency: USD}\n",
		"as a warn": "pay_transparency: warn\n" + denverOpening,
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			w := newWorkspace(t, extra)
			code, stdout, stderr := cli(t, nil, "sync", "--config", w.config)
			if code != 0 {
				t.Fatalf("exit %d\n%s", code, stderr)
			}
			if !strings.Contains(stdout, "1 created") {
				t.Errorf("stdout: %s", stdout)
			}
			if warned := strings.Contains(stderr, "Colorado requires"); warned != (name == "as a warn") {
				t.Errorf("warned = %v:\n%s", warned, stderr)
			}
		})
	}
}

func TestPayTransparencyRemoteUSCounts(t *testing.T) {
	t.Parallel()
	w := newWorkspace(t, strings.Replace(denverOpening, `["Denver, CO"]`, `["Remote, US"]`, 1))
	code, _, stderr := cli(t, nil, "sync", "--config", w.config)
	if code != exitError || !strings.Contains(stderr, `open to remote applicants ("Remote, US"), and 16 places have laws about that`) ||
		!strings.Contains(stderr, "\n    Colorado requires") || !strings.Contains(stderr, "\n    New York City requires") {
		t.Errorf("exit %d:\n%s", code, stderr)
	}
}

func TestLintConfig(t *testing.T) {
	t.Parallel()
	w := newWorkspace(t, denverOpening)
	code, stdout, _ := cli(t, nil, "lint", "--config", w.config)
	if code != exitError || !strings.Contains(stdout, w.config+":10: error: opening product-manager / Senior Product Manager / Govern: no pay range") ||
		!strings.Contains(stdout, "1 pages, 1 errors") {
		t.Errorf("exit %d:\n%s", code, stdout)
	}
	w = newWorkspace(t, "pay_transparency: warn\n"+denverOpening)
	code, stdout, _ = cli(t, nil, "lint", "--config", w.config)
	if code != 0 || !strings.Contains(stdout, ":11: warning: opening") ||
		!strings.Contains(stdout, ":11: warning: opening product-manager / Senior Product Manager / Govern: structured data of its posting: employmentType (recommended): missing") {
		t.Errorf("warn: exit %d:\n%s", code, stdout)
	}
	if code, _, stderr := cli(t, nil, "lint"); code != exitError || !strings.Contains(stderr, "name pages or a --config") {
		t.Errorf("no arguments: exit %d %s", code, stderr)
	}
}
