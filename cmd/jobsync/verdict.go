package main

import (
	"errors"
	"fmt"

	"github.com/jobsync/jobsync/ats"
)

// verdict is how a run ends when every write it makes succeeds, known
// before any write: refused (guards, prerequisites), or failing on drift it
// leaves alone (drift, conflicts), or nil. plan, sync --dry-run and sync end on it alike, with
// the same exit code (see the README's table).
func verdict(run *ats.Run) error {
	if err := run.Check(); err != nil {
		return refused(err)
	}
	if err := run.LeftAlone(); err != nil {
		return leftAloneHint(err)
	}
	return nil
}

// refused says that nothing is written and how to go ahead.
func refused(err error) error {
	err = fmt.Errorf("%w\nnothing is written to any board", err)
	if errors.Is(err, ats.ErrMassClose) {
		err = fmt.Errorf("%w (use --allow-mass-close if the closes are intended)", err)
	}
	return err
}

// leftAloneHint adds what to do about drift and conflicts to an error that
// holds some.
func leftAloneHint(err error) error {
	if errors.Is(err, ats.ErrConflict) {
		err = fmt.Errorf("%w\nnothing was written for a key that more than one posting claims: remove jobsync's marker from the posting that is not jobsync's (see each posting's reason)", err)
	}
	if errors.Is(err, ats.ErrDrift) {
		err = fmt.Errorf("%w\nreview the postings edited outside jobsync, then sync with --overwrite-drift to replace them", err)
	}
	return err
}
