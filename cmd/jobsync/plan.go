package main

import (
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/jobsync/jobsync/ats"
)

func (a *app) planCommand() *cobra.Command {
	var f planFlags
	var format string
	var detailed bool
	cmd := &cobra.Command{
		Use:   "plan [--config F] [--board NAME]... [--format text|json|markdown] [--detailed-exitcode]",
		Short: "Show what a sync would create, update and close; write nothing",
		Long: `plan compares the postings the config yields with what each board holds and
prints the plan: create, update (with a diff), close, unchanged, drift (a
posting edited outside jobsync) and the count of postings jobsync does not
manage. It never writes to a board.

--format markdown prints a summary table and a collapsible diff per posting,
for a merge-request comment. With --detailed-exitcode the exit code is 0 when
there is nothing to do, 2 when changes are pending, 1 on error.`,
		Example: `  jobsync plan --config examples/jobsync.yaml
  jobsync plan --board greenhouse --format markdown > plan.md
  jobsync plan --format json | jq .summary
  jobsync plan --detailed-exitcode || echo "changes pending"`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := checkFormat(format); err != nil {
				return err
			}
			run, err := a.startRun(cmd.Context(), f)
			if err != nil {
				return err
			}
			defer run.Close() // no lock was taken: nothing to release
			if err := a.printPlan(format, run.Plans()); err != nil {
				return err
			}
			if err := run.Check(); errors.Is(err, ats.ErrMassClose) {
				a.log.Warn("sync would refuse this plan without --allow-mass-close", errField(err))
			}
			if detailed && anyChanges(run.Plans()) {
				return &exitCodeError{code: exitChanges}
			}
			return nil
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&f.config, "config", "", "config file (default $JOBSYNC_CONFIG or ./jobsync.yaml)")
	fl.StringSliceVar(&f.boards, "board", nil, "plan only this board (repeatable; default all)")
	fl.StringVar(&format, "format", "text", "output format: text, json or markdown")
	fl.BoolVar(&detailed, "detailed-exitcode", false, "exit 0 when there is nothing to do, 2 when changes are pending")
	return cmd
}

func checkFormat(format string) error {
	switch format {
	case "text", "json", "markdown":
		return nil
	}
	return fmt.Errorf("--format %q: want text, json or markdown", format)
}

func anyChanges(plans []ats.Plan) bool {
	for _, p := range plans {
		if p.HasChanges() {
			return true
		}
	}
	return false
}

func (a *app) printPlan(format string, plans []ats.Plan) error {
	switch format {
	case "json":
		return writeJSON(a.stdout, planJSON(plans))
	case "markdown":
		return writeMarkdownPlan(a.stdout, plans)
	default:
		return writeTextPlan(a.stdout, plans, a.colorOn(a.stdout))
	}
}
