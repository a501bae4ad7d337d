package config

import (
	"strings"
	"testing"

	"github.com/jobsync/jobsync/ats"
)

// Two boards whose names differ only in "-" and "_" would read the same
// JOBSYNC_<NAME>_* variables: one account, two plans fighting. Refused.
func TestBoardNamesMustDifferInTheEnvironment(t *testing.T) {
	t.Parallel()
	_, err := Parse("j.yaml", "/tmp", []byte("sources: [{path: p.md}]\nboards:\n  - {name: gh-eu, type: greenhouse}\n  - {name: gh_eu, type: greenhouse}\n"))
	if err == nil || !strings.Contains(err.Error(), "j.yaml:4") {
		t.Fatalf("boards gh-eu and gh_eu both accepted (both read %s_*): %v", ats.EnvPrefix("gh-eu"), err)
	}
}

// "boards: []" reads like "nowhere for now", but an empty list would mean
// every board: refused, with what to write instead.
func TestEmptyOpeningBoardsIsAnError(t *testing.T) {
	t.Parallel()
	_, err := Parse("j.yaml", "/tmp", []byte("sources: [{path: p.md}]\nboards:\n  - {name: gh, type: greenhouse}\nopenings:\n  - {family: pm, boards: []}\n"))
	if err == nil || !strings.Contains(err.Error(), "j.yaml:5") || !strings.Contains(err.Error(), "boards is empty") {
		t.Fatalf("boards: [] accepted: %v", err)
	}
}
