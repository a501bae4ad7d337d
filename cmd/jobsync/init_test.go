package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jobsync/jobsync/ats"
	"github.com/jobsync/jobsync/config"
)

// init writes a config that lint --config accepts as it stands, with the
// page as a source relative to the config, a local board, every remote
// board type commented with the variables it reads, and an opening with
// the family's levels and specialties beside it; it never overwrites.
func TestInitWritesAConfigThatValidates(t *testing.T) {
	t.Parallel()
	dir := handbookFolder(t) // the product-manager page and a README.md that is no family
	out := filepath.Join(dir, "conf", "jobsync.yaml")
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := cli(t, nil, "init", dir, "--out", out, "--base-url", "https://handbook.gitlab.com")
	if code != 0 {
		t.Fatalf("init: exit %d:\n%s\n%s", code, stdout, stderr)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	for _, want := range []string{
		"  - path: ../product-manager.md\n    base_url: https://handbook.gitlab.com\n",
		"    type: local\n    dir: out/board ",
		"  - family: product-manager\n",
		"  #     Senior Product Manager (senior-product-manager, grade 8)\n",
		"  #     Verify (CI) (verify-ci)\n",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("config lacks %q:\n%s", want, text)
		}
	}
	for _, bt := range config.BoardTypes() {
		if bt.Name == "local" {
			continue
		}
		if !strings.Contains(text, "  # - name: "+bt.Name+"\n  #   type: "+bt.Name+"\n") {
			t.Errorf("no commented %s board", bt.Name)
		}
		for _, e := range bt.Env {
			if !strings.Contains(text, ats.EnvVar(bt.Name, e.Suffix)) {
				t.Errorf("the %s board does not name %s", bt.Name, ats.EnvVar(bt.Name, e.Suffix))
			}
		}
	}
	code, lint, _ := cli(t, nil, "lint", "--config", out)
	if code != 0 || !strings.Contains(lint, " 0 errors") {
		t.Errorf("lint --config of init's config: exit %d:\n%s", code, lint)
	}
	if code, _, stderr := cli(t, nil, "init", dir, "--out", out); code != exitError || !strings.Contains(stderr, "exists") {
		t.Errorf("init over an existing file: exit %d, %s", code, stderr)
	}
}
