package atstest

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/jobsync/jobsync/ats"
	"github.com/jobsync/jobsync/posting"
)

// unknownID is an id no fresh board holds: numeric, as most boards' ids are.
const unknownID = "987654321"

// checkEmpty: a new board lists no owned posting.
func checkEmpty(ctx context.Context, _ testing.TB, h *Harness) error {
	rs, err := h.Board.List(ctx)
	if err != nil {
		return fmt.Errorf("list: %w", err)
	}
	for _, r := range rs {
		if r.Owned {
			return fmt.Errorf("a new board lists owned posting %s (key %q)", r.ID, r.Key)
		}
	}
	return nil
}

// checkCreate: a created posting comes back from Create and from List with
// the marker's key and hash, open, with its title and text.
func checkCreate(ctx context.Context, _ testing.TB, h *Harness) error {
	p := SamplePosting(0, 0)
	r, err := h.Board.Create(ctx, p)
	if err != nil {
		return fmt.Errorf("create: %w", err)
	}
	if err := expectPosting(r, p, "create returned"); err != nil {
		return err
	}
	rs, err := h.Board.List(ctx)
	if err != nil {
		return fmt.Errorf("list: %w", err)
	}
	if got := ownedWithKey(rs, p.Key); len(got) != 1 {
		return fmt.Errorf("after one create, %d owned postings carry key %s", len(got), p.Key)
	}
	l, ok := byID(rs, r.ID)
	if !ok {
		return fmt.Errorf("created posting %s is not listed", r.ID)
	}
	if err := expectPosting(l, p, "list"); err != nil {
		return err
	}
	if !containsText(l.BodyText(), SampleRequirement(0)) {
		return fmt.Errorf("list: body of %s lacks the requirement %q:\n%s", r.ID, SampleRequirement(0), l.Body)
	}
	return nil
}

// expectPosting compares a board's posting with what was written.
func expectPosting(r ats.Remote, p posting.Posting, what string) error {
	var errs []error
	if r.ID == "" {
		errs = append(errs, errors.New("no id"))
	}
	if !r.Owned || r.Key != p.Key || r.Hash != p.Hash {
		errs = append(errs, fmt.Errorf("owned=%t key=%q hash=%q, want owned key=%q hash=%q", r.Owned, r.Key, r.Hash, p.Key, p.Hash))
	}
	if !r.Open {
		errs = append(errs, errors.New("not open"))
	}
	if r.Title != p.Title {
		errs = append(errs, fmt.Errorf("title %q, want %q", r.Title, p.Title))
	}
	if r.Drifted {
		errs = append(errs, errors.New("drifted, though nobody edited it"))
	}
	if len(errs) > 0 {
		return fmt.Errorf("%s %s (%s): %w", what, p.Key, r.ID, errors.Join(errs...))
	}
	return nil
}

// checkUpdate: an update changes title, text and hash, on the same posting.
func checkUpdate(ctx context.Context, _ testing.TB, h *Harness) error {
	r, err := h.Board.Create(ctx, SamplePosting(1, 0))
	if err != nil {
		return fmt.Errorf("create: %w", err)
	}
	p := SamplePosting(1, 1)
	u, err := h.Board.Update(ctx, r.ID, p)
	if err != nil {
		return fmt.Errorf("update %s: %w", r.ID, err)
	}
	if err := expectPosting(u, p, "update returned"); err != nil {
		return err
	}
	rs, err := h.Board.List(ctx)
	if err != nil {
		return fmt.Errorf("list: %w", err)
	}
	if got := ownedWithKey(rs, p.Key); len(got) != 1 {
		return fmt.Errorf("after a create and an update, %d owned postings carry key %s", len(got), p.Key)
	}
	l, ok := byID(rs, r.ID)
	if !ok {
		return fmt.Errorf("updated posting %s is not listed", r.ID)
	}
	if err := expectPosting(l, p, "list after update"); err != nil {
		return err
	}
	if want := "Lead the revision 1 planning cycle"; !containsText(l.BodyText(), want) {
		return fmt.Errorf("list after update: body of %s lacks the new text %q:\n%s", r.ID, want, l.Body)
	}
	return nil
}

// closed lists the board and reports whether id is gone or listed closed.
func closed(ctx context.Context, b ats.Board, id string) (gone bool, err error) {
	rs, err := b.List(ctx)
	if err != nil {
		return false, fmt.Errorf("list: %w", err)
	}
	r, ok := byID(rs, id)
	if ok && r.Open {
		return false, fmt.Errorf("closed posting %s is listed open", id)
	}
	return !ok, nil
}

