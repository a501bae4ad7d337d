package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"

	"go.uber.org/zap"

	"github.com/jobsync/jobsync/config"
	"github.com/jobsync/jobsync/posting"
	"github.com/jobsync/jobsync/source"
)

// pageRef is one place to read handbook pages from, with the base URL that
// makes their relative links absolute.
type pageRef struct {
	loc     string
	baseURL string
}

// readPages reads and parses every page under refs (source.Load). It never
// stops at the first bad page, so lint can report them all; loadFamilies
// turns any failure into an error.
func (a *app) readPages(ctx context.Context, refs []pageRef) []source.Loaded {
	read := source.ReadOptions{CacheDir: a.settings.CacheDir, Client: a.pageClient()}
	var out []source.Loaded
	for _, ref := range refs {
		for _, pg := range source.Load(ctx, ref.loc, source.LoadOptions{Read: read, BaseURL: ref.baseURL}) {
			if errors.Is(pg.Err, fs.ErrNotExist) {
				// Said once, with the path first: not "x.md: stat x.md: no
				// such file or directory".
				pg.Err = &source.ParseError{Path: pg.Path, Err: noSuchPage{}}
			}
			out = append(out, pg)
		}
	}
	return out
}

// noSuchPage is a page or folder that is not there; its path, which
// ParseError puts first, is absolute for a config's source.
type noSuchPage struct{}

func (noSuchPage) Error() string        { return "no such file or folder" }
func (noSuchPage) Is(target error) bool { return target == fs.ErrNotExist }

// loadFamilies reads and parses every page; any page that fails is an error
// that names it, and then nothing may be published. It logs the pages'
// warnings.
func (a *app) loadFamilies(ctx context.Context, refs []pageRef) ([]posting.Family, error) {
	return a.families(a.readPages(ctx, refs), true)
}

// families are the families of pages; any page that failed is an error that
// names it. logWarnings logs the families' warnings, for a command whose
// output does not show them.
func (a *app) families(pages []source.Loaded, logWarnings bool) ([]posting.Family, error) {
	var fams []posting.Family
	var errs []error
	for _, pg := range pages {
		if pg.Err != nil {
			errs = append(errs, pg.Err)
			continue
		}
		for _, w := range pg.Family.Warnings {
			if !logWarnings {
				break
			}
			file := pg.Path
			if w.File != "" { // a level page of a folder read as one family
				file = w.File
			}
			a.log.Warn(w.Message, zapLocation(file, w.Line))
		}
		fams = append(fams, pg.Family)
	}
	if len(errs) > 0 {
		return nil, fmt.Errorf("%d of %d pages failed, nothing is published:\n%w", len(errs), len(pages), errors.Join(errs...))
	}
	return fams, nil
}

// readJobPages reads refs for parse, lint and compose. From a folder it
// leaves out the pages whose path or name an exclude pattern matches
// (filepath.Match), and sets aside the pages that hold no job family (a
// README.md, an index) as skipped, so that the other pages still print:
// a folder may hold other pages, but a page named on its own must be a job
// family.
func (a *app) readJobPages(ctx context.Context, refs []pageRef, exclude []string) (pages, skipped []source.Loaded) {
	for _, ref := range refs {
		inFolder := false
		if fi, err := os.Stat(ref.loc); err == nil && fi.IsDir() {
			inFolder = true
		}
		for _, pg := range a.readPages(ctx, []pageRef{ref}) {
			switch {
			case inFolder && excluded(ref.loc, pg.Path, exclude):
			case inFolder && (errors.Is(pg.Err, source.ErrNoPosting) || errors.Is(pg.Err, source.ErrEmptyPage)):
				skipped = append(skipped, pg)
			default:
				pages = append(pages, pg)
			}
		}
	}
	return pages, skipped
}

// excluded reports whether a pattern matches the page's path below dir or
// its file name.
func excluded(dir, path string, patterns []string) bool {
	rel, err := filepath.Rel(dir, path)
	if err != nil {
		rel = path
	}
	for _, p := range patterns {
		if m, _ := filepath.Match(p, rel); m {
			return true
		}
		if m, _ := filepath.Match(p, filepath.Base(path)); m {
			return true
		}
	}
	return false
}

// warnSkipped logs each page readJobPages set aside, once.
func (a *app) warnSkipped(skipped []source.Loaded) {
	for _, pg := range skipped {
		a.log.Warn("not a job family page; skipped (--exclude it to silence this)", zapLocation(pg.Path, 0), zap.String("why", skipReason(pg.Err)))
	}
}

// skipReason is why a page holds no job family, without its path.
func skipReason(err error) string {
	var pe *source.ParseError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// configRefs lists the config's sources as page references.
func configRefs(cfg *config.Config) []pageRef {
	refs := make([]pageRef, 0, len(cfg.Sources))
	for _, s := range cfg.Sources {
		loc := s.Path
		if s.URL != "" {
			loc = s.URL
		}
		refs = append(refs, pageRef{loc: loc, baseURL: s.BaseURL})
	}
	return refs
}

// pageClient is the HTTP client for reading pages over https: retried and
// bounded, like the boards'.
func (a *app) pageClient() *http.Client {
	return newHTTPClient(a.log.Named("source"))
}

// loadConfig reads the config from --config, else JOBSYNC_CONFIG, else
// ./jobsync.yaml.
func (a *app) loadConfig(path string) (*config.Config, error) {
	if path == "" {
		path = a.settings.ConfigPath()
	}
	cfg, err := config.Load(path)
	if errors.Is(err, config.ErrNoConfig) {
		return nil, fmt.Errorf("%w: name one with --config FILE or JOBSYNC_CONFIG, or start one with: jobsync init PAGE > %s", err, path)
	}
	return cfg, err
}

// composeFromConfig reads the config's pages and composes its openings.
func (a *app) composeFromConfig(ctx context.Context, cfg *config.Config) ([]posting.Posting, error) {
	fams, err := a.loadFamilies(ctx, configRefs(cfg))
	if err != nil {
		return nil, err
	}
	postings, err := posting.Compose(fams, cfg.Openings, composeOptions(cfg))
	if err != nil {
		return nil, cfg.Locate(err) // name the config line of each bad opening
	}
	return postings, nil
}

// composeOptions is what every posting of the config says about the company
// and how each board publishes openings with several locations.
func composeOptions(cfg *config.Config) posting.ComposeOptions {
	o := posting.ComposeOptions{
		Company: cfg.Company.Name, CompanyURL: cfg.Company.URL,
		ApplyURL: cfg.Company.ApplyURL, ApplyEmail: cfg.Company.ApplyEmail,
	}
	for _, b := range cfg.Boards {
		o.Boards = append(o.Boards, b.Name)
		// A board whose options say so publishes openings once per location.
		if pl, ok := b.Options.(interface{ OnePostingPerLocation() bool }); ok && pl.OnePostingPerLocation() {
			o.PerLocationBoards = append(o.PerLocationBoards, b.Name)
		}
	}
	return o
}
