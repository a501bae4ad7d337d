package atstest

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/jobsync/jobsync/ats"
	"github.com/jobsync/jobsync/posting"
)

// The owners of checkOwners: two configs of one company, and its default.
const (
	ownerA       = "team-a"
	ownerB       = "team-b"
	defaultOwner = "acme"
)

// syncAs is syncOnce as the config of owner.
func syncAs(ctx context.Context, b ats.Board, desired []posting.Posting, owner string) (ats.Plan, error) {
	plans, err := ats.Sync(ctx, ats.Targets(b), desired, ats.RunOptions{
		Guards: ats.Guards{AllowMassClose: true},
		Owner:  owner, DefaultOwner: defaultOwner,
	}, ats.ApplyOptions{})
	if len(plans) == 0 {
		return ats.Plan{}, err
	}
	return plans[0], err
}

// planAs plans desired against b as the config of owner, without a lock.
func planAs(ctx context.Context, b ats.Board, desired []posting.Posting, owner string) (ats.Plan, []ats.Remote, error) {
	r, err := ats.Start(ctx, ats.Targets(b), desired, ats.RunOptions{Owner: owner, DefaultOwner: defaultOwner})
	if err != nil {
		return ats.Plan{}, nil, err
	}
	defer r.Close()
	return r.Boards[0].Plan, r.Boards[0].Current, nil
}

// ofOwner returns the postings of owner on the board, by id.
func ofOwner(rs []ats.Remote, owner string) map[string]ats.Remote {
	out := map[string]ats.Remote{}
	for _, r := range rs {
		if r.Owned && r.Owner == owner {
			r.BodyText() // as it is now, not when compared
			out[r.ID] = r
		}
	}
	return out
}

// checkOwners: two configs with different owners share one board, keys in
// common, through create, update, mass removal with --allow-mass-close,
// and neither ever touches the other's postings; a marker that names no
// owner (written before owners) is the default owner's.
func checkOwners(ctx context.Context, _ testing.TB, h *Harness) error {
	all := SamplePostings(6)
	forA, forB := all[:4], []posting.Posting{all[0], all[1], all[4], all[5]}
	if _, err := syncAs(ctx, h.Board, forA, ownerA); err != nil {
		return fmt.Errorf("sync %s: %w", ownerA, err)
	}
	if _, err := syncAs(ctx, h.Board, forB, ownerB); err != nil {
		return fmt.Errorf("sync %s: %w", ownerB, err)
	}
	for _, o := range []struct {
		owner   string
		desired []posting.Posting
	}{{ownerA, forA}, {ownerB, forB}} {
		plan, rs, err := planAs(ctx, h.Board, o.desired, o.owner)
		if err != nil {
			return err
		}
		if err := expectEmptyPlan(plan, "after both owners synced, for "+o.owner); err != nil {
			return err
		}
		if plan.OtherOwners != 4 {
			return fmt.Errorf("%s's plan counts %d postings of another owner, want 4", o.owner, plan.OtherOwners)
		}
		if got := len(ofOwner(rs, o.owner)); got != 4 {
			return fmt.Errorf("%d postings carry owner %s, want 4", got, o.owner)
		}
	}

	// A updates everything it has: B's postings of the same keys stay.
	_, rs, err := planAs(ctx, h.Board, nil, ownerB)
	if err != nil {
		return err
	}
	before := ofOwner(rs, ownerB)
	revised := []posting.Posting{SamplePosting(0, 1), SamplePosting(1, 1), SamplePosting(2, 1), SamplePosting(3, 1)}
	plan, err := syncAs(ctx, h.Board, revised, ownerA)
	if err != nil {
		return fmt.Errorf("sync %s, revised: %w", ownerA, err)
	}
	if s := plan.Summary(); s.Update != 4 || s.Create+s.Close != 0 {
		return fmt.Errorf("%s's revision: %+v, want 4 updates", ownerA, s)
	}
	if err := sameOwned(ctx, h.Board, ownerB, before, "after "+ownerA+" updated"); err != nil {
		return err
	}

	// B removes everything it has: A's postings stay.
	_, rs, err = planAs(ctx, h.Board, nil, ownerA)
	if err != nil {
		return err
	}
	before = ofOwner(rs, ownerA)
	plan, err = syncAs(ctx, h.Board, nil, ownerB)
	if err != nil {
		return fmt.Errorf("sync %s with nothing desired: %w", ownerB, err)
	}
	if s := plan.Summary(); s.Close != 4 || s.OtherOwners != 4 {
		return fmt.Errorf("%s's removal: %+v, want 4 closes and 4 of another owner", ownerB, s)
	}
	if err := sameOwned(ctx, h.Board, ownerA, before, "after "+ownerB+" removed its postings"); err != nil {
		return err
	}
	plan, _, err = planAs(ctx, h.Board, revised, ownerA)
	if err != nil {
		return err
	}
	return expectEmptyPlan(plan, "for "+ownerA+" after "+ownerB+" removed its postings")
}

