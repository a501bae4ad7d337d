// Package atstest is the conformance suite every ats.Board runs from a short
// test file, plus helpers for adapter tests and simulators.
package atstest

import (
	"testing"

	"github.com/jobsync/jobsync/ats"
)

// Harness is what a board's test file hands the suite: a fresh, empty board
// (apart from what the ATS itself holds that jobsync must never touch) and the
// means to act on it the way a person in the ATS's own UI would.
type Harness struct {
	// Board is a new board. Every call of the suite's factory gets its own.
	Board ats.Board

	// AddUnowned puts a posting on the board as a person would, without a
	// jobsync marker, and returns its id.
	AddUnowned func(t testing.TB, title string) string

	// EditText changes the visible text of a posting as a person would, leaving
	// any marker in place; the next List must report the posting Drifted.
	EditText func(t testing.TB, id string, newText string)

	// Another returns another client of the same board, as a second
	// jobsync process would hold (the same ATS account, or folder): the
	// suite syncs both at once. Nil skips that check.
	Another func(t testing.TB) ats.Board

	// SetFaults makes a share of the board's calls fail from now on: errors,
	// timeouts, and writes that happen but whose response is lost. rate 0
	// turns faults off. Nil when the board cannot inject faults.
	SetFaults func(rate float64, seed int64)
}
