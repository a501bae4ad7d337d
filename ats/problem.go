package ats

import (
	"context"
	"errors"
	"fmt"
)

// Severity says what a Problem does to a run.
type Severity string

// The severities of a Problem.
const (
	// SeverityError refuses the run: nothing is written to any board.
	SeverityError Severity = "error"
	// SeverityNotice is something the run will also do, or should be known
	// before it does (a field created on the first write); it refuses nothing.
	SeverityNotice Severity = "notice"
)

// ErrPrerequisite is wrapped by the error of a board whose account lacks
// something its writes need (Preflight found it).
var ErrPrerequisite = errors.New("board prerequisite missing")

// Problem is something found before any write that a plan must show: a
// guard the plan breaks, a board prerequisite missing, a side effect of the
// first write.
type Problem struct {
	Board    string   `json:"board"`
	Severity Severity `json:"severity"`
	// Message says what and where, and how to fix it; it does not name the
	// board (Board does).
	Message string `json:"message"`
	// Err, for an error, is what Check returns for it; it wraps a sentinel
	// (ErrMassClose, ErrPrerequisite).
	Err error `json:"-"`
}

// Refuses reports whether the problem stops the run.
func (p Problem) Refuses() bool { return p.Severity == SeverityError }

// Prerequisite is a Problem that refuses the run: board lacks what its
// writes need.
func Prerequisite(board, format string, args ...any) Problem {
	msg := fmt.Sprintf(format, args...)
	return Problem{Board: board, Severity: SeverityError, Message: msg, Err: fmt.Errorf("%s: %w", msg, ErrPrerequisite)}
}

// Notice is a Problem that refuses nothing.
func Notice(board, format string, args ...any) Problem {
	return Problem{Board: board, Severity: SeverityNotice, Message: fmt.Sprintf(format, args...)}
}

// Preflighter is an optional capability: a board whose writes need more of
// the account than its postings (a template job to copy, a field to hold
// the marker) checks it for the plan p, reading only. Start calls it after
// planning, for plans, dry runs and syncs alike, so that a plan shows what
// its sync would refuse. An error is a failed read, not a problem found.
type Preflighter interface {
	Preflight(ctx context.Context, p Plan) ([]Problem, error)
}

// refusal joins the errors of the problems that refuse, each naming its
// board once.
func refusal(problems []Problem) error {
	var errs []error
	for _, p := range problems {
		if !p.Refuses() {
			continue
		}
		err := p.Err
		if err == nil {
			err = errors.New(p.Message)
		}
		errs = append(errs, fmt.Errorf("board %s: %w", p.Board, err))
	}
	return errors.Join(errs...)
}
