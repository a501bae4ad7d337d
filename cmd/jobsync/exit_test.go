package main

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/jobsync/jobsync/ats"
	"github.com/jobsync/jobsync/ats/atstest"
	"github.com/jobsync/jobsync/config"
)

// prereqBoard is a MemBoard whose Preflight finds problems when its plan
// has creates, as Greenhouse's does of a missing template job.
type prereqBoard struct {
	*atstest.MemBoard
	problems []ats.Problem
}

func (p *prereqBoard) Preflight(_ context.Context, pl ats.Plan) ([]ats.Problem, error) {
	if pl.Summary().Create == 0 {
		return nil, nil
	}
	return p.problems, nil
}

// failingList is a MemBoard whose List fails.
type failingList struct{ *atstest.MemBoard }

func (failingList) List(context.Context) ([]ats.Remote, error) {
	return nil, errors.New("503 Service Unavailable")
}

// seeded is a workspace whose page is synced to a MemBoard.
func seeded(t *testing.T) (workspace, *atstest.MemBoard) {
	t.Helper()
	w := newWorkspace(t, "")
	mem := atstest.NewMemBoard("local")
	if code, _, errs := cli(t, func(config.Board) (ats.Board, error) { return mem, nil }, "sync", "--config", w.config); code != 0 {
		t.Fatalf("seeding sync: exit %d\n%s", code, errs)
	}
	return w, mem
}

// The README's exit-code table, row by row: plan, plan
// --detailed-exitcode, sync --dry-run and sync agree on every outcome known
// before a write, and plan and the dry run make no write call.
func TestExitCodeTable(t *testing.T) {
	t.Parallel()
	type setup func(t *testing.T) (workspace, *atstest.MemBoard, ats.Board)
	plain := func(edit func(*testing.T, workspace, *atstest.MemBoard)) setup {
		return func(t *testing.T) (workspace, *atstest.MemBoard, ats.Board) {
			w, mem := seeded(t)
			edit(t, w, mem)
			return w, mem, mem
		}
	}
	editRequirement := func(t *testing.T, w workspace, _ *atstest.MemBoard) {
		w.editPage(t, "Strong understanding of SIEM and operational security", "Strong understanding of SIEM, SOAR and operational security")
	}
	handEdit := func(t *testing.T, _ workspace, mem *atstest.MemBoard) {
		rs, _ := mem.List(t.Context())
		mem.EditText(rs[0].ID, "edited by hand")
	}
	massClose := func(t *testing.T, w workspace, _ *atstest.MemBoard) {
		w.removeSpecialties(t, "Pods", "Create", "Verify (CI)", "Release (CD)", "Configure", "Package", "Monitor", "Geo")
	}
	fresh := func(wrap func(*atstest.MemBoard) ats.Board) setup {
		return func(t *testing.T) (workspace, *atstest.MemBoard, ats.Board) {
			mem := atstest.NewMemBoard("local")
			return newWorkspace(t, ""), mem, wrap(mem)
		}
	}
	for _, tc := range []struct {
		name  string
		setup setup
		flags []string
		// plan, plan --detailed-exitcode, sync --dry-run, sync
		want       [4]int
		syncWrites int
		stderr     string // what each failing command says
	}{
		{"nothing to do", plain(func(*testing.T, workspace, *atstest.MemBoard) {}), nil, [4]int{0, 0, 0, 0}, 0, ""},
		{"changes pending", plain(editRequirement), nil, [4]int{0, 2, 0, 0}, 4, ""},
		{"drift", plain(handEdit), nil, [4]int{1, 1, 1, 1}, 0, "--overwrite-drift"},
		{"drift, overwritten", plain(handEdit), []string{"--overwrite-drift"}, [4]int{0, 2, 0, 0}, 1, ""},
		{"mass close", plain(massClose), nil, [4]int{1, 1, 1, 1}, 0, "--allow-mass-close"},
		{"mass close, allowed", plain(massClose), []string{"--allow-mass-close"}, [4]int{0, 2, 0, 0}, 32, ""},
		{"prerequisite missing", fresh(func(m *atstest.MemBoard) ats.Board {
			return &prereqBoard{m, []ats.Problem{ats.Prerequisite("", "template job 4001 does not exist: set JOBSYNC_LOCAL_TEMPLATE_JOB_ID")}}
		}), nil, [4]int{1, 1, 1, 1}, 0, "board local: template job 4001 does not exist"},
		{"notice only", fresh(func(m *atstest.MemBoard) ats.Board {
			return &prereqBoard{m, []ats.Problem{ats.Notice("", "the first write creates the job custom field jobsync")}}
		}), nil, [4]int{0, 2, 0, 0}, 112, ""},
		{"board cannot be listed", fresh(func(m *atstest.MemBoard) ats.Board { return failingList{m} }), nil, [4]int{1, 1, 1, 1}, 0, "503"},
		{"page fails to parse", plain(func(t *testing.T, w workspace, _ *atstest.MemBoard) { writeFile(t, w.page, "") }), nil, [4]int{1, 1, 1, 1}, 0, "product-manager.md"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			// One board for the four commands: the first three write
			// nothing (which is checked), and sync comes last.
			w, mem, board := tc.setup(t)
			for i, cmd := range [][]string{{"plan"}, {"plan", "--detailed-exitcode"}, {"sync", "--dry-run"}, {"sync"}} {
				before := mem.WriteCalls()
				args := append(append(cmd, "--config", w.config), tc.flags...)
				code, _, errs := cli(t, func(config.Board) (ats.Board, error) { return board, nil }, args...)
				if code != tc.want[i] {
					t.Errorf("%s: exit %d, want %d\n%s", strings.Join(cmd, " "), code, tc.want[i], errs)
				}
				if code == exitError && !strings.Contains(errs, tc.stderr) {
					t.Errorf("%s: stderr lacks %q:\n%s", strings.Join(cmd, " "), tc.stderr, errs)
				}
				want := 0
				if cmd[0] == "sync" && len(cmd) == 1 {
					want = tc.syncWrites
				}
				if n := mem.WriteCalls() - before; n != want {
					t.Errorf("%s: %d write calls, want %d", strings.Join(cmd, " "), n, want)
				}
			}
		})
	}
}

// A failed write fails the sync alone: the plan and dry run before it could
// not know.
func TestExitCodeOfAFailedWrite(t *testing.T) {
	t.Parallel()
	w, mem := seeded(t)
	w.editPage(t, "Strong understanding of SIEM and operational security", "Strong understanding of SIEM, SOAR and operational security")
	mem.SetWriteHook(func(atstest.Call) error { return fmt.Errorf("500 Internal Server Error") })
	boardFor := func(config.Board) (ats.Board, error) { return mem, nil }
	if code, _, _ := cli(t, boardFor, "plan", "--config", w.config, "--detailed-exitcode"); code != exitChanges {
		t.Errorf("plan: exit %d, want 2", code)
	}
	if code, _, errs := cli(t, boardFor, "sync", "--config", w.config); code != exitError || !strings.Contains(errs, "500") {
		t.Errorf("sync: exit %d, want 1 naming the failure\n%s", code, errs)
	}
}
