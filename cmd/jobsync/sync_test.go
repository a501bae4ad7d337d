package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/jobsync/jobsync/ats"
	"github.com/jobsync/jobsync/ats/atstest"
	"github.com/jobsync/jobsync/ats/local"
	"github.com/jobsync/jobsync/config"
)

// planSummary runs plan --format json and decodes its summary. Drift
// fails the plan, as it fails the sync, with the plan printed.
func planSummary(t *testing.T, w workspace) ats.Summary {
	t.Helper()
	code, out, errs := cli(t, nil, "plan", "--config", w.config, "--format", "json")
	if code != 0 && !(code == exitError && strings.Contains(errs, "--overwrite-drift")) {
		t.Fatalf("plan: exit %d\n%s", code, errs)
	}
	var p struct {
		Summary ats.Summary  `json:"summary"`
		Actions []ats.Action `json:"actions"`
	}
	if err := json.Unmarshal([]byte(out), &p); err != nil {
		t.Fatalf("plan json: %v\n%s", err, out)
	}
	return p.Summary
}

func mustSync(t *testing.T, w workspace, args ...string) string {
	t.Helper()
	code, out, errs := cli(t, nil, append([]string{"sync", "--config", w.config}, args...)...)
	if code != 0 {
		t.Fatalf("sync %v: exit %d\n%s\n%s", args, code, out, errs)
	}
	return out
}

func detailedExit(t *testing.T, w workspace) int {
	t.Helper()
	code, _, errs := cli(t, nil, "plan", "--config", w.config, "--detailed-exitcode")
	if code == exitError {
		t.Fatalf("plan: %s", errs)
	}
	return code
}

// The life of a local board fed by the product-manager page, step by step,
// as issue 3 asks.
func TestSyncProductManagerToLocalBoard(t *testing.T) {
	t.Parallel()
	w := newWorkspace(t, "")

	out := mustSync(t, w)
	if !strings.Contains(out, "112 created") {
		t.Fatalf("first sync: want 112 created, got\n%s", out)
	}
	if n := openOwned(t, w.remotes(t)); n != 112 {
		t.Fatalf("board holds %d open postings, want 112", n)
	}
	if code := detailedExit(t, w); code != exitOK {
		t.Fatalf("plan right after sync: exit %d, want 0 (no changes)", code)
	}

	// One requirement of one specialty: one posting per level changes.
	w.editPage(t, "Strong understanding of SIEM and operational security", "Strong understanding of SIEM, SOAR and operational security")
	if s := planSummary(t, w); s.Update != 4 || s.Create != 0 || s.Close != 0 || s.Unchanged != 108 {
		t.Fatalf("after editing a Govern requirement: %+v, want 4 updates, 108 unchanged", s)
	}
	if code := detailedExit(t, w); code != exitChanges {
		t.Fatalf("plan with changes pending: exit %d, want 2", code)
	}
	if out := mustSync(t, w); !strings.Contains(out, "4 updated") {
		t.Fatalf("want 4 updated, got\n%s", out)
	}

	// One specialty gone: its four postings close.
	w.removeSpecialties(t, "Pods")
	if s := planSummary(t, w); s.Close != 4 || s.Update != 0 || s.Create != 0 {
		t.Fatalf("after removing a specialty: %+v, want 4 closes", s)
	}
	mustSync(t, w)
	if n := openOwned(t, w.remotes(t)); n != 108 {
		t.Fatalf("board holds %d open postings, want 108", n)
	}

	// Twenty more gone: 80 closes of 108 is refused before any write.
	gone := []string{"Manage (Organization)", "Manage (Optimize)", "Manage (Import)", "Create", "Verify (CI)",
		"Release (CD)", "Configure", "Package", "Monitor", "Distribution", "Secure (Composition Analysis)", "Govern",
		"Product Intelligence", "Product Analytics", "Fulfillment", "Search", "Geo", "Switchboard", "Ecosystem", "Foundations"}
	w.removeSpecialties(t, gone...)
	before := w.remotes(t)
	code, _, errs := cli(t, nil, "sync", "--config", w.config)
	if code != exitError || !strings.Contains(errs, "mass") {
		t.Fatalf("mass close: exit %d, want 1 with a mass-close error; stderr:\n%s", code, errs)
	}
	if after := w.remotes(t); openOwned(t, after) != 108 || len(after) != len(before) {
		t.Fatalf("a refused sync wrote to the board")
	}
	out = mustSync(t, w, "--allow-mass-close")
	if !strings.Contains(out, "80 closed") {
		t.Fatalf("want 80 closed, got\n%s", out)
	}
	if n := openOwned(t, w.remotes(t)); n != 28 {
		t.Fatalf("board holds %d open postings, want 28", n)
	}
}

