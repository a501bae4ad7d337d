package ats

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"go.uber.org/zap"
)

// ErrSkipped is wrapped by the result of a write that was never tried: the
// run was interrupted first, or a create or update on the board failed, so
// its closes were held back.
var ErrSkipped = errors.New("not done")

// ErrDrift is wrapped by the result of a drift action: a posting edited
// outside jobsync, reported and left alone.
var ErrDrift = errors.New("edited outside jobsync; left alone")

// ErrConflict is wrapped by the result of a conflict action: a key claimed
// by postings whose claims jobsync cannot prove, reported and left alone.
var ErrConflict = errors.New("claimed by more than one posting; nothing written for the key")

// ApplyOptions tune Apply.
type ApplyOptions struct {
	// Concurrency bounds the writes in flight on one board. Zero takes the
	// board's MaxConcurrency if it implements Concurrent, else 1. In a Run,
	// a Target's own Concurrency comes first.
	Concurrency int
	// Logger gets one line per write; nil logs nothing.
	Logger *zap.Logger
	// OnResult, if not nil, is called once for every action of the plan's
	// Writes as it finishes or is skipped, from the engine's goroutines (it
	// must be safe for concurrent use): a progress hook.
	OnResult func(ActionResult)
}

// ActionResult is what became of one action. Remote is the posting as the
// board returned it after a successful create or update (for a close, the
// posting as planned, marked closed). Err is nil when the write was done.
type ActionResult struct {
	Action Action
	Remote Remote
	Err    error
}

// Result is what Apply did to one board: a result for each of the plan's
// Writes in their order, then one for each drift and conflict action.
type Result struct {
	Board       string
	Results     []ActionResult
	Interrupted bool // the context ended before every write was done

	cause error // the context's error when Interrupted
}

// Err joins the errors of the actions that failed, the drift reports, and a
// note of how many writes were not done, or returns nil when every write was
// done and nothing drifted.
func (r Result) Err() error {
	var errs []error
	skipped := 0
	for _, ar := range r.Results {
		switch {
		case ar.Err == nil:
		case errors.Is(ar.Err, ErrSkipped):
			skipped++
		default:
			errs = append(errs, ar.Err)
		}
	}
	if r.Interrupted {
		cause := r.cause
		if cause == nil {
			cause = context.Canceled
		}
		errs = append(errs, fmt.Errorf("interrupted: %w", cause))
	}
	if skipped > 0 {
		errs = append(errs, fmt.Errorf("%d writes: %w", skipped, ErrSkipped))
	}
	if len(errs) == 0 {
		return nil
	}
	return fmt.Errorf("board %s: %w", r.Board, errors.Join(errs...))
}

// Apply carries out a plan on its board. Creates and updates run first, up
// to the concurrency bound at a time; closes run last, and only if every
// create and update succeeded. A failed write does not stop the others. Drift
// actions are not written: each is reported with an error wrapping ErrDrift;
// nor are conflict actions (ErrConflict).
//
// When ctx ends, no further write starts; writes in flight finish or fail,
// and the Result is marked Interrupted. A create that fails is never simply
// sent again: the board is searched for its key first, and a posting found
// there is adopted (and updated if its hash differs).
//
// Apply does not take the board's lock: the caller (a Run, see Start) holds it
// from before the List the plan was made from.
func Apply(ctx context.Context, b Board, p Plan, opts ApplyOptions) Result {
	log := opts.Logger
	if log == nil {
		log = zap.NewNop()
	}
	e := &engine{board: b, owner: p, log: log.Named("apply").With(zap.String("board", p.Board)), onResult: opts.OnResult}
	n := opts.Concurrency
	if c, ok := b.(Concurrent); ok && n <= 0 {
		n = c.MaxConcurrency()
	}
	n = max(n, 1)

	writes := p.Writes()
	split := 0
	for split < len(writes) && writes[split].Op != OpClose {
		split++
	}
	res := Result{Board: p.Board, Results: make([]ActionResult, len(writes))}

	stopped := !e.run(ctx, writes[:split], res.Results[:split], n)
	failed := stopped
	for _, ar := range res.Results[:split] {
		failed = failed || ar.Err != nil
	}
	interrupted := stopped || failed && ctx.Err() != nil
	if failed {
		why := "held back after a failed write"
		if interrupted {
			why = "not started: interrupted"
		}
		for i, a := range writes[split:] {
			e.finish(&res.Results[split+i], ActionResult{Action: a,
				Err: fmt.Errorf("close %s (%s): %s: %w", a.Key, a.RemoteID, why, ErrSkipped)})
		}
	} else {
		interrupted = !e.run(ctx, writes[split:], res.Results[split:], n)
	}
	if interrupted {
		res.Interrupted, res.cause = true, ctx.Err()
	}

	for _, a := range p.Actions {
		if err := leftAloneError(a); err != nil {
			res.Results = append(res.Results, ActionResult{Action: a, Err: err})
		}
	}
	return res
}

