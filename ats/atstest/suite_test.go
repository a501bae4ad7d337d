package atstest

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/jobsync/jobsync/ats"
	"github.com/jobsync/jobsync/posting"
)

// The suite must catch boards that break the contract: each case wraps a
// MemBoard in one fault of design and expects the named checks to fail.

// twiceCreate makes two postings for every create.
type twiceCreate struct{ *MemBoard }

func (b twiceCreate) Create(ctx context.Context, p posting.Posting) (ats.Remote, error) {
	if _, err := b.MemBoard.Create(ctx, p); err != nil {
		return ats.Remote{}, err
	}
	return b.MemBoard.Create(ctx, p)
}

// forgetful loses the marker: nothing it lists is owned.
type forgetful struct{ *MemBoard }

func (b forgetful) List(ctx context.Context) ([]ats.Remote, error) {
	rs, err := b.MemBoard.List(ctx)
	for i := range rs {
		rs[i].Owned, rs[i].Key, rs[i].Hash = false, "", ""
	}
	return rs, err
}

// staleHash updates the content but not the marker's hash.
type staleHash struct{ *MemBoard }

func (b staleHash) Update(ctx context.Context, id string, p posting.Posting) (ats.Remote, error) {
	rs, err := b.MemBoard.List(ctx)
	if err != nil {
		return ats.Remote{}, err
	}
	if r, ok := byID(rs, id); ok && r.Owned {
		p.Hash = r.Hash
	}
	return b.MemBoard.Update(ctx, id, p)
}

// plainNotFound returns errors that do not wrap ats.ErrNotFound.
type plainNotFound struct{ *MemBoard }

func (b plainNotFound) Update(ctx context.Context, id string, p posting.Posting) (ats.Remote, error) {
	r, err := b.MemBoard.Update(ctx, id, p)
	if errors.Is(err, ats.ErrNotFound) {
		err = errors.New("404 no such posting")
	}
	return r, err
}

func (b plainNotFound) Close(ctx context.Context, id string) error {
	if err := b.MemBoard.Close(ctx, id); err != nil {
		return errors.New(strings.ReplaceAll(err.Error(), "not found", "missing"))
	}
	return nil
}

// strictClose refuses to close a closed posting.
type strictClose struct{ *MemBoard }

func (b strictClose) Close(ctx context.Context, id string) error {
	rs, err := b.MemBoard.List(ctx)
	if err != nil {
		return err
	}
	if r, ok := byID(rs, id); ok && !r.Open {
		return errors.New("posting is already closed")
	}
	return b.MemBoard.Close(ctx, id)
}

// noReopen updates a closed posting's content but leaves it closed.
type noReopen struct{ *MemBoard }

func (b noReopen) Update(ctx context.Context, id string, p posting.Posting) (ats.Remote, error) {
	rs, err := b.MemBoard.List(ctx)
	if err != nil {
		return ats.Remote{}, err
	}
	r, err := b.MemBoard.Update(ctx, id, p)
	if was, ok := byID(rs, id); ok && !was.Open && err == nil {
		err = b.MemBoard.Close(ctx, id)
		r.Open = false
	}
	return r, err
}

// blind never reports drift.
type blind struct{ *MemBoard }

func (b blind) List(ctx context.Context) ([]ats.Remote, error) {
	rs, err := b.MemBoard.List(ctx)
	for i := range rs {
		rs[i].Drifted = false
	}
	return rs, err
}

// clumsy edits a hand-made posting whenever it creates one of its own.
type clumsy struct{ *MemBoard }

func (b clumsy) Create(ctx context.Context, p posting.Posting) (ats.Remote, error) {
	b.mu.Lock()
	for _, mp := range b.posts {
		if mp.marker == "" {
			mp.title += " (edited)"
		}
	}
	b.mu.Unlock()
	return b.MemBoard.Create(ctx, p)
}

// badFinder's Find never finds anything, so a create whose response was lost
// is sent again: the duplicate the fault check exists to catch.
type badFinder struct{ *MemBoard }

func (badFinder) Find(context.Context, string) ([]ats.Remote, error) { return nil, nil }

func TestSuiteCatchesBrokenBoards(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name  string
		wrap  func(*MemBoard) ats.Board
		fails []string // checks that must fail (others may fail too)
		want  string   // in the fault checks' error; they run when not empty
	}{
		{"two postings per create", func(m *MemBoard) ats.Board { return twiceCreate{m} }, []string{"CreateList", "SyncConverges"}, ""},
		{"marker lost", func(m *MemBoard) ats.Board { return forgetful{m} }, []string{"CreateList", "Update", "Drift", "Duplicates", "SyncConverges"}, ""},
		{"hash not rewritten", func(m *MemBoard) ats.Board { return staleHash{m} }, []string{"Update", "SyncConverges"}, ""},
		{"not-found not wrapped", func(m *MemBoard) ats.Board { return plainNotFound{m} }, []string{"UnknownID"}, ""},
		{"close not idempotent", func(m *MemBoard) ats.Board { return strictClose{m} }, []string{"Close"}, ""},
		{"update does not reopen", func(m *MemBoard) ats.Board { return noReopen{m} }, []string{"Reopen", "SyncConverges"}, ""},
		{"drift not reported", func(m *MemBoard) ats.Board { return blind{m} }, []string{"Drift"}, ""},
		{"hand-made postings touched", func(m *MemBoard) ats.Board { return clumsy{m} }, []string{"Unowned"}, ""},
		{"finder that finds nothing", func(m *MemBoard) ats.Board { return badFinder{m} }, nil, "created twice"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			harness := func() *Harness {
				m := NewMemBoard("broken")
				m.SetMaxConcurrency(1) // one writer: the faults fall the same way every run
				h := m.Harness()
				h.Board = tc.wrap(m)
				return h
			}
			for _, c := range checks {
				if !contains(tc.fails, c.name) {
					continue
				}
				if err := c.fn(t.Context(), t, harness()); err == nil {
					t.Errorf("%s: no error", c.name)
				} else {
					t.Logf("%s: %v", c.name, err)
				}
			}
			if tc.want != "" {
				// The suite's seeds together must catch it (one seed may
				// happen to lose no create's response).
				var errs []error
				for _, seed := range faultSeeds {
					errs = append(errs, checkFaults(t.Context(), t, harness(), seed))
				}
				if err := errors.Join(errs...); err == nil || !strings.Contains(err.Error(), tc.want) {
					t.Errorf("faults: error %v, want one saying %q", err, tc.want)
				}
			}
		})
	}
}

func contains(names []string, name string) bool {
	for _, n := range names {
		if n == name {
			return true
		}
	}
	return false
}