// checkClose: a closed posting is listed closed or not at all, and closing it
// again is not an error.
func checkClose(ctx context.Context, _ testing.TB, h *Harness) error {
	r, err := h.Board.Create(ctx, SamplePosting(2, 0))
	if err != nil {
		return fmt.Errorf("create: %w", err)
	}
	if err := h.Board.Close(ctx, r.ID); err != nil {
		return fmt.Errorf("close %s: %w", r.ID, err)
	}
	gone, err := closed(ctx, h.Board, r.ID)
	if err != nil {
		return err
	}
	err = h.Board.Close(ctx, r.ID)
	if err != nil && !(gone && errors.Is(err, ats.ErrNotFound)) {
		return fmt.Errorf("closing closed posting %s again: %w", r.ID, err)
	}
	return nil
}

// checkReopen: an update of a closed posting opens it again.
func checkReopen(ctx context.Context, t testing.TB, h *Harness) error {
	r, err := h.Board.Create(ctx, SamplePosting(3, 0))
	if err != nil {
		return fmt.Errorf("create: %w", err)
	}
	if err := h.Board.Close(ctx, r.ID); err != nil {
		return fmt.Errorf("close %s: %w", r.ID, err)
	}
	if gone, err := closed(ctx, h.Board, r.ID); err != nil || gone {
		if gone {
			t.Log("the board removes closed postings: nothing to reopen")
		}
		return err
	}
	p := SamplePosting(3, 1)
	if _, err := h.Board.Update(ctx, r.ID, p); err != nil {
		return fmt.Errorf("update closed posting %s: %w", r.ID, err)
	}
	rs, err := h.Board.List(ctx)
	if err != nil {
		return fmt.Errorf("list: %w", err)
	}
	l, ok := byID(rs, r.ID)
	if !ok {
		return fmt.Errorf("reopened posting %s is not listed", r.ID)
	}
	return expectPosting(l, p, "list after reopening update")
}

// checkNotFound: Update and Close of an unknown id wrap ats.ErrNotFound.
func checkNotFound(ctx context.Context, _ testing.TB, h *Harness) error {
	var errs []error
	if _, err := h.Board.Update(ctx, unknownID, SamplePosting(4, 0)); !errors.Is(err, ats.ErrNotFound) {
		errs = append(errs, fmt.Errorf("update of unknown id %s: error %v, want one wrapping ats.ErrNotFound", unknownID, err))
	}
	if err := h.Board.Close(ctx, unknownID); !errors.Is(err, ats.ErrNotFound) {
		errs = append(errs, fmt.Errorf("close of unknown id %s: error %v, want one wrapping ats.ErrNotFound", unknownID, err))
	}
	return errors.Join(errs...)
}

// checkUnowned: postings made by hand are never owned and survive syncs
// that create, update and close everything around them, untouched.
func checkUnowned(ctx context.Context, t testing.TB, h *Harness) error {
	ids := []string{
		h.AddUnowned(t, "Senior Frontend Engineer, Plan"),
		h.AddUnowned(t, SamplePosting(0, 0).Title), // a hand-made twin of a desired posting
	}
	rs, err := h.Board.List(ctx)
	if err != nil {
		return fmt.Errorf("list: %w", err)
	}
	before, err := snapshot(rs, ids)
	if err != nil {
		return err
	}
	first := SamplePostings(4)
	for i, desired := range [][]posting.Posting{
		first,
		{SamplePosting(0, 1), SamplePosting(1, 1), first[2]},
		nil, // close every owned posting
	} {
		if _, err := syncOnce(ctx, h.Board, desired, false); err != nil {
			return fmt.Errorf("sync %d: %w", i+1, err)
		}
		plan, rs, err := planNow(ctx, h.Board, desired)
		if err != nil {
			return err
		}
		if plan.Unmanaged < len(ids) {
			return fmt.Errorf("sync %d: the plan counts %d unmanaged postings, want at least %d", i+1, plan.Unmanaged, len(ids))
		}
		if err := checkState(rs, desired, before); err != nil {
			return fmt.Errorf("after sync %d: %w", i+1, err)
		}
	}
	return nil
}

