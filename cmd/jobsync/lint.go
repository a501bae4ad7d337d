package main

import (
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/jobsync/jobsync/source"
)

func (a *app) lintCommand() *cobra.Command {
	var strict bool
	cmd := &cobra.Command{
		Use:   "lint PAGE...",
		Short: "Check handbook pages: warnings and errors with file:line",
		Long: `lint parses handbook pages and prints every problem as "file:line: level: message".
For a page it cannot read fully it says which sections it could not place,
at their line, and what shape it expected there, then counts them.
It exits 1 when any page has an error (a page that cannot be published), and
with --strict also when there are only warnings.`,
		Example: `  jobsync lint testdata/product-manager.md
  jobsync lint --strict handbook/job-families/`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			results := a.readPages(cmd.Context(), refsFor(args, ""))
			var nerr, nwarn int
			for _, r := range results {
				if r.Err != nil {
					nerr++
					var pe *source.ParseError
					if errors.As(r.Err, &pe) {
						fmt.Fprintf(a.stdout, "%s:%d: error: %v\n", pe.Path, pe.Line, pe.Err)
					} else {
						fmt.Fprintf(a.stdout, "%s: error: %v\n", r.Path, r.Err)
					}
					continue
				}
				skipped := 0
				for _, w := range r.Family.Warnings {
					nwarn++
					file := r.Path
					if w.File != "" {
						file = w.File
					}
					fmt.Fprintf(a.stdout, "%s:%d: warning: %s\n", file, w.Line, w.Message)
					if strings.HasSuffix(w.Message, "; skipped") {
						skipped++
					}
				}
				if skipped > 0 {
					fmt.Fprintf(a.stdout, "%s: read partly: %d %s not placed (see the warnings above for the line and the shape expected)\n",
						r.Path, skipped, plural(skipped, "section", "sections"))
				}
			}
			fmt.Fprintf(a.stdout, "%d pages, %d errors, %d warnings\n", len(results), nerr, nwarn)
			if nerr > 0 || (strict && nwarn > 0) {
				return &exitCodeError{code: exitError}
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&strict, "strict", false, "exit 1 on warnings too")
	return cmd
}

// plural picks the word for n.
func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