func TestBrokenPageWritesNothing(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ name, page string }{
		{"empty", ""},
		{"binary", "\x00\x01\x02 not markdown \x00"},
		{"no postings", "---\ntitle: Nothing\n---\n\n## Relevant links\n\n- [elsewhere](/x)\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			w := newWorkspace(t, "")
			writeFile(t, w.page, tc.page)
			mem := atstest.NewMemBoard("local")
			code, _, errs := cli(t, func(config.Board) (ats.Board, error) { return mem, nil }, "sync", "--config", w.config)
			if code != exitError {
				t.Fatalf("exit %d, want 1", code)
			}
			if !strings.Contains(errs, "product-manager.md") {
				t.Errorf("error does not name the page:\n%s", errs)
			}
			if n := len(mem.Calls()); n != 0 {
				t.Errorf("%d board calls after a parse failure, want none", n)
			}
		})
	}
}

func TestDryRunAndPlanMakeNoWrites(t *testing.T) {
	t.Parallel()
	w := newWorkspace(t, "")
	mem := atstest.NewMemBoard("local")
	boardFor := func(config.Board) (ats.Board, error) { return mem, nil }
	for _, args := range [][]string{
		{"plan", "--config", w.config},
		{"plan", "--config", w.config, "--format", "markdown"},
		{"sync", "--config", w.config, "--dry-run"},
	} {
		if code, _, errs := cli(t, boardFor, args...); code != 0 {
			t.Fatalf("%v: exit %d\n%s", args, code, errs)
		}
		if n := mem.WriteCalls(); n != 0 {
			t.Fatalf("%v made %d write calls, want 0", args, n)
		}
	}
	if code, _, errs := cli(t, boardFor, "sync", "--config", w.config); code != 0 {
		t.Fatalf("sync: exit %d\n%s", code, errs)
	}
	if n := mem.WriteCalls(); n != 112 {
		t.Fatalf("sync made %d write calls, want 112", n)
	}
}

func TestPlanFormats(t *testing.T) {
	t.Parallel()
	w := newWorkspace(t, "")
	mustSync(t, w)
	w.editPage(t, "Strong understanding of SIEM and operational security", "Strong understanding of SIEM and security operations")
	code, md, _ := cli(t, nil, "plan", "--config", w.config, "--format", "markdown")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	for _, want := range []string{"| Board | Create | Update |", "| local | 0 | 4 | 0 | 108 |", "<details><summary>", "```diff", "+- Strong understanding of SIEM and security operations"} {
		if !strings.Contains(md, want) {
			t.Errorf("markdown plan lacks %q:\n%s", want, md)
		}
	}
	code, text, _ := cli(t, nil, "plan", "--config", w.config)
	if code != 0 || !strings.Contains(text, "~ update") || !strings.Contains(text, "4 to update") {
		t.Errorf("text plan:\n%s", text)
	}
}

