package ats

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"

	"github.com/jobsync/jobsync/posting"
	"go.uber.org/zap"
)

// A sync is one run of the loop records → plan → apply over one or more
// boards (external-dns's controller.RunOnce). The CLI, the conformance
// suite, the fault checks and the benchmarks all run it, in explicit phases:
//
//  1. Start: when the run will write, lock every board that has a lock
//     (Locker), in order; then List every board in parallel and plan each
//     (NewPlan, in the board's BodyLayout). Nothing is written.
//  2. Run.Plans: every plan, plain data, to print before anything is written.
//  3. Run.Problems and Run.Check: what the run would refuse (the guards
//     across every board, each board's Preflight) and Run.LeftAlone: what it
//     would leave alone and fail on. All read-only and all found in Start,
//     so a plan, a dry run and a sync end on the same verdict.
//  4. Run.Apply: Check again, then each board's plan at its own concurrency,
//     the boards in parallel; nothing is written when Check refuses. A
//     board without a lock that got creates is listed again, and the
//     duplicates of another run at the same time closed (settle.go).
//  5. Run.Close: the locks are released, after the last write.
//
// A plan or dry run stops after 3 and takes no lock: a lock is itself a
// write (the local board tidies its index on unlock). Every error about a
// board names it once, as "board NAME: …"; adapters do not name themselves.

// Target is one board of a run, with its settings.
type Target struct {
	Board Board
	// Concurrency bounds the board's writes in flight; 0 takes
	// ApplyOptions.Concurrency, then the board's MaxConcurrency, then 1.
	Concurrency int
}

// RunOptions tune Start.
type RunOptions struct {
	// Write says the run will apply its plans: each board's lock is taken
	// before its List and held until Close. Plans and dry runs leave it
	// false and take no lock.
	Write bool
	// OverwriteDrift plans an update, not a drift report, for a posting
	// edited outside jobsync.
	OverwriteDrift bool
	// Guards are what Check and Apply hold every plan to. The zero value is
	// the strictest (no close at all); DefaultGuards are the usual limits.
	Guards Guards
	// Owner is the config's owner id, written in the marker of every
	// posting the run writes; DefaultOwner owns the markers that name none.
	// The run writes only its owner's postings (PlanOptions.Owner).
	Owner, DefaultOwner string
}

// Run is one sync under way: each board, what it held and its plan.
type Run struct {
	// Boards are the run's boards in the order of the targets.
	Boards []BoardRun

	opts    RunOptions
	unlocks []func() error // of the boards locked so far, in order
	names   []string       // the board of each unlock
}

// BoardRun is one board of a run.
type BoardRun struct {
	Target
	// Current is what the board's List returned; the plan points into it.
	Current []Remote
	Plan    Plan
	// Problems are what the board's Preflight found (nil without one).
	Problems []Problem
}

// Start locks the targets when opts.Write, lists them in parallel and plans
// desired against each (NewPlan keeps the postings meant for each board).
// It writes nothing. On error no lock is left held. The caller must Close
// the run it returns.
func Start(ctx context.Context, targets []Target, desired []posting.Posting, opts RunOptions) (*Run, error) {
	r := &Run{opts: opts, Boards: make([]BoardRun, len(targets))}
	for i, t := range targets {
		name := t.Board.Name()
		if slices.ContainsFunc(targets[:i], func(o Target) bool { return o.Board.Name() == name }) {
			// Two targets of one board would apply its plan twice at once.
			return nil, fmt.Errorf("board %s: named twice in one run", name)
		}
		r.Boards[i].Target = t
	}
	if opts.Write {
		if err := r.lock(ctx); err != nil {
			return nil, errors.Join(err, r.Close())
		}
	}
	if err := r.list(ctx); err != nil {
		return nil, errors.Join(err, r.Close())
	}
	if opts.Owner != "" {
		desired = withOwner(desired, opts.Owner)
	}
	for i := range r.Boards {
		b := &r.Boards[i]
		po := PlanOptions{OverwriteDrift: opts.OverwriteDrift, Owner: opts.Owner, DefaultOwner: opts.DefaultOwner}
		if fr, ok := b.Board.(FieldReader); ok {
			po.Fields = fr.ReadsFields()
		}
		if l, ok := b.Board.(BodyLayout); ok {
			po.Body = l.Body
		}
		b.Plan = NewPlan(b.Board.Name(), desired, b.Current, po)
	}
	if err := r.preflight(ctx); err != nil {
		return nil, errors.Join(err, r.Close())
	}
	return r, nil
}

// withOwner returns a copy of desired whose postings name owner.
func withOwner(desired []posting.Posting, owner string) []posting.Posting {
	out := slices.Clone(desired)
	for i := range out {
		out[i].Owner = owner
	}
	return out
}

// preflight runs the Preflight of every board that has one, in parallel.
func (r *Run) preflight(ctx context.Context) error {
	errs := make([]error, len(r.Boards))
	var wg sync.WaitGroup
	for i := range r.Boards {
		b := &r.Boards[i]
		pf, ok := b.Board.(Preflighter)
		if !ok {
			continue
		}
		wg.Go(func() {
			problems, err := pf.Preflight(ctx, b.Plan)
			if err != nil {
				errs[i] = fmt.Errorf("board %s: preflight: %w", b.Board.Name(), err)
				return
			}
			for j := range problems {
				problems[j].Board = b.Board.Name()
			}
			b.Problems = problems
		})
	}
	wg.Wait()
	return errors.Join(errs...)
}

