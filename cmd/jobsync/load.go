package main

import (
	"context"
	"errors"
	"fmt"
	"net/http"

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
		out = append(out, source.Load(ctx, ref.loc, source.LoadOptions{Read: read, BaseURL: ref.baseURL})...)
	}
	return out
}

// loadFamilies reads and parses every page; any page that fails is an error
// that names it, and then nothing may be published.
func (a *app) loadFamilies(ctx context.Context, refs []pageRef) ([]posting.Family, error) {
	pages := a.readPages(ctx, refs)
	var fams []posting.Family
	var errs []error
	for _, pg := range pages {
		if pg.Err != nil {
			errs = append(errs, pg.Err)
			continue
		}
		for _, w := range pg.Family.Warnings {
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
	return config.Load(path)
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
