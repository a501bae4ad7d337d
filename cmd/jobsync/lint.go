package main

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/jobsync/jobsync/config"
	"github.com/jobsync/jobsync/source"
)

func (a *app) lintCommand() *cobra.Command {
	var strict bool
	var configPath string
	var exclude []string
	cmd := &cobra.Command{
		Use:   "lint [--config F] [PAGE...]",
		Short: "Check handbook pages and a config's openings: warnings and errors with file:line",
		Long: `lint parses handbook pages and prints every problem as "file:line: level: message".
For a page it cannot read fully it says which sections it could not place,
at their line, and what shape it expected there, then counts them.
With --config it also checks the config's pages and its openings against the
pay-transparency rules: an opening published in (or open to remote
applicants from) a place whose law wants a pay range in job postings, and
that has none, is an error (a warning with pay_transparency: warn).
A page in a folder that is no job family (a README.md, an index) is a
warning, not an error (--exclude leaves it out); a page named on its own, or
a config's page, must be a job family.
It exits 1 when there is any error, and with --strict also when there are
only warnings.`,
		Example: `  jobsync lint testdata/product-manager.md
  jobsync lint --config examples/openings.yaml
  jobsync lint --strict handbook/job-families/`,
		RunE: func(cmd *cobra.Command, args []string) error {
			var nerr, nwarn int
			var cfg *config.Config
			var refs []pageRef
			if configPath != "" {
				var err error
				if cfg, err = a.loadConfig(configPath); err != nil {
					return err
				}
				refs = configRefs(cfg)
				for _, p := range payProblems(cfg, time.Now()) {
					level := "warning"
					if p.blocking {
						level = "error"
						nerr++
					} else {
						nwarn++
					}
					fmt.Fprintf(a.stdout, "%s: %s: %s\n", p.at, level, p.message)
				}
			} else if len(args) == 0 {
				return errors.New("lint: name pages or a --config")
			}
			// The config's pages are read as sync reads them; pages named
			// here as parse reads them.
			results := a.readPages(cmd.Context(), refs)
			named, skipped := a.readJobPages(cmd.Context(), refsFor(args, ""), exclude)
			results = append(results, named...)
			for _, pg := range skipped {
				nwarn++
				fmt.Fprintf(a.stdout, "%s: warning: not a job family page; skipped (--exclude it to silence this): %s\n", pg.Path, skipReason(pg.Err))
			}
			if cfg != nil {
				n, w := a.lintStructured(cmd, cfg)
				nerr, nwarn = nerr+n, nwarn+w
			}
			for _, r := range results {
				if r.Err != nil {
					nerr++
					var pe *source.ParseError
					if errors.As(r.Err, &pe) {
						fmt.Fprintf(a.stdout, "%s: error: %v\n", fileLine(pe.Path, pe.Line), pe.Err)
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
					fmt.Fprintf(a.stdout, "%s: warning: %s\n", fileLine(file, w.Line), w.Message)
					if strings.HasSuffix(w.Message, "; skipped") {
						skipped++
					}
				}
				if skipped > 0 {
					fmt.Fprintf(a.stdout, "%s: read partly: %d %s not placed (see the warnings above for the line and the shape expected)\n",
						r.Path, skipped, plural(skipped, "section", "sections"))
				}
			}
			fmt.Fprintf(a.stdout, "%d pages, %d errors, %d warnings\n", len(results)+len(skipped), nerr, nwarn)
			if nerr > 0 || (strict && nwarn > 0) {
				return &exitCodeError{code: exitError}
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&strict, "strict", false, "exit 1 on warnings too")
	cmd.Flags().StringVar(&configPath, "config", "", "also check this config's pages and openings")
	cmd.Flags().StringArrayVar(&exclude, "exclude", nil, "leave out a folder's pages whose name or path matches this glob (repeatable)")
	return cmd
}

// fileLine is "file:line", or the file alone for a problem of the whole
// file (line 0): never "README.md:0".
func fileLine(file string, line int) string {
	if line <= 0 {
		return file
	}
	return fmt.Sprintf("%s:%d", file, line)
}

// plural picks the word for n.
func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// lintStructured prints the structured-data problems of the config's
// postings for local boards, as warnings: a page without structured data
// is still a page. It counts an opening that does not compose as an error.
func (a *app) lintStructured(cmd *cobra.Command, cfg *config.Config) (nerr, nwarn int) {
	postings, err := a.composeFromConfig(cmd.Context(), cfg)
	if err != nil {
		fmt.Fprintf(a.stdout, "%v\n", err)
		return 1, 0
	}
	for _, p := range structuredProblems(cfg, cfg.Boards, postings, time.Now()) {
		nwarn++
		fmt.Fprintf(a.stdout, "%s: warning: %s\n", p.at, p.message)
	}
	return 0, nwarn
}