// lock takes the lock of every board that has one, in order, and stops at
// the first that fails.
func (r *Run) lock(ctx context.Context) error {
	for _, b := range r.Boards {
		l, ok := b.Board.(Locker)
		if !ok {
			continue
		}
		unlock, err := l.Lock(ctx)
		if err != nil {
			return fmt.Errorf("board %s: %w", b.Board.Name(), err)
		}
		r.unlocks = append(r.unlocks, unlock)
		r.names = append(r.names, b.Board.Name())
	}
	return nil
}

// list lists every board in parallel.
func (r *Run) list(ctx context.Context) error {
	errs := make([]error, len(r.Boards))
	var wg sync.WaitGroup
	for i := range r.Boards {
		b := &r.Boards[i]
		wg.Go(func() {
			current, err := b.Board.List(ctx)
			if err != nil {
				errs[i] = fmt.Errorf("board %s: %w", b.Board.Name(), err)
				return
			}
			b.Current = current
		})
	}
	wg.Wait()
	return errors.Join(errs...)
}

// Plans returns the plan of every board, in the order of the targets.
func (r *Run) Plans() []Plan {
	plans := make([]Plan, len(r.Boards))
	for i, b := range r.Boards {
		plans[i] = b.Plan
	}
	return plans
}

// Problems returns what the run found before any write: each board's
// Preflight problems, in the order of the targets, then the guards' refusals.
func (r *Run) Problems() []Problem {
	var ps []Problem
	for _, b := range r.Boards {
		ps = append(ps, b.Problems...)
	}
	return append(ps, GuardProblems(r.Plans(), r.opts.Guards)...)
}

// Check returns what the run would refuse before any write, naming each
// board: a plan the guards refuse (wrapping ErrMassClose), a prerequisite
// missing (wrapping ErrPrerequisite). It reads and writes nothing.
func (r *Run) Check() error {
	return refusal(r.Problems())
}

// LeftAlone returns what the run would report and not write, one error per
// posting wrapping ErrDrift or ErrConflict, as Apply's Results report it: a
// sync of this run ends in an error even if every write succeeds.
func (r *Run) LeftAlone() error {
	var errs []error
	for _, b := range r.Boards {
		var bs []error
		for _, a := range b.Plan.Actions {
			if err := leftAloneError(a); err != nil {
				bs = append(bs, err)
			}
		}
		if len(bs) > 0 {
			errs = append(errs, fmt.Errorf("board %s: %w", b.Board.Name(), errors.Join(bs...)))
		}
	}
	return errors.Join(errs...)
}

// Apply checks the run and, unless Check refuses, carries out every board's
// plan: the boards in parallel, each at its Target's concurrency (see
// Apply for the order of one board's writes). It returns a Result per
// board, in the order of the targets, or the error that stopped it before
// any write. The run must have been started with Write.
func (r *Run) Apply(ctx context.Context, opts ApplyOptions) ([]Result, error) {
	if !r.opts.Write {
		return nil, errors.New("the run was started without Write: its boards are not locked, so nothing is written")
	}
	if err := r.Check(); err != nil {
		return nil, err
	}
	results := make([]Result, len(r.Boards))
	var wg sync.WaitGroup
	for i := range r.Boards {
		b := &r.Boards[i]
		o := opts
		if b.Concurrency > 0 {
			o.Concurrency = b.Concurrency
		}
		if o.Logger != nil {
			o.Logger = o.Logger.Named(b.Board.Name())
		}
		wg.Go(func() {
			results[i] = Apply(ctx, b.Board, b.Plan, o)
			if _, locked := b.Board.(Locker); !locked {
				log := o.Logger
				if log == nil {
					log = zap.NewNop()
				}
				settle(ctx, b.Board, b.Plan, &results[i], log)
			}
		})
	}
	wg.Wait()
	return results, nil
}

// Close releases the boards' locks, last taken first, and returns what
// went wrong doing so (the local board writes its index then). Closing
// again does nothing.
func (r *Run) Close() error {
	var errs []error
	for i := len(r.unlocks) - 1; i >= 0; i-- {
		if err := r.unlocks[i](); err != nil {
			errs = append(errs, fmt.Errorf("board %s: %w", r.names[i], err))
		}
	}
	r.unlocks, r.names = nil, nil
	return errors.Join(errs...)
}

// Sync is one whole run, as `jobsync sync` makes it without printing:
// Start with Write, Apply, Close. It returns the plans (nil when Start
// failed) and every error: Start's, Check's, each board's Result.Err and
// Close's.
func Sync(ctx context.Context, targets []Target, desired []posting.Posting, opts RunOptions, apply ApplyOptions) ([]Plan, error) {
	opts.Write = true
	r, err := Start(ctx, targets, desired, opts)
	if err != nil {
		return nil, err
	}
	results, err := r.Apply(ctx, apply)
	errs := []error{err}
	for _, res := range results {
		errs = append(errs, res.Err())
	}
	return r.Plans(), errors.Join(append(errs, r.Close())...)
}

// Targets turns boards into targets at their own concurrency.
func Targets(boards ...Board) []Target {
	ts := make([]Target, len(boards))
	for i, b := range boards {
		ts[i] = Target{Board: b}
	}
	return ts
}
