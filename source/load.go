package source

import (
	"context"
	"net/url"

	"github.com/jobsync/jobsync/posting"
)

// LoadOptions configure Load.
type LoadOptions struct {
	Read ReadOptions
	// BaseURL is given to every family (see Options.BaseURL). For a page
	// read from a URL it defaults to that URL's scheme and host.
	BaseURL string
}

// Loaded is one page as Load found it: its family, or the error that
// stopped it.
type Loaded struct {
	// Path is the page's file path or URL (credentials removed); loc
	// itself when loc could not be read.
	Path   string
	Family posting.Family // when Err is nil
	// Err is a *ParseError, or why loc could not be read.
	Err error
}

// Load reads the pages at loc (see Read) and parses every one, a folder of
// level pages as one family (see ParsePages). It never
// stops at a bad page, so that a linter can report them all; a caller that
// publishes refuses when any has an Err. A loc that cannot be read at all is
// one Loaded with its error.
func Load(ctx context.Context, loc string, opts LoadOptions) []Loaded {
	pages, err := Read(ctx, loc, opts.Read)
	if err != nil {
		name := loc
		if isURL(loc) {
			name = redact(loc)
		}
		return []Loaded{{Path: name, Err: err}}
	}
	base := opts.BaseURL
	if base == "" && isURL(loc) && len(pages) > 0 {
		if u, err := url.Parse(pages[0].Path); err == nil {
			base = u.Scheme + "://" + u.Host
		}
	}
	return ParsePages(pages, Options{BaseURL: base})
}
