package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jobsync/jobsync/posting"
)

// shape is a fixture page of the source package.
func shape(name string) string {
	return filepath.Join("..", "..", "source", "testdata", "shapes", name)
}

// TestParseShowsCodesAndExpectations: parse prints a level's code and its
// expectations, in text and in JSON.
func TestParseShowsCodesAndExpectations(t *testing.T) {
	t.Parallel()
	code, out, stderr := cli(t, nil, "parse", shape("html-columns.md"))
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{"level P1   Rep: 0 requirements, 2 expectations", "level P2   Senior Rep: 0 requirements, 2 expectations"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	code, out, stderr = cli(t, nil, "parse", "--format", "json", shape("html-columns.md"))
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var fams []posting.Family
	if err := json.Unmarshal([]byte(out), &fams); err != nil || len(fams) != 1 {
		t.Fatal(err, len(fams))
	}
	f := fams[0]
	if len(f.Levels) != 2 || f.Levels[1].Code != "P2" || len(f.Levels[1].Expectations) != 2 || !strings.Contains(out, `"code": "P2"`) {
		t.Errorf("levels %+v", f.Levels)
	}
}

// TestLintSaysWhatItCouldNotPlace: for a page read partly, lint names each
// section it could not place, at its line, with the shape it expected,
// and counts them; a page of levels named only in prose is an error at the
// line of the list.
func TestLintSaysWhatItCouldNotPlace(t *testing.T) {
	t.Parallel()
	code, out, _ := cli(t, nil, "lint", shape("levels-nested.md"))
	if code != 0 {
		t.Fatalf("exit %d:\n%s", code, out)
	}
	for _, want := range []string{
		shape("levels-nested.md") + `:53: warning: section "Staff Widget Engineer" looks like a level but states no job grade: expected a grade sentence`,
		shape("levels-nested.md") + ": read partly: 1 section not placed",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("lint output lacks %q:\n%s", want, out)
		}
	}
	code, out, _ = cli(t, nil, "lint", shape("prose-levels.md"))
	if code != exitError || !strings.Contains(out, shape("prose-levels.md")+":7: error: page holds no posting: levels are named only in prose") {
		t.Errorf("exit %d:\n%s", code, out)
	}
}
