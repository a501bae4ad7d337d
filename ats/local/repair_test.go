package local

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jobsync/jobsync/ats"
)

// A posting whose page went missing (deleted by hand, or a kill between the
// page and the record in an older version) is not "unchanged" forever: the
// plan updates it, the sync writes its page back, and index.html lists it
// again.
func TestMissingPageIsRepaired(t *testing.T) {
	t.Parallel()
	b := newTestBoard(t, "")
	ps := testPostings(3)
	syncBoard(t, b, ps)
	var id string
	for _, r := range listByID(t, b) {
		if r.Key == ps[1].Key {
			id = r.ID
		}
	}
	page := filepath.Join(b.postings, id+".html")
	if err := os.Remove(page); err != nil {
		t.Fatal(err)
	}
	plan := syncBoard(t, b, ps)
	if s := plan.Summary(); s.Update != 1 || s.Unchanged != 2 {
		t.Errorf("plan with a page missing: %+v, want 1 update (the repair), 2 unchanged", s)
	}
	if _, err := os.Stat(page); err != nil {
		t.Errorf("page not written back: %v", err)
	}
	if !strings.Contains(readIndex(t, b), id+".html") {
		t.Errorf("index.html does not link the repaired posting %s", id)
	}
	if s := syncBoard(t, b, ps).Summary(); s.Update != 0 || s.Unchanged != 3 {
		t.Errorf("plan after the repair: %+v, want nothing to do", s)
	}
}

// Temporary files a killed run left (of index.html, of a posting) are
// removed at the start of every run, even one that writes nothing.
func TestLeftoversRemovedAtEveryRun(t *testing.T) {
	t.Parallel()
	b := newTestBoard(t, "")
	syncBoard(t, b, testPostings(2))
	leftovers := []string{filepath.Join(b.dir, ".index.html.123.tmp"), filepath.Join(b.postings, ".x.json.456.tmp")}
	for _, p := range leftovers {
		if err := os.WriteFile(p, []byte("half"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	b2 := newTestBoard(t, b.dir) // the next run
	if s := syncBoard(t, b2, testPostings(2)).Summary(); s.Create+s.Update+s.Close != 0 {
		t.Fatalf("the second run has work: %+v", s)
	}
	for _, p := range leftovers {
		if _, err := os.Stat(p); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("%s left behind: %v", filepath.Base(p), err)
		}
	}
}

// The board never writes or deletes through a symbolic link inside its
// folder: postings -> elsewhere would put every posting (and the leftover
// clean-up) outside the board, .jobsync.lock -> elsewhere would create a
// file there.
func TestSymlinksInsideTheFolderRefused(t *testing.T) {
	t.Parallel()
	for _, name := range []string{"postings", lockName} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			elsewhere := t.TempDir()
			target := filepath.Join(elsewhere, "target")
			if name == "postings" {
				if err := os.Mkdir(target, 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(filepath.Join(target, ".keep.json.1.tmp"), nil, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			b := newTestBoard(t, "")
			if err := os.MkdirAll(b.dir, 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.Symlink(target, filepath.Join(b.dir, name)); err != nil {
				t.Fatal(err)
			}
			_, err := ats.Sync(context.Background(), ats.Targets(b), testPostings(2), ats.RunOptions{}, ats.ApplyOptions{})
			if err == nil || !strings.Contains(err.Error(), "symbolic link") || !strings.Contains(err.Error(), name) {
				t.Errorf("sync error = %v, want one naming the link %s", err, name)
			}
			if _, err := b.Create(context.Background(), testPosting(5, 0)); err == nil || !strings.Contains(err.Error(), "symbolic link") {
				t.Errorf("create error = %v, want a refusal of the link", err)
			}
			entries, _ := os.ReadDir(elsewhere)
			sub, _ := os.ReadDir(target)
			want := 0 // the lock's target is never created
			if name == "postings" {
				want = 1
			}
			if len(entries) != want || (name == "postings" && len(sub) != 1) {
				t.Errorf("files written or removed outside the board: %v %v", entries, sub)
			}
		})
	}
}
