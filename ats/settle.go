package ats

import (
	"context"
	"errors"
	"fmt"

	"go.uber.org/zap"
)

// Two runs at once. Nothing on a remote board keeps two syncs of one
// config apart (the local board's folder lock does, see Locker): the five
// APIs share no lock, lease or conditional write that jobsync could hold a
// board with, and a lease kept in a posting or field of jobsync's would
// show on the board and still be racy without a compare-and-set. So a
// run makes duplicates safe instead of impossible:
//
//   - every create's marker tells it from any other create of its key
//     (Marker.ID, Marker.Nonce), so the plan knows duplicates for jobsync's
//     own and closes all but one, and the mass-close guard does not count
//     those closes (the key stays published);
//   - after its writes, a run that created postings lists the board again
//     (or finds the keys, when few) and closes, for every key it created, each open posting of its own but
//     the one the plan would keep (an open one, the lowest id: the same
//     choice in every run, so two runs settling at once close the same
//     postings), and says so.
//
// The run that settles last sees every write of both, so when both have
// ended the board holds one open posting per key, and a run that leaves a
// duplicate it cannot settle (a claim it cannot prove, a failed List or
// close) fails. CI should still serialise runs per board (README): the
// second run's creates are wasted writes that people may briefly see.

// ErrRace is wrapped by the error of a run that found, after its writes,
// postings another run made at the same time that it could not settle.
var ErrRace = errors.New("another run wrote the board at the same time")

// settleFinds is how many created keys settle looks up one by one on a
// board with a Finder; more take one List.
const settleFinds = 4

// listKeys returns the postings of b with the keys (and maybe others): one
// Find per key when there are few and b has a Finder (cheaper than a List
// on most boards), else one List.
func listKeys(ctx context.Context, b Board, keys map[string]bool) ([]Remote, error) {
	f, ok := b.(Finder)
	if !ok || len(keys) > settleFinds {
		return b.List(ctx)
	}
	var out []Remote
	for key := range keys {
		rs, err := f.Find(ctx, key)
		if err != nil {
			return nil, err
		}
		out = append(out, rs...)
	}
	return out, nil
}

// settle closes the duplicates of the keys res created that runs at the
// same time left on b, appending a result for each close to res.
func settle(ctx context.Context, b Board, p Plan, res *Result, log *zap.Logger) {
	created := map[string]bool{}
	for _, ar := range res.Results {
		if ar.Action.Op == OpCreate && ar.Err == nil {
			created[ar.Action.Key] = true
		}
	}
	if len(created) == 0 || ctx.Err() != nil {
		return
	}
	current, err := listKeys(ctx, b, created)
	if err != nil {
		res.Results = append(res.Results, ActionResult{Action: Action{Board: p.Board, Op: OpClose, Reason: ReasonDuplicate},
			Err: fmt.Errorf("list after creating, to find duplicates another run made: %w: %w", err, ErrRace)})
		return
	}
	claims := map[string][]int{}
	for i := range current {
		if r := &current[i]; created[r.Key] && p.Mine(r) {
			claims[r.Key] = append(claims[r.Key], i)
		}
	}
	for key, ids := range claims {
		if len(ids) < 2 {
			continue
		}
		if conflicting(current, ids) {
			res.Results = append(res.Results, ActionResult{Action: Action{Board: p.Board, Op: OpConflict, Key: key, Reason: ReasonClaimed},
				Err: fmt.Errorf("%s: %d postings claim it after this run created it: %w", key, len(ids), ErrRace)})
			continue
		}
		keep := pickKeeper(current, ids)
		for _, j := range ids {
			r := &current[j]
			if j == keep || !r.Open {
				continue
			}
			a := closeAction(p.Board, r, ReasonDuplicate)
			ar := ActionResult{Action: a, Remote: *r}
			if err := b.Close(ctx, r.ID); err != nil {
				ar.Err = fmt.Errorf("close %s (%s), a duplicate another run made: %w: %w", key, r.ID, err, ErrRace)
			} else {
				ar.Remote.Open = false
				log.Warn("closed a duplicate: another run created this key at the same time", zap.String("key", key), zap.String("id", r.ID), zap.String("kept", current[keep].ID))
			}
			res.Results = append(res.Results, ar)
		}
	}
}
