package main

import (
	"context"
	"errors"
	"fmt"

	"go.uber.org/zap"

	"github.com/jobsync/jobsync/ats"
	"github.com/jobsync/jobsync/config"
	"github.com/jobsync/jobsync/posting"
)

// planFlags are the flags plan and sync share.
type planFlags struct {
	config         string
	boards         []string
	overwriteDrift bool
	allowMassClose bool
	// write says the plan will be applied: only then are the boards locked.
	// A lock is itself a write (the local board tidies its index on unlock),
	// and plan and sync --dry-run write nothing.
	write bool
	// saved, for sync --plan, is the plan to apply: the run refuses before
	// any write when the config, the pages or the boards moved since.
	saved *savedPlan
}

// runInputs are what a run was made from, for a saved plan.
type runInputs struct {
	configPath, configDigest string
	postings                 []posting.Posting
}

// startRun loads the config and the pages, composes the postings and starts
// the sync loop on every selected board: locked if f.write, listed and
// planned. Nothing is written. The caller closes the run.
func (a *app) startRun(ctx context.Context, f planFlags) (*ats.Run, runInputs, error) {
	var in runInputs
	run, err := a.startRunInputs(ctx, f, &in)
	return run, in, err
}

func (a *app) startRunInputs(ctx context.Context, f planFlags, in *runInputs) (*ats.Run, error) {
	cfg, err := a.loadConfig(f.config)
	if err != nil {
		return nil, err
	}
	in.configPath = cfg.Path
	if in.configDigest, err = fileDigest(cfg.Path); err != nil {
		return nil, err
	}
	selected, err := selectBoards(cfg, f.boards)
	if err != nil {
		return nil, err
	}
	if cfg.Preview() {
		for _, b := range selected {
			if kind, _ := ats.LookupKind(b.Type); !kind.Preview {
				return nil, fmt.Errorf("%s has no openings, so it previews every level × specialty, and only local boards may take that; add openings or name a local board with --board (board %s is %s)", cfg.Path, b.Name, b.Type)
			}
		}
	}
	// Before any page is read or board is locked: a refused opening must
	// not cost a write, not even the lock's.
	if err := a.checkPay(cfg); err != nil {
		return nil, err
	}
	postings, err := a.composeFromConfig(ctx, cfg)
	if err != nil {
		return nil, err
	}
	if f.saved != nil {
		// Before any board is read or locked.
		if err := f.saved.checkInputs(in.configDigest, postings); err != nil {
			return nil, err
		}
		postings = f.saved.Desired // what was reviewed, exactly
	}
	in.postings = postings
	a.logStructured(cfg, selected, postings)
	targets := make([]ats.Target, len(selected))
	for i, b := range selected {
		board, err := a.boardFor(b)
		if err != nil {
			return nil, err
		}
		targets[i] = ats.Target{Board: board, Concurrency: b.Concurrency}
	}
	run, err := ats.Start(ctx, targets, postings, ats.RunOptions{
		Write:          f.write,
		OverwriteDrift: f.overwriteDrift,
		Guards:         guards(cfg, f.allowMassClose),
		Owner:          cfg.OwnerID(),
		DefaultOwner:   cfg.DefaultOwner(),
	})
	if err != nil {
		return nil, err
	}
	if f.saved != nil {
		if err := f.saved.checkBoards(run); err != nil {
			return nil, errors.Join(err, run.Close())
		}
	}
	for _, p := range run.Plans() {
		for _, w := range p.Warnings {
			a.log.Warn(w, zap.String("board", p.Board))
		}
	}
	return run, nil
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

// guards are the config's guards, lifted by --allow-mass-close.
func guards(cfg *config.Config, allowMassClose bool) ats.Guards {
	g := cfg.Guards
	g.AllowMassClose = allowMassClose
	return g
}
