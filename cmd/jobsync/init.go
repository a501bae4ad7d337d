package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/jobsync/jobsync/ats"
	"github.com/jobsync/jobsync/config"
	"github.com/jobsync/jobsync/posting"
	"github.com/jobsync/jobsync/source"
)

func (a *app) initCommand() *cobra.Command {
	var out, baseURL string
	var exclude []string
	cmd := &cobra.Command{
		Use:   "init PAGE|FOLDER|URL... [--out jobsync.yaml] [--base-url URL]",
		Short: "Write a commented starting config from handbook pages",
		Long: `init reads handbook pages and writes a starting config: the pages as
sources, a local board (a folder that is a careers site), every remote
board type commented out with the environment variables it reads, and one
opening per job family, with the family's levels and specialties listed
beside it to choose from. It checks nothing against a board and needs no
credentials; edit it, then check it with jobsync lint --config.

Without --out it prints the config; with --out it writes the file (never
over an existing one), and the sources' paths are relative to its folder.
Every key: docs/config.md.`,
		Example: `  jobsync init testdata/product-manager.md > jobsync.yaml
  jobsync init handbook/job-families/ --base-url https://handbook.example.com --out jobsync.yaml
  jobsync lint --config jobsync.yaml`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			pages, skipped := a.readJobPages(cmd.Context(), refsFor(args, baseURL), exclude)
			a.warnSkipped(skipped)
			fams, err := a.families(pages, false)
			if err != nil {
				return fmt.Errorf("init: %w", err)
			}
			if len(fams) == 0 {
				return errors.New("init: no job family page found")
			}
			dir := "."
			if out != "" {
				dir = filepath.Dir(out)
			}
			text := startingConfig(sourcesFor(args, fams, skipped), dir, baseURL, fams)
			if out == "" {
				_, err := io.WriteString(a.stdout, text)
				return err
			}
			f, err := os.OpenFile(out, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
			if err != nil {
				return fmt.Errorf("init: %w", err)
			}
			if _, err := f.WriteString(text); err != nil {
				f.Close()
				return fmt.Errorf("init: %w", err)
			}
			if err := f.Close(); err != nil {
				return fmt.Errorf("init: %w", err)
			}
			fmt.Fprintf(a.stdout, "wrote %s; check it with: jobsync lint --config %s\n", out, out)
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&out, "out", "", "write the config to this file (refused if it exists) instead of printing it")
	f.StringVar(&baseURL, "base-url", "", "the base URL that makes the pages' relative links absolute (base_url)")
	f.StringArrayVar(&exclude, "exclude", nil, "leave out a folder's pages whose name or path matches this glob (repeatable)")
	return cmd
}

// sourcesFor is what init lists as sources: each argument, except a folder
// holding pages that are no job family, which a sync would refuse: its
// families' pages are listed one by one instead (a family made of a
// folder of level pages by that folder).
func sourcesFor(args []string, fams []posting.Family, skipped []source.Loaded) []string {
	var out []string
	for _, arg := range args {
		fi, err := os.Stat(arg)
		if err != nil || !fi.IsDir() || !slices.ContainsFunc(skipped, func(pg source.Loaded) bool { return within(arg, pg.Path) }) {
			out = append(out, arg)
			continue
		}
		for _, f := range fams {
			if !within(arg, f.Source) {
				continue
			}
			src := f.Source
			if filepath.Base(src) == "_index.md" {
				src = filepath.Dir(src)
			}
			if !slices.Contains(out, src) {
				out = append(out, src)
			}
		}
	}
	return out
}

// within reports whether path is dir or below it.
func within(dir, path string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// startingConfig is the commented config init writes for fams, read from
// locs; paths are made relative to dir, the config's folder.
func startingConfig(locs []string, dir, baseURL string, fams []posting.Family) string {
	var b strings.Builder
	w := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	w("# yaml-language-server: $schema=https://raw.githubusercontent.com/jobsync/jobsync/main/docs/jobsync.schema.json\n")
	w("# A starting jobsync config, written by jobsync init. Every key: docs/config.md.\n")
	w("# Check it (offline, no credentials): jobsync lint --config FILE\n")
	w("# See what a sync would do:          jobsync plan --config FILE\n\n")
	w("company:\n  name: Example Inc.                 # the employer the postings name\n  url: https://example.com           # its home page: the careers site links it\n")
	w("  # apply_url: https://example.com/jobs/apply   # where the apply buttons go (or apply_email)\n\n")

	w("sources:\n")
	for _, loc := range locs {
		if isURLArg(loc) {
			w("  - url: %s\n", loc)
		} else {
			w("  - path: %s\n", relativeTo(dir, loc))
		}
		if baseURL != "" {
			w("    base_url: %s\n", baseURL)
		} else if !isURLArg(loc) {
			w("    # base_url: https://handbook.example.com   # makes the pages' relative links absolute; without it they become text\n")
		}
	}

	w("\nboards:\n  - name: local                      # a folder that is a careers site: open out/board/index.html\n    type: local\n    dir: out/board                     # relative to this file\n")
	for _, bt := range config.BoardTypes() {
		if bt.Name == "local" {
			continue
		}
		w("\n  # %s. Secrets and overrides from the environment only:\n", bt.Summary)
		for _, e := range bt.Env {
			secret := ""
			if e.Secret {
				secret = " (secret)"
			}
			w("  #   %s%s\n", ats.EnvVar(bt.Name, e.Suffix), secret)
		}
		w("  # - name: %s\n  #   type: %s\n", bt.Name, bt.Name)
		for _, k := range bt.Keys {
			note := k.Doc
			if k.Required {
				note = "required: " + note
			}
			if len(k.Enum) > 0 {
				note += " (one of " + strings.Join(k.Enum, ", ") + ")"
			}
			w("  #   %-28s # %s\n", k.Name+": "+sampleValue(k), note)
		}
	}

	w("\n# Each opening is one posting per board (or one per location): a family, a\n# level and a specialty, by title or key, or \"*\" for every one.\nopenings:\n")
	for _, f := range fams {
		w("  # %s, from %s\n", f.Title, relativeTo(dir, f.Source))
		if len(f.Levels) > 0 {
			w("  #   levels:\n")
			for _, l := range f.Levels {
				grade := ""
				if l.Grade != 0 {
					grade = fmt.Sprintf(", grade %v", l.Grade)
				}
				w("  #     %s (%s%s)\n", l.Title, l.Key, grade)
			}
		}
		if len(f.Specialties) > 0 {
			w("  #   specialties:\n")
			for _, s := range f.Specialties {
				w("  #     %s (%s)\n", s.Name, s.Key)
			}
		}
		w("  - family: %s\n", f.Key)
		if len(f.Levels) > 0 {
			w("    level: %s\n", strconv.Quote(f.Levels[(len(f.Levels)-1)/2].Title))
		}
		if len(f.Specialties) > 0 {
			w("    specialty: %s\n", strconv.Quote(f.Specialties[0].Name))
		}
		w("    locations: [\"Remote, US\"]         # where applicants may be: \"City, ST\", \"City, Country\", \"Remote, US\"\n")
		w("    employment_type: Full-time\n    workplace: remote\n")
		w("    pay: {min: 100000, max: 150000, currency: USD}   # an example range: put the real one; pay-transparency laws want one\n")
		w("    boards: [local]                    # add a remote board's name once it is set up\n")
	}
	return b.String()
}

// sampleValue is what init writes for a board option, commented out.
func sampleValue(k config.Key) string {
	switch {
	case k.Type == "boolean":
		return "false"
	case k.Type == "integer" || k.Type == "number":
		return "0"
	case k.Type == "strings":
		return "[]"
	}
	return `""`
}

// relativeTo is path as the config in dir names it: relative to dir when
// both are local, slash-separated.
func relativeTo(dir, path string) string {
	if isURLArg(path) {
		return path
	}
	absDir, err1 := filepath.Abs(dir)
	absPath, err2 := filepath.Abs(path)
	if err1 != nil || err2 != nil {
		return filepath.ToSlash(path)
	}
	rel, err := filepath.Rel(absDir, absPath)
	if err != nil {
		return filepath.ToSlash(absPath)
	}
	return filepath.ToSlash(rel)
}

func isURLArg(s string) bool {
	return strings.HasPrefix(s, "https://") || strings.HasPrefix(s, "http://")
}
