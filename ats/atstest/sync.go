package atstest

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"sync/atomic"

	"github.com/jobsync/jobsync/ats"
	"github.com/jobsync/jobsync/posting"
)

// syncOnce is one sync of b as the CLI runs it (ats.Sync), with closes
// allowed: the checks close every posting on purpose. It returns the plan
// and every error of the run.
func syncOnce(ctx context.Context, b ats.Board, desired []posting.Posting, overwriteDrift bool) (ats.Plan, error) {
	plans, err := ats.Sync(ctx, ats.Targets(b), desired, ats.RunOptions{
		OverwriteDrift: overwriteDrift,
		Guards:         ats.Guards{AllowMassClose: true},
	}, ats.ApplyOptions{})
	if len(plans) == 0 {
		return ats.Plan{}, err
	}
	return plans[0], err
}

// planNow plans desired against b as `jobsync plan` does (no lock), and
// returns the plan and what b listed.
func planNow(ctx context.Context, b ats.Board, desired []posting.Posting) (ats.Plan, []ats.Remote, error) {
	r, err := ats.Start(ctx, ats.Targets(b), desired, ats.RunOptions{})
	if err != nil {
		return ats.Plan{}, nil, err
	}
	defer r.Close() // no lock was taken: nothing to release
	return r.Boards[0].Plan, r.Boards[0].Current, nil
}

// expectEmptyPlan returns an error describing every action of a plan that
// should have none.
func expectEmptyPlan(p ats.Plan, when string) error {
	if !p.HasChanges() {
		return nil
	}
	var b strings.Builder
	for _, a := range p.Actions {
		if a.Op != ats.OpUnchanged {
			fmt.Fprintf(&b, "\n\t%s %s (%s) %s %v", a.Op, a.Key, a.RemoteID, a.Reason, a.Changes)
		}
	}
	return fmt.Errorf("%s: the plan is not empty: %+v%s", when, p.Summary(), b.String())
}

// snapshot returns the postings with the given ids as rs holds them.
func snapshot(rs []ats.Remote, ids []string) (map[string]ats.Remote, error) {
	m := make(map[string]ats.Remote, len(ids))
	for _, r := range rs {
		if slices.Contains(ids, r.ID) {
			r.BodyText() // as it is now, not when compared
			m[r.ID] = r
		}
	}
	for _, id := range ids {
		r, ok := m[id]
		switch {
		case !ok:
			return nil, fmt.Errorf("unowned posting %s is not listed", id)
		case r.Owned:
			return nil, fmt.Errorf("unowned posting %s is listed as owned (key %q)", id, r.Key)
		}
	}
	return m, nil
}

// checkState compares a board's postings with the desired set: exactly one
// open owned posting per desired key, with its hash and not drifted; no other
// open owned posting; no key owned twice; every unowned posting as it was.
func checkState(rs []ats.Remote, desired []posting.Posting, unowned map[string]ats.Remote) error {
	var errs []error
	open := make(map[string][]ats.Remote)
	for _, r := range rs {
		if r.Owned && r.Open {
			open[r.Key] = append(open[r.Key], r)
		}
	}
	if dups := duplicateKeys(rs); len(dups) > 0 {
		errs = append(errs, fmt.Errorf("keys owned by more than one posting: %s", strings.Join(dups, ", ")))
	}
	want := make(map[string]bool, len(desired))
	for _, p := range desired {
		want[p.Key] = true
		got := open[p.Key]
		switch {
		case len(got) == 0:
			errs = append(errs, fmt.Errorf("%s: no open owned posting", p.Key))
		case len(got) > 1:
			errs = append(errs, fmt.Errorf("%s: %d open owned postings", p.Key, len(got)))
		case got[0].Hash != p.Hash:
			errs = append(errs, fmt.Errorf("%s (%s): hash %s, want %s", p.Key, got[0].ID, got[0].Hash, p.Hash))
		case got[0].Drifted:
			errs = append(errs, fmt.Errorf("%s (%s): drifted", p.Key, got[0].ID))
		}
	}
	for key, got := range open {
		if !want[key] {
			errs = append(errs, fmt.Errorf("%s (%s): open, but not desired", key, got[0].ID))
		}
	}
	errs = append(errs, checkUnownedSame(rs, unowned))
	return errors.Join(errs...)
}

// checkUnownedSame reports unowned postings that changed or vanished.
func checkUnownedSame(rs []ats.Remote, before map[string]ats.Remote) error {
	var errs []error
	seen := 0
	for _, r := range rs {
		was, ok := before[r.ID]
		if !ok {
			continue
		}
		seen++
		if !sameRemote(r, was) {
			errs = append(errs, fmt.Errorf("unowned posting %s changed:\n\tbefore %+v\n\tafter  %+v", r.ID, was, r))
		}
	}
	if seen != len(before) {
		errs = append(errs, fmt.Errorf("%d of %d unowned postings are gone", len(before)-seen, len(before)))
	}
	return errors.Join(errs...)
}

// sameRemote compares two listings of one posting, field by field (a nil
// and an empty Locations are the same), bodies loaded.
func sameRemote(a, b ats.Remote) bool {
	a.BodyText()
	b.BodyText()
	la, lb := a.Locations, b.Locations
	a.Locations, b.Locations = nil, nil
	return reflect.DeepEqual(a, b) && slices.Equal(la, lb)
}

// duplicateKeys returns, sorted, the keys that more than one owned posting
// carries, open or closed. jobsync never makes a second posting for a key.
func duplicateKeys(rs []ats.Remote) []string {
	n := make(map[string]int)
	var dups []string
	for _, r := range rs {
		if r.Owned {
			if n[r.Key]++; n[r.Key] == 2 {
				dups = append(dups, r.Key)
			}
		}
	}
	slices.Sort(dups)
	return dups
}

// ownedWithKey returns the owned postings carrying key.
func ownedWithKey(rs []ats.Remote, key string) []ats.Remote {
	var out []ats.Remote
	for _, r := range rs {
		if r.Owned && r.Key == key {
			out = append(out, r)
		}
	}
	return out
}

// byID returns the posting with id, if listed.
func byID(rs []ats.Remote, id string) (ats.Remote, bool) {
	for _, r := range rs {
		if r.ID == id {
			return r, true
		}
	}
	return ats.Remote{}, false
}

// writeCounter is a board that counts the writes passed through it.
type writeCounter struct {
	ats.Board
	writes atomic.Int64
}

func (w *writeCounter) Create(ctx context.Context, p posting.Posting) (ats.Remote, error) {
	w.writes.Add(1)
	return w.Board.Create(ctx, p)
}

func (w *writeCounter) Update(ctx context.Context, id string, p posting.Posting) (ats.Remote, error) {
	w.writes.Add(1)
	return w.Board.Update(ctx, id, p)
}

func (w *writeCounter) Close(ctx context.Context, id string) error {
	w.writes.Add(1)
	return w.Board.Close(ctx, id)
}

// containsText reports whether body holds text, white space folded.
func containsText(body, text string) bool {
	return strings.Contains(strings.Join(strings.Fields(body), " "), strings.Join(strings.Fields(text), " "))
}