// checkDrift: a posting edited by hand is listed Drifted; a plan without
// OverwriteDrift reports it and Apply leaves it alone; with OverwriteDrift it
// is updated and no longer drifted.
func checkDrift(ctx context.Context, t testing.TB, h *Harness) error {
	desired := SamplePostings(2)
	if _, err := syncOnce(ctx, h.Board, desired, false); err != nil {
		return fmt.Errorf("first sync: %w", err)
	}
	rs, err := h.Board.List(ctx)
	if err != nil {
		return fmt.Errorf("list: %w", err)
	}
	target := ownedWithKey(rs, desired[0].Key)
	if len(target) != 1 {
		return fmt.Errorf("after a sync, %d owned postings carry key %s", len(target), desired[0].Key)
	}
	id := target[0].ID
	h.EditText(t, id, "Rewritten by a recruiter: we are hiring a product person, apply now!")

	plan, rs, err := planNow(ctx, h.Board, desired)
	if err != nil {
		return err
	}
	if r, ok := byID(rs, id); !ok || !r.Drifted || !r.Owned || r.Key != desired[0].Key {
		return fmt.Errorf("after an edit by hand, posting %s is listed %+v, want owned, key %s, drifted", id, r, desired[0].Key)
	}
	if s := plan.Summary(); s.Drift != 1 || s.Create+s.Update+s.Close != 0 {
		return fmt.Errorf("plan after an edit by hand: %+v, want one drift and no writes", s)
	}
	wc := &writeCounter{Board: h.Board}
	res := ats.Apply(ctx, wc, plan, ats.ApplyOptions{})
	if n := wc.writes.Load(); n != 0 {
		return fmt.Errorf("applying a drift-only plan made %d writes", n)
	}
	if err := res.Err(); !errors.Is(err, ats.ErrDrift) {
		return fmt.Errorf("applying a drift-only plan: error %v, want one wrapping ats.ErrDrift", err)
	}

	if _, err := syncOnce(ctx, h.Board, desired, true); err != nil {
		return fmt.Errorf("sync with OverwriteDrift: %w", err)
	}
	plan, rs, err = planNow(ctx, h.Board, desired)
	if err != nil {
		return err
	}
	if err := expectEmptyPlan(plan, "after overwriting drift"); err != nil {
		return err
	}
	return checkState(rs, desired, nil)
}

// checkDuplicates: two owned postings with one key (left by a crash) are
// seen, and the plan closes all but one.
func checkDuplicates(ctx context.Context, t testing.TB, h *Harness) error {
	p := SamplePosting(5, 0)
	if _, err := h.Board.Create(ctx, p); err != nil {
		return fmt.Errorf("create: %w", err)
	}
	_, cerr := h.Board.Create(ctx, p)
	run, err := ats.Start(ctx, ats.Targets(h.Board), []posting.Posting{p}, ats.RunOptions{Write: true, Guards: ats.DefaultGuards()})
	if err != nil {
		return err
	}
	defer run.Close()
	plan, rs := run.Boards[0].Plan, run.Boards[0].Current
	if cerr != nil && len(ownedWithKey(rs, p.Key)) == 1 {
		t.Logf("the board refuses a second posting for one key (%v): no duplicate to find", cerr)
		return nil
	}
	if cerr != nil {
		return fmt.Errorf("second create: %w", cerr)
	}
	if got := ownedWithKey(rs, p.Key); len(got) != 2 {
		return fmt.Errorf("after two creates of one posting, %d owned postings carry key %s, want 2", len(got), p.Key)
	}
	s := plan.Summary()
	if s.Close != 1 || s.Unchanged != 1 || s.Create+s.Update != 0 {
		return fmt.Errorf("plan for a duplicate: %+v, want one close and one unchanged", s)
	}
	for _, a := range plan.Actions {
		if a.Op == ats.OpClose && a.Reason != ats.ReasonDuplicate {
			return fmt.Errorf("close of %s (%s): reason %q, want %q", a.Key, a.RemoteID, a.Reason, ats.ReasonDuplicate)
		}
	}
	results, err := run.Apply(ctx, ats.ApplyOptions{})
	if err == nil {
		err = results[0].Err()
	}
	if err := errors.Join(err, run.Close()); err != nil {
		return fmt.Errorf("apply: %w", err)
	}
	plan, rs, err = planNow(ctx, h.Board, []posting.Posting{p})
	if err != nil {
		return err
	}
	if err := expectEmptyPlan(plan, "after closing a duplicate"); err != nil {
		return err
	}
	if open := openOwned(rs, p.Key); open != 1 {
		return fmt.Errorf("after closing a duplicate, %d open owned postings carry key %s, want 1", open, p.Key)
	}
	return nil
}

func openOwned(rs []ats.Remote, key string) int {
	n := 0
	for _, r := range ownedWithKey(rs, key) {
		if r.Open {
			n++
		}
	}
	return n
}

// checkConverge: a sync followed by a plan gives an empty plan, through
// creates, then updates, closes and new postings.
func checkConverge(ctx context.Context, _ testing.TB, h *Harness) error {
	first := SamplePostings(6)
	second := []posting.Posting{SamplePosting(0, 1), SamplePosting(1, 2), first[2], first[3], SamplePosting(6, 0), SamplePosting(7, 0)}
	for i, desired := range [][]posting.Posting{first, second, first} {
		if _, err := syncOnce(ctx, h.Board, desired, false); err != nil {
			return fmt.Errorf("sync %d: %w", i+1, err)
		}
		plan, rs, err := planNow(ctx, h.Board, desired)
		if err != nil {
			return err
		}
		if err := expectEmptyPlan(plan, fmt.Sprintf("after sync %d", i+1)); err != nil {
			return err
		}
		if err := checkState(rs, desired, nil); err != nil {
			return fmt.Errorf("after sync %d: %w", i+1, err)
		}
	}
	return nil
}