// leftAloneError is the report of an action that is reported, not
// written (drift, a conflict), or nil for any other.
func leftAloneError(a Action) error {
	switch a.Op {
	case OpDrift:
		return fmt.Errorf("%s (%s): %w", a.Key, a.RemoteID, ErrDrift)
	case OpConflict:
		return fmt.Errorf("%s (%s): %s: %w", a.Key, a.RemoteID, a.Reason, ErrConflict)
	}
	return nil
}

// engine runs one board's writes.
type engine struct {
	board    Board
	owner    Plan // for Mine: whose postings a look-up may adopt
	log      *zap.Logger
	onResult func(ActionResult)
}

// run does actions with at most n in flight, writing each result at its
// index, and reports whether it started them all; if ctx ended first, the
// rest are marked skipped.
func (e *engine) run(ctx context.Context, actions []Action, results []ActionResult, n int) bool {
	sem := make(chan struct{}, n)
	var wg sync.WaitGroup
	started := 0
	for i, a := range actions {
		select {
		case sem <- struct{}{}:
		case <-ctx.Done():
		}
		if ctx.Err() != nil {
			break
		}
		started++
		wg.Go(func() {
			defer func() { <-sem }()
			wctx, done := writeContext(ctx, writeGrace)
			defer done()
			e.finish(&results[i], e.do(wctx, a))
		})
	}
	wg.Wait()
	for i, a := range actions[started:] {
		e.finish(&results[started+i], ActionResult{Action: a,
			Err: fmt.Errorf("%s %s: not started: %w: %w", a.Op, a.Key, ErrSkipped, ctx.Err())})
	}
	return started == len(actions)
}

// writeGrace is how long a write that has started may go on after the run
// is interrupted: Ctrl-C stops between writes, not inside one, so that no
// posting is left half-written when it can be helped.
const writeGrace = 30 * time.Second

// writeContext is the context of one write: it outlives ctx by grace, so a
// write in flight when ctx ends can finish.
func writeContext(ctx context.Context, grace time.Duration) (context.Context, context.CancelFunc) {
	wctx, cancel := context.WithCancel(context.WithoutCancel(ctx))
	stop := context.AfterFunc(ctx, func() { time.AfterFunc(grace, cancel) })
	return wctx, func() { stop(); cancel() }
}

func (e *engine) finish(slot *ActionResult, r ActionResult) {
	*slot = r
	if e.onResult != nil {
		e.onResult(r)
	}
}

// do carries out one write.
func (e *engine) do(ctx context.Context, a Action) ActionResult {
	res := ActionResult{Action: a}
	if a.Desired == nil && a.Op != OpClose {
		res.Err = fmt.Errorf("%s %s: no desired posting", a.Op, a.Key)
		return res
	}
	switch a.Op {
	case OpCreate:
		res.Remote, res.Err = e.create(ctx, a)
	case OpUpdate:
		res.Remote, res.Err = e.board.Update(ctx, a.RemoteID, *a.Desired)
		if res.Err != nil {
			res.Err = fmt.Errorf("update %s (%s): %w", a.Key, a.RemoteID, res.Err)
		} else {
			e.log.Info("updated", zap.String("key", a.Key), zap.String("id", a.RemoteID), zap.String("reason", a.Reason))
		}
	case OpClose:
		if err := e.board.Close(ctx, a.RemoteID); err != nil {
			res.Err = fmt.Errorf("close %s (%s): %w", a.Key, a.RemoteID, err)
		} else {
			if a.Current != nil {
				res.Remote = *a.Current
			}
			res.Remote.ID, res.Remote.Open = a.RemoteID, false
			e.log.Info("closed", zap.String("key", a.Key), zap.String("id", a.RemoteID), zap.String("reason", a.Reason))
		}
	default:
		res.Err = fmt.Errorf("%s %s: not a write", a.Op, a.Key)
	}
	return res
}