// sameOwned checks that owner's postings are as they were.
func sameOwned(ctx context.Context, b ats.Board, owner string, before map[string]ats.Remote, when string) error {
	rs, err := b.List(ctx)
	if err != nil {
		return err
	}
	after := ofOwner(rs, owner)
	var errs []error
	for id, was := range before {
		now, ok := after[id]
		switch {
		case !ok:
			errs = append(errs, fmt.Errorf("%s: posting %s of %s is gone", when, id, owner))
		case !sameRemote(now, was):
			errs = append(errs, fmt.Errorf("%s: posting %s of %s changed:\n\tbefore %+v\n\tafter  %+v", when, id, owner, was, now))
		}
	}
	return errors.Join(errs...)
}

// checkDefaultOwner: a posting whose marker names no owner (as every marker
// written before owners) is the default owner's: unchanged for it, and
// another owner's for any other.
func checkDefaultOwner(ctx context.Context, _ testing.TB, h *Harness) error {
	p := SamplePosting(7, 0) // Owner empty: a marker without owner=
	if _, err := h.Board.Create(ctx, p); err != nil {
		return fmt.Errorf("create: %w", err)
	}
	plan, _, err := planAs(ctx, h.Board, []posting.Posting{p}, defaultOwner)
	if err != nil {
		return err
	}
	if err := expectEmptyPlan(plan, "for the default owner, of a marker without an owner"); err != nil {
		return err
	}
	plan, _, err = planAs(ctx, h.Board, nil, ownerA)
	if err != nil {
		return err
	}
	if s := plan.Summary(); s.OtherOwners != 1 || plan.HasChanges() {
		return fmt.Errorf("for %s, a marker without an owner: %+v, want one posting of another owner and nothing to do", ownerA, s)
	}
	return nil
}

// checkTwoRuns: two syncs of one config against one board, started
// together, each with its own client (two processes), under the usual
// guards. Neither may exit 0 and leave a duplicate behind, and after one
// more sync the board holds exactly one open posting per key and the plan
// is empty.
func checkTwoRuns(ctx context.Context, t testing.TB, h *Harness) error {
	if h.Another == nil {
		t.Skip("the board has no second client (Harness.Another is nil)")
	}
	desired := SamplePostings(12)
	boards := []ats.Board{h.Board, h.Another(t)}
	errs := make([]error, len(boards))
	start := make(chan struct{})
	done := make(chan int)
	for i, b := range boards {
		go func() {
			<-start
			_, errs[i] = ats.Sync(ctx, ats.Targets(b), desired, ats.RunOptions{Guards: ats.DefaultGuards()}, ats.ApplyOptions{})
			done <- i
		}()
	}
	close(start)
	for range boards {
		<-done
	}
	rs, err := h.Board.List(ctx)
	if err != nil {
		return err
	}
	if dups := openDuplicates(rs); len(dups) > 0 && errs[0] == nil && errs[1] == nil {
		return fmt.Errorf("both runs exited 0 and left keys with more than one open posting: %v", dups)
	}
	t.Logf("two runs at once: errors %v; %d postings listed", errs, len(rs))
	if _, err := syncOnce(ctx, h.Board, desired, false); err != nil {
		return fmt.Errorf("the sync after both: %w", err)
	}
	plan, rs, err := planNow(ctx, h.Board, desired)
	if err != nil {
		return err
	}
	if dups := openDuplicates(rs); len(dups) > 0 {
		return fmt.Errorf("after one more sync, keys with more than one open posting: %v", dups)
	}
	for _, p := range desired {
		if n := openOwned(rs, p.Key); n != 1 {
			return fmt.Errorf("after one more sync, %d open postings carry %s, want 1", n, p.Key)
		}
	}
	return expectEmptyPlan(plan, "after two runs at once and one more sync")
}

// openDuplicates returns the keys that more than one open owned posting
// carries.
func openDuplicates(rs []ats.Remote) []string {
	n := map[string]int{}
	var dups []string
	for _, r := range rs {
		if r.Owned && r.Open {
			if n[r.Key]++; n[r.Key] == 2 {
				dups = append(dups, r.Key)
			}
		}
	}
	return dups
}
