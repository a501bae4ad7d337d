package local

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jobsync/jobsync/ats"
	"github.com/jobsync/jobsync/posting"
)

// planOf is the plan of desired on b, as `jobsync plan` makes it.
func planOf(t *testing.T, b *Board, desired []posting.Posting, opts ats.RunOptions) ats.Plan {
	t.Helper()
	r, err := ats.Start(context.Background(), ats.Targets(b), desired, opts)
	if err != nil {
		t.Fatal(err)
	}
	if err := r.Close(); err != nil {
		t.Fatal(err)
	}
	return r.Boards[0].Plan
}

// A person's edit of a posting's page (issue 18, finding 3) is drift: the
// plan reports it, a sync leaves the page alone, and only an overwrite
// writes it again; with or without the board's index.
func TestEditedPageIsDrift(t *testing.T) {
	t.Parallel()
	for _, withIndex := range []bool{true, false} {
		b := newTestBoard(t, "")
		ps := testPostings(3)
		syncBoard(t, b, ps)
		page := filepath.Join(b.postings, testPostingID(1)+".html")
		written, err := os.ReadFile(page)
		if err != nil {
			t.Fatal(err)
		}
		edited := bytes.Replace(written, []byte("Five years of product work."), []byte("Ten years of product work."), 1)
		if bytes.Equal(edited, written) {
			t.Fatal("the page does not hold the sentence to edit")
		}
		if err := os.WriteFile(page, edited, 0o644); err != nil {
			t.Fatal(err)
		}
		if !withIndex {
			if err := os.Remove(filepath.Join(b.dir, fileIndexName)); err != nil {
				t.Fatal(err)
			}
		}

		next := newTestBoard(t, b.dir)
		if s := planOf(t, next, ps, ats.RunOptions{}).Summary(); s.Drift != 1 || s.Unchanged != 2 {
			t.Errorf("index %v: plan with an edited page: %+v, want 1 drift, 2 unchanged", withIndex, s)
		}
		_, err = ats.Sync(context.Background(), ats.Targets(next), ps, ats.RunOptions{}, ats.ApplyOptions{})
		if got, _ := os.ReadFile(page); !bytes.Equal(got, edited) {
			t.Errorf("index %v: a sync without overwrite rewrote the edited page (err %v)", withIndex, err)
		}
		if s := planOf(t, newTestBoard(t, b.dir), ps, ats.RunOptions{}).Summary(); s.Drift != 1 {
			t.Errorf("index %v: plan after a sync that left the page: %+v, want the drift still", withIndex, s)
		}
		if _, err := ats.Sync(context.Background(), ats.Targets(next), ps, ats.RunOptions{OverwriteDrift: true}, ats.ApplyOptions{}); err != nil {
			t.Fatal(err)
		}
		if got, _ := os.ReadFile(page); bytes.Contains(got, []byte("Ten years")) {
			t.Errorf("index %v: --overwrite-drift left the edited page", withIndex)
		}
		if s := planOf(t, newTestBoard(t, b.dir), ps, ats.RunOptions{}).Summary(); s.Drift != 0 || s.Unchanged != 3 {
			t.Errorf("index %v: plan after the overwrite: %+v, want nothing to do", withIndex, s)
		}
	}
}

// A page that a write put in place before it was cut short (its record
// never committed) is not a person's edit: the plan rewrites it.
func TestPageOfACutWriteIsRepaired(t *testing.T) {
	t.Parallel()
	b := newTestBoard(t, "")
	ps := testPostings(3)
	syncBoard(t, b, ps)
	updated := []posting.Posting{ps[0], testPosting(1, 1), ps[2]}
	cut := errors.New("killed")
	b.beforeRename = func(name string) error {
		if strings.HasSuffix(name, ".json") {
			return cut
		}
		return nil
	}
	if _, err := ats.Sync(context.Background(), ats.Targets(b), updated, ats.RunOptions{}, ats.ApplyOptions{}); err == nil {
		t.Fatal("the cut write did not fail")
	}
	// Back to the desired postings of before: the record holds them, the
	// page does not.
	next := newTestBoard(t, b.dir)
	if s := planOf(t, next, ps, ats.RunOptions{}).Summary(); s.Drift != 0 || s.Update != 1 {
		t.Errorf("plan after a cut write: %+v, want 1 update (the page), no drift", s)
	}
	syncBoard(t, next, ps)
	if s := planOf(t, newTestBoard(t, b.dir), ps, ats.RunOptions{}).Summary(); s.Update != 0 || s.Unchanged != 3 {
		t.Errorf("plan after the repair: %+v, want nothing to do", s)
	}
	page, err := os.ReadFile(filepath.Join(b.postings, testPostingID(1)+".html"))
	if err != nil || bytes.Contains(page, []byte("Revision 1")) {
		t.Errorf("the page of the cut write is still there (%v)", err)
	}
}
