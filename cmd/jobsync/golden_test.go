package main

import (
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		writeFile(t, path, got)
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./cmd/jobsync -update)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from the golden file; run go test ./cmd/jobsync -update and review the diff\n--- got ---\n%s", name, got)
	}
}

// The plan a reviewer reads, in each format: one update, one close, one
// create, and the totals.
func TestPlanOutputGolden(t *testing.T) {
	t.Parallel()
	w := newWorkspace(t, "")
	mustSync(t, w)
	w.editPage(t, "Strong understanding of SIEM and operational security", "Strong understanding of SIEM and security operations")
	w.removeSpecialties(t, "Pods")
	w.editPage(t, "### Foundations\n", "### Foundations\n\nWe're looking for a PM for our Foundations group.\n")
	for _, tc := range []struct{ format, file string }{
		{"text", "plan.golden.txt"},
		{"markdown", "plan.golden.md"},
		{"json", "plan.golden.json"},
	} {
		code, out, errs := cli(t, nil, "plan", "--config", w.config, "--format", tc.format, "--no-color")
		if code != 0 {
			t.Fatalf("plan --format %s: exit %d\n%s", tc.format, code, errs)
		}
		golden(t, tc.file, out)
	}
}
