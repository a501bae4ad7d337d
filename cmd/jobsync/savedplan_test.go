package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jobsync/jobsync/ats"
	"github.com/jobsync/jobsync/ats/atstest"
	"github.com/jobsync/jobsync/config"
)

// A saved plan applied unchanged does exactly its actions; applied after
// the page, the config or a posting it touches on the board moved, it is
// refused with no write, saying what moved.
func TestSavedPlan(t *testing.T) {
	t.Parallel()
	const govern = "product-manager/senior-product-manager/govern"
	for _, tc := range []struct {
		name  string
		move  func(t *testing.T, w workspace, mem *atstest.MemBoard)
		stale []string // what the refusal says; none: applied
	}{
		{"unchanged", func(*testing.T, workspace, *atstest.MemBoard) {}, nil},
		{"page edited", func(t *testing.T, w workspace, _ *atstest.MemBoard) {
			w.editPage(t, "- Passion for design and usability\n", "- Passion for design, usability and accessibility\n")
		}, []string{"the pages or the config now compose other postings: 112 changed (product-manager/product-manager/manage-organization"}},
		{"config edited", func(t *testing.T, w workspace, _ *atstest.MemBoard) {
			writeFile(t, w.config, readFile(t, w.config)+"# a comment\n")
		}, []string{"the config " + "CONFIG" + " changed since the plan was made"}},
		{"edited on the board", func(t *testing.T, _ workspace, mem *atstest.MemBoard) {
			mem.EditText(idOf(t, mem, govern), "edited by hand")
		}, []string{"board local: " + govern + " (ID) was edited on the board", "board local: " + govern + " (ID): the plan would update it; now it is drift (edited outside jobsync)"}},
		{"closed on the board", func(t *testing.T, _ workspace, mem *atstest.MemBoard) {
			if err := mem.Close(t.Context(), idOf(t, mem, govern)); err != nil {
				t.Fatal(err)
			}
		}, []string{"board local: " + govern + " (ID) was closed on the board", "the plan would update it; now it is update (reopen)"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			w, mem := seeded(t)
			boardFor := func(config.Board) (ats.Board, error) { return mem, nil }
			w.editPage(t, "Strong understanding of SIEM and operational security", "Strong understanding of SIEM, SOAR and operational security")
			saved := filepath.Join(w.dir, "jobsync.plan")
			if code, _, errs := cli(t, boardFor, "plan", "--config", w.config, "--out", saved, "--detailed-exitcode"); code != exitChanges {
				t.Fatalf("plan --out: exit %d\n%s", code, errs)
			}
			file := readFile(t, saved)
			var sp savedPlan
			if err := json.Unmarshal([]byte(file), &sp); err != nil || sp.FormatVersion != savedPlanVersion || len(sp.Boards) != 1 || sp.Boards[0].Summary.Update != 4 || len(sp.Desired) != 112 {
				t.Fatalf("saved plan: %v; %+v", err, sp.Boards)
			}
			tc.move(t, w, mem)
			before := mem.WriteCalls()
			// The plan names its config: sync --plan needs nothing else.
			code, out, errs := cli(t, boardFor, "sync", "--plan", saved)
			if tc.stale == nil {
				if code != 0 || !strings.Contains(out, "0 created, 4 updated, 0 closed") || mem.WriteCalls()-before != 4 {
					t.Fatalf("sync --plan: exit %d, %d writes, want the plan's 4 updates\n%s\n%s", code, mem.WriteCalls()-before, lastLines(out, 2), errs)
				}
				if code, _, errs := cli(t, boardFor, "plan", "--config", w.config, "--detailed-exitcode"); code != exitOK {
					t.Errorf("plan after sync --plan: exit %d, want 0\n%s", code, errs)
				}
				return
			}
			if code != exitError || mem.WriteCalls() != before {
				t.Fatalf("sync --plan of a stale plan: exit %d, %d writes; want 1 and none\n%s", code, mem.WriteCalls()-before, errs)
			}
			if !strings.Contains(errs, "the saved plan is stale, nothing was written") {
				t.Errorf("stderr does not say the plan is stale:\n%s", errs)
			}
			for _, want := range tc.stale {
				want = strings.ReplaceAll(want, "CONFIG", w.config)
				want = strings.ReplaceAll(want, "(ID)", "("+idOf(t, mem, govern)+")")
				if !strings.Contains(errs, want) {
					t.Errorf("stderr lacks %q:\n%s", want, errs)
				}
			}
		})
	}
}

// sync --plan keeps the plan's own choices.
func TestSavedPlanRefusesOtherChoices(t *testing.T) {
	t.Parallel()
	w, mem := seeded(t)
	boardFor := func(config.Board) (ats.Board, error) { return mem, nil }
	saved := filepath.Join(w.dir, "jobsync.plan")
	if code, _, errs := cli(t, boardFor, "plan", "--config", w.config, "--out", saved); code != 0 {
		t.Fatalf("plan --out: exit %d\n%s", code, errs)
	}
	code, _, errs := cli(t, boardFor, "sync", "--plan", saved, "--allow-mass-close")
	if code != exitError || !strings.Contains(errs, "--allow-mass-close: --plan applies the saved plan's own choices") {
		t.Errorf("exit %d\n%s", code, errs)
	}
	writeFile(t, saved, `{"format": "jobsync saved plan", "format_version": "2.0"}`)
	code, _, errs = cli(t, boardFor, "sync", "--plan", saved)
	if code != exitError || !strings.Contains(errs, "a saved plan of format 2.0; this jobsync reads 1.0") {
		t.Errorf("exit %d\n%s", code, errs)
	}
}

// idOf is the id of the posting with key on mem.
func idOf(t *testing.T, mem *atstest.MemBoard, key string) string {
	t.Helper()
	rs, err := mem.List(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rs {
		if r.Key == key {
			return r.ID
		}
	}
	t.Fatalf("no posting %s", key)
	return ""
}
