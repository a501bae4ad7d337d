package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/jobsync/jobsync/posting"
	"github.com/jobsync/jobsync/source"
)

func (a *app) parseCommand() *cobra.Command {
	var format, baseURL string
	var exclude []string
	cmd := &cobra.Command{
		Use:   "parse [--format text|json] PAGE...",
		Short: "Show the job family (or families) a handbook page parses into",
		Long: `parse reads handbook pages (a file, a folder of *.md files, or an https URL)
and prints each job family: its levels with their grade or level code (IC4,
L3, Level 2) and expectations, its specialties, its base requirements, and a
warning with a line number for anything odd (in the output, not also in
the log).

In a folder, a page that is no job family (a README.md, an index) is
skipped with a warning and the other pages still print; --exclude leaves
pages out by name or path below the folder (a glob, repeatable).

--format json prints an array of families, one per page, whether one page
or many was read.`,
		Example: `  jobsync parse testdata/product-manager.md
  jobsync parse --format json handbook/job-families/ > families.json
  jobsync parse https://handbook.gitlab.com/job-families/product/product-manager/index.md`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if format != "text" && format != "json" {
				return fmt.Errorf("--format %q: want text or json", format)
			}
			pages, skipped := a.readJobPages(cmd.Context(), refsFor(args, baseURL), exclude)
			a.warnSkipped(skipped)
			var good []source.Loaded
			var errs []error
			for _, pg := range pages {
				if pg.Err != nil {
					errs = append(errs, pg.Err)
				} else {
					good = append(good, pg)
				}
			}
			// The warnings are in the output: logging them too would show
			// each twice on a terminal.
			fams, _ := a.families(good, false)
			if format == "json" {
				if fams == nil {
					fams = []posting.Family{}
				}
				if err := writeJSON(a.stdout, fams); err != nil {
					return err
				}
			} else {
				for i, f := range fams {
					if i > 0 {
						fmt.Fprintln(a.stdout)
					}
					printFamily(a.stdout, f)
				}
			}
			if len(errs) > 0 {
				return fmt.Errorf("%d of %d pages failed:\n%w", len(errs), len(pages), errors.Join(errs...))
			}
			if len(fams) == 0 {
				return errors.New("parse: no job family page found")
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&format, "format", "text", "output format: text or json")
	cmd.Flags().StringVar(&baseURL, "base-url", "", "base URL that makes the pages' relative links absolute")
	cmd.Flags().StringArrayVar(&exclude, "exclude", nil, "leave out a folder's pages whose name or path matches this glob (repeatable)")
	return cmd
}

// refsFor turns command-line pages into page references.
func refsFor(args []string, baseURL string) []pageRef {
	refs := make([]pageRef, len(args))
	for i, a := range args {
		refs[i] = pageRef{loc: a, baseURL: baseURL}
	}
	return refs
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// printFamily prints a family for a person, its text terminal-safe.
func printFamily(out io.Writer, f posting.Family) {
	var w strings.Builder
	writeFamily(&w, f)
	_, _ = io.WriteString(out, termSafe(w.String()))
}

func writeFamily(w *strings.Builder, f posting.Family) {
	fmt.Fprintf(w, "%s (%s)\n  source: %s\n", f.Title, f.Key, f.Source)
	fmt.Fprintf(w, "  base requirements: %d\n", len(f.BaseRequirements))
	fmt.Fprintf(w, "  levels: %d\n", len(f.Levels))
	for _, l := range f.Levels {
		heading := ""
		if l.Heading != l.Title {
			heading = fmt.Sprintf("  (heading %q)", l.Heading)
		}
		mark := "grade " + fmt.Sprintf("%-4s", l.Grade)
		switch {
		case l.Grade == 0 && l.Code != "":
			mark = fmt.Sprintf("level %-4s", l.Code)
		case l.Grade == 0:
			mark = "no grade  "
		case l.Code != "":
			heading += " " + l.Code
		}
		exp := ""
		if len(l.Expectations) > 0 {
			exp = fmt.Sprintf(", %d expectations", len(l.Expectations))
		}
		fmt.Fprintf(w, "    %s %s%s: %d requirements%s\n", mark, l.Title, heading, len(l.Requirements), exp)
	}
	fmt.Fprintf(w, "  specialties: %d\n", len(f.Specialties))
	for _, s := range f.Specialties {
		resp := ""
		if len(s.Responsibilities) > 0 {
			resp = fmt.Sprintf(", %d responsibilities", len(s.Responsibilities))
		}
		fmt.Fprintf(w, "    %s: %d requirements%s\n", s.Name, len(s.Requirements), resp)
	}
	if len(f.Warnings) > 0 {
		fmt.Fprintf(w, "  warnings: %d\n", len(f.Warnings))
		for _, wr := range f.Warnings {
			fmt.Fprintf(w, "    %s:%d: %s\n", f.Source, wr.Line, strings.TrimSpace(wr.Message))
		}
	}
}
