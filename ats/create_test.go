package ats_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/jobsync/jobsync/ats"
	"github.com/jobsync/jobsync/ats/atstest"
	"github.com/jobsync/jobsync/posting"
)

// TestApplyCreateNeverDuplicates: a create that fails is looked up before it
// is sent again, with the board's Finder or with List.
func TestApplyCreateNeverDuplicates(t *testing.T) {
	t.Parallel()
	p := atstest.SamplePosting(0, 0)
	stale := p
	stale.Hash = "0ld"
	for _, tc := range []struct {
		name   string
		finder bool
		// fail answers the n-th create (from 1): with an error (after
		// writing as, when write is true) or, for a nil error, with a create
		// of as.
		fail      func(n int) (write bool, as posting.Posting, err error)
		findErr   bool
		wantCalls []string
		wantErr   string
	}{
		{
			name:      "lost response adopted (finder)",
			finder:    true,
			fail:      func(int) (bool, posting.Posting, error) { return true, p, errBoom },
			wantCalls: []string{"create", "find"},
		},
		{
			name:      "lost response adopted (list)",
			fail:      func(int) (bool, posting.Posting, error) { return true, p, errBoom },
			wantCalls: []string{"create", "list"},
		},
		{
			name:      "lost response of another content: adopted and updated",
			finder:    true,
			fail:      func(int) (bool, posting.Posting, error) { return true, stale, errBoom },
			wantCalls: []string{"create", "find", "update"},
		},
		{
			name:   "failed before writing: sent again",
			finder: true,
			fail: func(n int) (bool, posting.Posting, error) {
				if n == 1 {
					return false, p, errBoom
				}
				return false, p, nil
			},
			wantCalls: []string{"create", "find", "create"},
		},
		{
			name:      "always failing: three creates, a look-up after each",
			finder:    true,
			fail:      func(int) (bool, posting.Posting, error) { return false, p, errBoom },
			wantCalls: []string{"create", "find", "create", "find", "create", "find"},
			wantErr:   "attempt 3 of 3",
		},
		{
			name:      "look-up failing: not sent again",
			finder:    true,
			findErr:   true,
			fail:      func(int) (bool, posting.Posting, error) { return false, p, errBoom },
			wantCalls: []string{"create", "find", "find", "find"},
			wantErr:   "look up",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			m := atstest.NewMemBoard("mem")
			n := 0
			var calls []string
			var b ats.Board
			h := &hooked{Board: m, create: func(ctx context.Context, q posting.Posting) (ats.Remote, error) {
				n++
				calls = append(calls, "create")
				write, as, err := tc.fail(n)
				if err == nil {
					return m.Create(ctx, as)
				}
				if write {
					if _, werr := m.Create(ctx, as); werr != nil {
						return ats.Remote{}, werr
					}
				}
				return ats.Remote{}, err
			}, update: func(context.Context, string, posting.Posting) (ats.Remote, error) {
				calls = append(calls, "update")
				return ats.Remote{}, errPass
			}}
			b = listing{h, &calls}
			if tc.finder {
				b = findingBoard{h, m, &calls, tc.findErr}
			}
			res := ats.Apply(t.Context(), b, ats.NewPlan("mem", []posting.Posting{p}, nil, ats.PlanOptions{}), ats.ApplyOptions{})
			if !slices.Equal(calls, tc.wantCalls) {
				t.Errorf("calls %v, want %v", calls, tc.wantCalls)
			}
			err := res.Err()
			if tc.wantErr == "" && err != nil || tc.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tc.wantErr)) {
				t.Errorf("Err() = %v, want %q", err, tc.wantErr)
			}
			rs, _ := m.List(t.Context())
			if len(rs) > 1 {
				t.Errorf("%d postings on the board: a duplicate", len(rs))
			}
			if tc.wantErr == "" && (len(rs) != 1 || rs[0].Hash != p.Hash || res.Results[0].Remote.ID != rs[0].ID) {
				t.Errorf("board holds %+v, result %+v", rs, res.Results[0].Remote)
			}
		})
	}
}

// listing records List calls and hides the board's Finder.
type listing struct {
	*hooked
	calls *[]string
}

func (l listing) List(ctx context.Context) ([]ats.Remote, error) {
	*l.calls = append(*l.calls, "list")
	return l.hooked.List(ctx)
}

// findingBoard records Find calls, and fails them when told to.
type findingBoard struct {
	*hooked
	m     *atstest.MemBoard
	calls *[]string
	fail  bool
}

func (f findingBoard) Find(ctx context.Context, key string) ([]ats.Remote, error) {
	*f.calls = append(*f.calls, "find")
	if f.fail {
		return nil, errBoom
	}
	return f.m.Find(ctx, key)
}
