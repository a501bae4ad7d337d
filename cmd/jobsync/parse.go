package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/jobsync/jobsync/posting"
)

func (a *app) parseCommand() *cobra.Command {
	var format, baseURL string
	cmd := &cobra.Command{
		Use:   "parse [--format text|json] PAGE...",
		Short: "Show the job family (or families) a handbook page parses into",
		Long: `parse reads handbook pages (a file, a folder of *.md files, or an https URL)
and prints each job family: its levels with their grade or level code (IC4,
L3, Level 2) and expectations, its specialties, its base requirements, and a
warning with a line number for anything odd.`,
		Example: `  jobsync parse testdata/product-manager.md
  jobsync parse --format json handbook/job-families/ > families.json
  jobsync parse https://handbook.gitlab.com/job-families/product/product-manager/index.md`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if format != "text" && format != "json" {
				return fmt.Errorf("--format %q: want text or json", format)
			}
			fams, err := a.loadFamilies(cmd.Context(), refsFor(args, baseURL))
			if err != nil {
				return err
			}
			if format == "json" {
				return writeJSON(a.stdout, oneOrMany(fams))
			}
			for i, f := range fams {
				if i > 0 {
					fmt.Fprintln(a.stdout)
				}
				printFamily(a.stdout, f)
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&format, "format", "text", "output format: text or json")
	cmd.Flags().StringVar(&baseURL, "base-url", "", "base URL that makes the pages' relative links absolute")
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

// oneOrMany prints one family as an object and several as an array, as the
// JSON contract says.
func oneOrMany(fams []posting.Family) any {
	if len(fams) == 1 {
		return fams[0]
	}
	return fams
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

func printFamily(w io.Writer, f posting.Family) {
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
