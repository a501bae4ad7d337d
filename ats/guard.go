package ats

import (
	"errors"
	"fmt"
)

// ErrMassClose is wrapped by the error of a plan refused for closing too many
// of a board's postings at once.
var ErrMassClose = errors.New("refusing to close that many postings (allow it explicitly to go ahead)")

// Guards are the safety limits checked on every plan before any write.
type Guards struct {
	// A plan may not close more than MaxClosePercent percent of the board's
	// owned open postings if it also closes more than MaxCloseCount. Zero
	// means zero, the strictest setting (a negative value counts as zero):
	// the zero Guards refuse any close. DefaultGuards are the usual limits.
	MaxClosePercent float64
	MaxCloseCount   int
	// AllowMassClose lifts the limit.
	AllowMassClose bool
}

// DefaultGuards are the limits a sync runs with unless told otherwise: a
// plan that closes more than 25% of a board's owned postings, and more than
// 3, is refused. config fills the guards a config file leaves unset from
// them; they are jobsync's only guard defaults.
func DefaultGuards() Guards {
	return Guards{MaxClosePercent: 25, MaxCloseCount: 3}
}

// CheckGuards checks every plan, before any of them is applied, and returns
// an error naming each board whose plan the guards refuse. Closes of
// duplicates do not count: their key stays published, so a run that
// cleans up after two runs at once is never refused.
func CheckGuards(plans []Plan, g Guards) error {
	return refusal(GuardProblems(plans, g))
}

// GuardProblems returns a Problem for each plan the guards refuse; its Err
// wraps ErrMassClose.
func GuardProblems(plans []Plan, g Guards) []Problem {
	if g.AllowMassClose {
		return nil
	}
	pct, count := max(g.MaxClosePercent, 0), max(g.MaxCloseCount, 0)
	var problems []Problem
	for _, p := range plans {
		closes := 0
		for _, a := range p.Actions {
			// A duplicate's close leaves its key published: not a removal.
			if a.Op == OpClose && a.Reason != ReasonDuplicate {
				closes++
			}
		}
		if closes == 0 {
			continue
		}
		share := 100.0
		if p.Owned > 0 {
			share = 100 * float64(closes) / float64(p.Owned)
		}
		if share > pct && closes > count {
			err := fmt.Errorf("the plan closes %d of %d owned postings (%.0f%%, limit %g%% when more than %d): %w",
				closes, p.Owned, share, pct, count, ErrMassClose)
			problems = append(problems, Problem{Board: p.Board, Severity: SeverityError, Message: err.Error(), Err: err})
		}
	}
	return problems
}
