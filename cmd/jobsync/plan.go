package main

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/jobsync/jobsync/ats"
)

func (a *app) planCommand() *cobra.Command {
	var f planFlags
	var format string
	var detailed bool
	var files planFiles
	cmd := &cobra.Command{
		Use:   "plan [--config F] [--board NAME]... [--format text|json|markdown] [--detailed-exitcode] [--allow-mass-close] [--overwrite-drift]",
		Short: "Show what a sync would create, update and close; write nothing",
		Long: `plan compares the postings the config yields with what each board holds and
prints the plan: create, update (with a diff), close, unchanged, drift (a
posting edited outside jobsync) and the count of postings jobsync does not
manage. It never writes to a board.

--format markdown prints a merge-request comment: a summary table, what sync
would refuse, each new posting's facts and first lines, and each change once
with the postings it applies to, under GitHub's 65,536 characters (cut with a
note past it); on an error it is a short report of the error. --markdown FILE
and --json FILE write those formats too, from the same read of each board.

--out FILE saves the plan (the postings as reviewed, what each board held,
digests of the config and pages; no secret) for "jobsync sync --plan FILE",
which applies exactly it, or refuses before any write if anything moved. The exit code is 1 when sync would refuse the
plan (mass close, a board prerequisite missing) or fail on it (drift), as
sync's is. With --detailed-exitcode it is 0 when there is nothing to do and 2
when changes are pending.`,
		Example: `  jobsync plan --config examples/jobsync.yaml
  jobsync plan --board greenhouse --format markdown > plan.md
  jobsync plan --format json | jq .summary
  jobsync plan --markdown plan.md --json plan.json   # text on stdout, one read of each board
  jobsync plan --out jobsync.plan && jobsync sync --plan jobsync.plan
  jobsync plan --detailed-exitcode || echo "changes pending"`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := checkFormat(format); err != nil {
				return err
			}
			run, in, err := a.startRun(cmd.Context(), f)
			if err != nil {
				// A bot posts what it is given: an error is a report, not
				// an empty comment.
				return errors.Join(err, a.writePlanFailure(format, files, err))
			}
			defer run.Close() // no lock was taken: nothing to release
			// One read of each board, every format from it.
			out := planOutputOf(run)
			if err := a.writePlanFiles(files, out); err != nil {
				return err
			}
			if files.saved != "" {
				if err := writeSavedPlan(files.saved, newSavedPlan(f, in, run)); err != nil {
					return err
				}
			}
			if err := a.printPlan(format, out); err != nil {
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
	fl.StringVar(&files.saved, "out", "", "save the plan to this file, for sync --plan FILE to apply exactly it")
	fl.StringVar(&files.markdown, "markdown", "", "also write the markdown plan (a merge-request comment) to this file")
	fl.StringVar(&files.json, "json", "", "also write the JSON plan to this file")
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

// planFiles are the files a plan writes beside its output.
type planFiles struct {
	markdown, json string
	saved          string // the saved plan, for sync --plan
}

// writePlanFiles writes each format asked for to its file, whole or not at
// all.
func (a *app) writePlanFiles(files planFiles, out planOutput) error {
	if files.markdown != "" {
		if err := writeFileAtomic(files.markdown, markdownPlan(out, commentLimit)); err != nil {
			return fmt.Errorf("--markdown: %w", err)
		}
	}
	if files.json != "" {
		var b strings.Builder
		if err := writeJSON(&b, planJSON(out)); err != nil {
			return err
		}
		if err := writeFileAtomic(files.json, b.String()); err != nil {
			return fmt.Errorf("--json: %w", err)
		}
	}
	return nil
}

// writePlanFailure reports a plan that could not be made in the formats a
// machine reads: a short markdown report, a JSON object with the error.
// Text output has nothing to add to the error on stderr.
func (a *app) writePlanFailure(format string, files planFiles, planErr error) error {
	md := markdownFailure(planErr)
	var js strings.Builder
	if err := writeJSON(&js, jsonFailure{FormatVersion: planFormatVersion, Error: planErr.Error()}); err != nil {
		return err
	}
	var errs []error
	switch format {
	case "markdown":
		_, err := io.WriteString(a.stdout, md)
		errs = append(errs, err)
	case "json":
		_, err := io.WriteString(a.stdout, js.String())
		errs = append(errs, err)
	}
	if files.markdown != "" {
		errs = append(errs, writeFileAtomic(files.markdown, md))
	}
	if files.json != "" {
		errs = append(errs, writeFileAtomic(files.json, js.String()))
	}
	return errors.Join(errs...)
}
