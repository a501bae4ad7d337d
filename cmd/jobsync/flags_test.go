package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jobsync/jobsync/ats"
	"github.com/jobsync/jobsync/ats/atstest"
	"github.com/jobsync/jobsync/config"
)

// Naming one board twice syncs it once: planned and applied twice in
// parallel, every create would happen twice.
func TestBoardNamedTwiceIsSyncedOnce(t *testing.T) {
	w := newWorkspace(t, "")
	mem := atstest.NewMemBoard("local") // one remote account behind the board
	boardFor := func(config.Board) (ats.Board, error) { return mem, nil }
	code, out, errs := cli(t, boardFor, "sync", "--config", w.config, "--board", "local", "--board", "local")
	t.Logf("exit %d\n%s\n%s", code, lastLines(out, 3), lastLines(errs, 3))
	rs, _ := mem.List(t.Context())
	seen := map[string]int{}
	for _, r := range rs {
		if r.Owned && r.Open {
			seen[r.Key]++
		}
	}
	dups := 0
	for _, n := range seen {
		if n > 1 {
			dups++
		}
	}
	if dups > 0 {
		t.Fatalf("%d keys have more than one open posting after one sync (board holds %d postings for %d keys)", dups, len(rs), len(seen))
	}
}

func lastLines(s string, n int) string {
	l := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(l) > n {
		l = l[len(l)-n:]
	}
	return strings.Join(l, "\n")
}

// guards.max_close_percent: 0 and max_close_count: 0 are the strictest
// setting (no close without --allow-mass-close), not the engine's defaults.
func TestZeroGuardsRefuseAnyClose(t *testing.T) {
	w := newWorkspace(t, "guards:\n  max_close_percent: 0\n  max_close_count: 0\n")
	mustSync(t, w)
	w.removeSpecialties(t, "Pods") // 4 of 112 postings close
	code, out, _ := cli(t, nil, "sync", "--config", w.config)
	if code == 0 && strings.Contains(out, "4 closed") {
		t.Fatalf("guards 0%%/0 let a sync close 4 postings:\n%s", lastLines(out, 1))
	}
}

// plan and sync --dry-run write nothing on a local board, not even the
// index.html a locked run would repair.
func TestPlanLeavesTheIndexAlone(t *testing.T) {
	w := newWorkspace(t, "")
	mustSync(t, w)
	index := filepath.Join(w.board, "index.html")
	if err := os.Remove(index); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"plan", "--config", w.config}, {"sync", "--dry-run", "--config", w.config}} {
		if code, _, errs := cli(t, nil, args...); code != 0 {
			t.Fatalf("%v: exit %d %s", args, code, errs)
		}
		if _, err := os.Stat(index); err == nil {
			t.Fatalf("%v wrote %s", args, index)
		}
	}
}

// `--board ""` (an unset variable in a script) is an error, not every board.
func TestEmptyBoardFlagIsAnError(t *testing.T) {
	w := newWorkspace(t, "")
	mem := atstest.NewMemBoard("local")
	code, out, errs := cli(t, func(config.Board) (ats.Board, error) { return mem, nil }, "sync", "--config", w.config, "--board", "")
	if code == 0 {
		t.Fatalf("--board \"\" was accepted and synced every board (%d writes):\n%s%s", mem.WriteCalls(), lastLines(out, 1), lastLines(errs, 1))
	}
}
