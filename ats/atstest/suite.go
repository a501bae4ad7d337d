package atstest

import (
	"context"
	"fmt"
	"testing"
)

// check is one conformance check. It returns what it found wrong rather than
// failing t, so that a test can prove it catches a broken board; t is for
// the harness's helpers and for logs.
type check struct {
	name string
	fn   func(ctx context.Context, t testing.TB, h *Harness) error
}

// checks are the conformance checks, in the order they run.
var checks = []check{
	{"EmptyBoard", checkEmpty},
	{"CreateList", checkCreate},
	{"Update", checkUpdate},
	{"Close", checkClose},
	{"Reopen", checkReopen},
	{"UnknownID", checkNotFound},
	{"Unowned", checkUnowned},
	{"Drift", checkDrift},
	{"Duplicates", checkDuplicates},
	{"SyncConverges", checkConverge},
	{"Owners", checkOwners},
	{"DefaultOwner", checkDefaultOwner},
	{"TwoRunsAtOnce", checkTwoRuns},
}

// faultSeeds seed the fault checks; each runs on its own board.
var faultSeeds = []int64{1, 2, 3, 42}

// Run is the conformance suite: every ats.Board runs it from a short test
// file, with a factory that returns a new, empty board for each call:
//
//	func TestConformance(t *testing.T) {
//		atstest.Run(t, func(t *testing.T) *atstest.Harness { return newHarness(t) })
//	}
//
// Each check runs as a parallel subtest with its own board; the fault checks
// run only when the harness can inject faults (SetFaults is not nil).
func Run(t *testing.T, newHarness func(t *testing.T) *Harness) {
	t.Helper()
	for _, c := range checks {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			if err := c.fn(t.Context(), t, newHarness(t)); err != nil {
				t.Fatal(err)
			}
		})
	}
	t.Run("Faults", func(t *testing.T) {
		t.Parallel()
		if newHarness(t).SetFaults == nil {
			t.Skip("the board cannot inject faults (Harness.SetFaults is nil)")
		}
		for _, seed := range faultSeeds {
			t.Run(fmt.Sprintf("seed=%d", seed), func(t *testing.T) {
				t.Parallel()
				if err := checkFaults(t.Context(), t, newHarness(t), seed); err != nil {
					t.Fatal(err)
				}
			})
		}
	})
}
