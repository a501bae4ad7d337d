package main

import (
	"context"
	"errors"
	"fmt"
	"go.uber.org/zap"
	"slices"
	"sync"

	"github.com/jobsync/jobsync/ats"
	"github.com/jobsync/jobsync/config"
	"github.com/jobsync/jobsync/posting"
)

// planFlags are the flags plan and sync share.
type planFlags struct {
	config         string
	boards         []string
	overwriteDrift bool
	// write says the plan will be applied: only then are the boards locked.
	// A lock is itself a write (the local board tidies its index on unlock),
	// and plan and sync --dry-run write nothing.
	write bool
}

// planned is a computed plan, with the boards it was made against still
// locked until release is called.
type planned struct {
	cfg     *config.Config
	configs []config.Board // the boards' settings, index for index
	boards  []ats.Board
	plans   []ats.Plan
	release func()
}

// makePlan loads the config and the pages, composes the postings, locks and
// lists every selected board, and plans each. Nothing is written.
func (a *app) makePlan(ctx context.Context, f planFlags) (*planned, error) {
	cfg, err := a.loadConfig(f.config)
	if err != nil {
		return nil, err
	}
	selected, err := selectBoards(cfg, f.boards)
	if err != nil {
		return nil, err
	}
	if cfg.Preview() {
		for _, b := range selected {
			if b.Type != "local" {
				return nil, fmt.Errorf("%s has no openings, so it previews every level × specialty, and only local boards may take that; add openings or name a local board with --board (board %s is %s)", cfg.Path, b.Name, b.Type)
			}
		}
	}
	postings, err := a.composeFromConfig(ctx, cfg)
	if err != nil {
		return nil, err
	}
	boards := make([]ats.Board, len(selected))
	for i, b := range selected {
		if boards[i], err = a.boardFor(b); err != nil {
			return nil, err
		}
	}
	release := func() {}
	if f.write {
		if release, err = lockAll(ctx, boards); err != nil {
			return nil, err
		}
	}
	plans, err := listAndPlan(ctx, boards, postings, f.overwriteDrift)
	if err != nil {
		release()
		return nil, err
	}
	for _, p := range plans {
		for _, w := range p.Warnings {
			a.log.Warn(w, zap.String("board", p.Board))
		}
	}
	return &planned{cfg: cfg, configs: selected, boards: boards, plans: plans, release: release}, nil
}

// lockAll takes the lock of every board that has one, or none of them.
func lockAll(ctx context.Context, boards []ats.Board) (release func(), err error) {
	var unlocks []func() error
	release = func() {
		for _, u := range slices.Backward(unlocks) {
			_ = u()
		}
	}
	for _, b := range boards {
		unlock, err := ats.LockBoard(ctx, b)
		if err != nil {
			release()
			return nil, err
		}
		unlocks = append(unlocks, unlock)
	}
	return release, nil
}

// listAndPlan lists the boards in parallel and plans each against the
// postings meant for it.
func listAndPlan(ctx context.Context, boards []ats.Board, postings []posting.Posting, overwriteDrift bool) ([]ats.Plan, error) {
	plans := make([]ats.Plan, len(boards))
	errs := make([]error, len(boards))
	var wg sync.WaitGroup
	for i, b := range boards {
		wg.Go(func() {
			current, err := b.List(ctx)
			if err != nil {
				errs[i] = fmt.Errorf("board %s: %w", b.Name(), err)
				return
			}
			opts := ats.PlanOptions{OverwriteDrift: overwriteDrift}
			if l, ok := b.(ats.BodyLayout); ok {
				opts.Body = l.Body
			}
			// NewPlan keeps the postings meant for this board.
			plans[i] = ats.NewPlan(b.Name(), postings, current, opts)
		})
	}
	wg.Wait()
	return plans, errors.Join(errs...)
}

// total adds the plans' summaries up.
func total(plans []ats.Plan) ats.Summary {
	var t ats.Summary
	for _, p := range plans {
		s := p.Summary()
		t.Create += s.Create
		t.Update += s.Update
		t.Close += s.Close
		t.Unchanged += s.Unchanged
		t.Drift += s.Drift
		t.Unmanaged += s.Unmanaged
	}
	return t
}

// guards turns the config and flags into the engine's safety limits.
func guards(cfg *config.Config, allowMassClose bool) ats.Guards {
	g := ats.Guards{
		MaxClosePercent: cfg.Guards.MaxClosePercent,
		MaxCloseCount:   cfg.Guards.MaxCloseCount,
		AllowMassClose:  allowMassClose,
	}
	// config already applied the defaults; a 0 here was written on purpose,
	// and ats reads 0 as "default", a negative value as 0.
	if g.MaxClosePercent == 0 {
		g.MaxClosePercent = -1
	}
	if g.MaxCloseCount == 0 {
		g.MaxCloseCount = -1
	}
	return g
}
