package atstest

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/jobsync/jobsync/ats"
	"github.com/jobsync/jobsync/posting"
)

const (
	// faultRate is the share of calls that fail while faults are on.
	faultRate = 0.3
	// maxFaultRounds bounds the syncs run for each desired set before the
	// board must have converged on it.
	maxFaultRounds = 30
)

// faultVersions are the desired sets the fault check syncs in turn: 15
// postings; then updates, closes and creates; then updates, closes, creates
// and the reopening of closed postings. Creates are many, so that some meet a
// lost response.
func faultVersions() [][]posting.Posting {
	v1 := SamplePostings(15)
	var v2, v3 []posting.Posting
	for i := range 30 {
		switch {
		case i < 5:
			v2 = append(v2, SamplePosting(i, 1))
		case i < 10 || (i >= 15 && i < 25):
			v2 = append(v2, SamplePosting(i, 0))
		}
		switch {
		case i < 3:
			v3 = append(v3, SamplePosting(i, 2))
		case i < 5, i == 15:
			v3 = append(v3, SamplePosting(i, 1))
		case i < 8, i >= 16 && i < 20: // closed
		default: // 10-14 reopen, 25-29 are new
			v3 = append(v3, SamplePosting(i, 0))
		}
	}
	return [][]posting.Posting{v1, v2, v3}
}

// checkFaults syncs a board whose calls fail at random, ignoring the errors,
// until each desired set is reached, then turns faults off and checks that
// the board holds exactly the last set, made without a duplicate, and that
// the unowned postings are untouched.
func checkFaults(ctx context.Context, t testing.TB, h *Harness, seed int64) error {
	ids := []string{
		h.AddUnowned(t, "Engineering Manager, Verify"),
		h.AddUnowned(t, SamplePosting(1, 0).Title),
	}
	rs, err := h.Board.List(ctx)
	if err != nil {
		return fmt.Errorf("list: %w", err)
	}
	unowned, err := snapshot(rs, ids)
	if err != nil {
		return err
	}

	h.SetFaults(faultRate, seed)
	defer h.SetFaults(0, 0)
	versions := faultVersions()
	writes := 0
	for v, desired := range versions {
		rounds, n, err := converge(ctx, h.Board, desired)
		writes += n
		if err != nil {
			return fmt.Errorf("seed %d, desired set %d: %w", seed, v+1, err)
		}
		t.Logf("seed %d: desired set %d reached in %d rounds (%d writes so far)", seed, v+1, rounds, writes)
	}

	h.SetFaults(0, 0)
	rs, err = h.Board.List(ctx)
	if err != nil {
		return fmt.Errorf("list with faults off: %w", err)
	}
	if err := checkState(rs, versions[len(versions)-1], unowned); err != nil {
		return fmt.Errorf("seed %d, after the faults: %w", seed, err)
	}
	return nil
}

// converge syncs desired until a successful List shows nothing left to do,
// for at most maxFaultRounds rounds, and checks after every List that no key
// was created twice. It returns the rounds run and the writes planned.
func converge(ctx context.Context, b ats.Board, desired []posting.Posting) (rounds, writes int, err error) {
	for rounds = 1; rounds <= maxFaultRounds; rounds++ {
		if err := ctx.Err(); err != nil {
			return rounds, writes, err
		}
		plan, done, err := faultRound(ctx, b, desired)
		if err != nil {
			return rounds, writes, err
		}
		if done {
			return rounds, writes, nil
		}
		writes += len(plan.Writes())
	}
	return rounds, writes, fmt.Errorf("not reached after %d syncs", maxFaultRounds)
}

// faultRound is one sync under faults, as the CLI runs it: errors of the
// lock, the List and the writes are expected and ignored (the next round
// retries them); a duplicate key on the board is not.
func faultRound(ctx context.Context, b ats.Board, desired []posting.Posting) (ats.Plan, bool, error) {
	r, err := ats.Start(ctx, ats.Targets(b), desired, ats.RunOptions{Write: true, Guards: ats.Guards{AllowMassClose: true}})
	if err != nil {
		return ats.Plan{}, false, nil
	}
	defer func() { _ = r.Close() }()
	if dups := duplicateKeys(r.Boards[0].Current); len(dups) > 0 {
		return ats.Plan{}, false, fmt.Errorf("a key was created twice: %s (%s)", strings.Join(dups, ", "), describe(r.Boards[0].Current, dups))
	}
	plan := r.Boards[0].Plan
	if !plan.HasChanges() {
		return plan, true, nil
	}
	_, _ = r.Apply(ctx, ats.ApplyOptions{}) // failures are retried by the next round
	return plan, false, nil
}

// describe lists the owned postings carrying the given keys.
func describe(rs []ats.Remote, keys []string) string {
	var parts []string
	for _, r := range rs {
		if r.Owned && slices.Contains(keys, r.Key) {
			parts = append(parts, fmt.Sprintf("%s open=%t", r.ID, r.Open))
		}
	}
	return strings.Join(parts, "; ")
}
