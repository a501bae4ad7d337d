package main

import (
	"context"
	"errors"
	"fmt"

	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"
	"go.uber.org/zap"

	"github.com/jobsync/jobsync/ats"
)

func (a *app) syncCommand() *cobra.Command {
	var f planFlags
	var dryRun bool
	var planFile string
	cmd := &cobra.Command{
		Use:   "sync [--config F] [--board NAME]... [--dry-run] [--allow-mass-close] [--overwrite-drift]",
		Short: "Bring the boards in line with the handbook: create, update, close",
		Long: `sync plans like "jobsync plan", prints the plan, then applies it: creates and
updates first, closes last, each board under its rate limit.

It stops before any write when a page fails to parse, when a board cannot be
listed, when a board lacks what its writes need (a template job, say), or
when a plan would close more than 25% (and more than 3) of a board's owned
postings, unless --allow-mass-close. --dry-run ends with the exit code the
sync would.

--plan FILE applies a plan saved by "jobsync plan --out FILE" with the plan's
own options, and refuses before any write, saying what moved, when the
config or the pages changed since, or when a posting the plan touches changed
on its board (closed, edited, rewritten). It never touches a posting it does
not own. A posting edited outside jobsync (drift) is reported and left alone
unless --overwrite-drift; drift makes the exit code 1. After any failed write
it closes nothing on that board. Ctrl-C stops between writes; the next sync
picks up where it left off.`,
		Example: `  jobsync sync --config examples/jobsync.yaml
  jobsync sync --dry-run --board greenhouse
  jobsync sync --plan jobsync.plan   # what the merge request reviewed, or nothing
  JOBSYNC_LOG_FORMAT=json jobsync sync --board lever --overwrite-drift`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			f.write = !dryRun
			if planFile != "" {
				if err := f.useSavedPlan(cmd, planFile); err != nil {
					return err
				}
			}
			run, _, err := a.startRun(cmd.Context(), f)
			if err != nil {
				return err
			}
			defer run.Close() // on the early returns; the last write is done
			if err := writeTextPlan(a.stdout, planOutputOf(run), a.colorOn(a.stdout)); err != nil {
				return err
			}
			// The one place a dry run is decided: the engine is never called.
			// It ends as the sync would, before its writes.
			if dryRun {
				fmt.Fprintln(a.stdout, "Dry run: nothing was written.")
				return verdict(run)
			}
			results, err := a.apply(cmd.Context(), run)
			if err != nil {
				return errors.Join(refused(err), run.Close())
			}
			return errors.Join(a.report(results), run.Close())
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&f.config, "config", "", "config file (default $JOBSYNC_CONFIG or ./jobsync.yaml)")
	fl.StringSliceVar(&f.boards, "board", nil, "sync only this board (repeatable; default all)")
	fl.StringVar(&planFile, "plan", "", "apply exactly this saved plan (jobsync plan --out FILE), or refuse if anything moved since")
	fl.BoolVar(&dryRun, "dry-run", false, "print the plan and write nothing")
	fl.BoolVar(&f.allowMassClose, "allow-mass-close", false, "allow a plan that closes more than 25% (and more than 3) of a board's postings")
	fl.BoolVar(&f.overwriteDrift, "overwrite-drift", false, "overwrite postings edited outside jobsync")
	return cmd
}

// apply runs the sync loop's writes, with a progress bar on a terminal and a
// log line per write elsewhere. Its error is the check that refused the
// plans before any write.
func (a *app) apply(ctx context.Context, run *ats.Run) ([]ats.Result, error) {
	writes := 0
	for _, pl := range run.Plans() {
		writes += len(pl.Writes())
	}
	var bar *progressbar.ProgressBar
	if isTerminal(a.stderr) && writes >= 10 {
		bar = progressbar.NewOptions(writes,
			progressbar.OptionSetWriter(a.stderr),
			progressbar.OptionSetDescription("syncing"),
			progressbar.OptionShowCount(),
			progressbar.OptionClearOnFinish(),
		)
	}
	// The engine logs each write; with a bar on screen only problems are logged.
	opts := ats.ApplyOptions{Logger: a.log}
	if bar != nil {
		opts.Logger = a.log.WithOptions(zap.IncreaseLevel(zap.WarnLevel))
		opts.OnResult = func(ats.ActionResult) { _ = bar.Add(1) } // the bar locks itself
	}
	// Boards in parallel, each at its configured concurrency (0: the board's own).
	results, err := run.Apply(ctx, opts)
	if bar != nil {
		_ = bar.Finish()
	}
	return results, err
}

// report prints what was done and turns failures, drift and interruptions
// into the exit code.
func (a *app) report(results []ats.Result) error {
	var errs []error
	for _, r := range results {
		done := map[ats.Op]int{}
		failed := 0
		for _, ar := range r.Results {
			if ar.Err != nil {
				failed++
				continue
			}
			done[ar.Action.Op]++
		}
		fmt.Fprintf(a.stdout, "Board %s: %d created, %d updated, %d closed, %d not done\n",
			r.Board, done[ats.OpCreate], done[ats.OpUpdate], done[ats.OpClose], failed)
		if err := r.Err(); err != nil {
			errs = append(errs, err)
		}
	}
	err := errors.Join(errs...)
	if errors.Is(err, context.Canceled) {
		err = fmt.Errorf("%w\nthe next sync picks up where this one stopped", err)
	}
	return leftAloneHint(err)
}

// useSavedPlan makes f the saved plan's: its config (unless --config names
// another), boards and options; flags that would change them are refused.
func (f *planFlags) useSavedPlan(cmd *cobra.Command, path string) error {
	sp, err := readSavedPlan(path)
	if err != nil {
		return err
	}
	for _, name := range []string{"board", "allow-mass-close", "overwrite-drift"} {
		if cmd.Flags().Changed(name) {
			return fmt.Errorf("--%s: --plan applies the saved plan's own choices; make a new plan with --%s instead", name, name)
		}
	}
	if f.config == "" {
		f.config = sp.Config
	}
	f.boards = sp.Options.Boards
	f.allowMassClose, f.overwriteDrift = sp.Options.AllowMassClose, sp.Options.OverwriteDrift
	f.saved = sp
	return nil
}
