package main

import (
	"context"
	"fmt"

	"go.uber.org/zap"

	"github.com/jobsync/jobsync/ats"
	"github.com/jobsync/jobsync/config"
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
}

// startRun loads the config and the pages, composes the postings and starts
// the sync loop on every selected board: locked if f.write, listed and
// planned. Nothing is written. The caller closes the run.
func (a *app) startRun(ctx context.Context, f planFlags) (*ats.Run, error) {
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
