package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/jobsync/jobsync/ats"
)

func (a *app) planCommand() *cobra.Command {
	var f planFlags
	var format string
	var detailed bool
	cmd := &cobra.Command{
		Use:   "plan [--config F] [--board NAME]... [--format text|json|markdown] [--detailed-exitcode] [--allow-mass-close] [--overwrite-drift]",
		Short: "Show what a sync would create, update and close; write nothing",
		Long: `plan compares the postings the config yields with what each board holds and
prints the plan: create, update (with a diff), close, unchanged, drift (a
posting edited outside jobsync) and the count of postings jobsync does not
manage. It never writes to a board.

--format markdown prints a summary table and a collapsible diff per posting,
for a merge-request comment. The exit code is 1 when sync would refuse the
plan (mass close, a board prerequisite missing) or fail on it (drift), as
sync's is. With --detailed-exitcode it is 0 when there is nothing to do and 2
when changes are pending.`,
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
			if err := a.printPlan(format, planOutputOf(run)); err != nil {
				return err
			}
			// What sync would refuse or fail on fails the plan too.
			if err := verdict(run); err != nil {
				return err
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
	// The plan of the sync it reviews: the same choices, the same verdict.
	fl.BoolVar(&f.allowMassClose, "allow-mass-close", false, "plan as sync --allow-mass-close would: a mass close is not refused")
	fl.BoolVar(&f.overwriteDrift, "overwrite-drift", false, "plan as sync --overwrite-drift would: drifted postings are updated")
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

// planOutput is what every plan format shows: the plans and the problems
// found before any write.
type planOutput struct {
	Plans    []ats.Plan
	Problems []ats.Problem
}

func planOutputOf(run *ats.Run) planOutput {
	return planOutput{Plans: run.Plans(), Problems: run.Problems()}
}

func (a *app) printPlan(format string, out planOutput) error {
	switch format {
	case "json":
		return writeJSON(a.stdout, planJSON(out))
	case "markdown":
		return writeMarkdownPlan(a.stdout, out)
	default:
		return writeTextPlan(a.stdout, out, a.colorOn(a.stdout))
	}
}