// A posting edited by hand on the board is drift: reported, left alone,
// exit 1, until --overwrite-drift.
func TestDriftIsReportedNotOverwritten(t *testing.T) {
	t.Parallel()
	w := newWorkspace(t, "")
	mustSync(t, w)
	file := filepath.Join(w.board, "postings", "product-manager--senior-product-manager--verify-ci.json")
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	// Records may be written indented or compact: match either.
	title := regexp.MustCompile(`"title":\s*"Senior Product Manager, Verify \(CI\)"`)
	edited := title.ReplaceAllLiteralString(string(data), `"title":"Senior PM, Verify (CI) (edited by hand)"`)
	if edited == string(data) {
		t.Fatal("title not found in the posting file")
	}
	writeFile(t, file, edited)

	if s := planSummary(t, w); s.Drift != 1 || s.Update != 0 || s.Unchanged != 111 {
		t.Fatalf("plan after a hand edit: %+v, want 1 drift, 111 unchanged", s)
	}
	code, _, errs := cli(t, nil, "sync", "--config", w.config)
	if code != exitError || !strings.Contains(errs, "--overwrite-drift") {
		t.Fatalf("sync with drift: exit %d, want 1 naming --overwrite-drift; stderr:\n%s", code, errs)
	}
	if got, _ := os.ReadFile(file); string(got) != edited {
		t.Fatal("sync overwrote a hand-edited posting without --overwrite-drift")
	}
	if out := mustSync(t, w, "--overwrite-drift"); !strings.Contains(out, "1 updated") {
		t.Fatalf("--overwrite-drift: want 1 updated, got\n%s", out)
	}
	if code := detailedExit(t, w); code != exitOK {
		t.Fatalf("plan after overwrite: exit %d, want 0", code)
	}
}

// Postings a person added to the board are never touched.
func TestUnmanagedPostingSurvives(t *testing.T) {
	t.Parallel()
	w := newWorkspace(t, "")
	mustSync(t, w)
	hand := filepath.Join(w.board, "postings", "hand-made.json")
	const content = `{"id": "hand-made", "title": "Product Manager, Verify (CI)", "status": "open", "html": "<p>Made by a person.</p>"}`
	writeFile(t, hand, content)
	w.removeSpecialties(t, "Verify (CI)")
	s := planSummary(t, w)
	if s.Unmanaged != 1 || s.Close != 4 {
		t.Fatalf("plan: %+v, want 1 unmanaged and 4 closes", s)
	}
	mustSync(t, w)
	if got, _ := os.ReadFile(hand); string(got) != content {
		t.Fatalf("the hand-made posting changed:\n%s", got)
	}
}

// A config with mistakes names each one with its line, and nothing runs.
func TestBadConfigNamesEveryProblem(t *testing.T) {
	t.Parallel()
	w := newWorkspace(t, `openings:
  - family: product-manager
    level: Senior Product Manager
    salary: lots
    boards: [nowhere]
`)
	mem := atstest.NewMemBoard("local")
	code, _, errs := cli(t, func(config.Board) (ats.Board, error) { return mem, nil }, "sync", "--config", w.config)
	if code != exitError {
		t.Fatalf("exit %d, want 1", code)
	}
	for _, want := range []string{"jobsync.yaml:12: unknown key \"salary\"", "jobsync.yaml:10: opening: board \"nowhere\""} {
		if !strings.Contains(errs, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errs)
		}
	}
	if n := len(mem.Calls()); n != 0 {
		t.Errorf("%d board calls with a bad config, want none", n)
	}
}

// A sync of a board another run holds fails before any read, and its error
// names the board once; a plan of it goes ahead, as it takes no lock.
func TestLockedBoardIsNamedOnce(t *testing.T) {
	t.Parallel()
	w := newWorkspace(t, "")
	other, err := local.New("local", w.board)
	if err != nil {
		t.Fatal(err)
	}
	unlock, err := other.Lock(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	defer unlock()
	code, _, errs := cli(t, nil, "sync", "--config", w.config)
	if want := "jobsync: board local: another jobsync run holds the lock on " + w.board; code != exitError || !strings.Contains(errs, want) || strings.Count(errs, "board local") != 1 {
		t.Fatalf("exit %d, stderr:\n%s\nwant exit 1 and %q, the board named once", code, errs, want)
	}
	if code, out, errs := cli(t, nil, "plan", "--config", w.config); code != exitOK || !strings.Contains(out, "112 to create") {
		t.Fatalf("plan of a locked board: exit %d\n%s\n%s", code, lastLines(out, 2), errs)
	}
}
