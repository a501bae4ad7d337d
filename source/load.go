package source

import (
	"context"
	"errors"
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

// Load reads the pages at loc and parses every one. It returns the families
// that parsed and, joined, the errors of all that did not, so that a caller
// can refuse to publish when any page fails.
func Load(ctx context.Context, loc string, opts LoadOptions) ([]posting.Family, error) {
	pages, err := Read(ctx, loc, opts.Read)
	if err != nil {
		return nil, err
	}
	fams := make([]posting.Family, 0, len(pages))
	var errs []error
	for _, pg := range pages {
		base := opts.BaseURL
		if base == "" && isURL(pg.Path) {
			if u, err := url.Parse(pg.Path); err == nil {
				base = u.Scheme + "://" + u.Host
			}
		}
		f, err := Parse(pg.Path, pg.Data, Options{BaseURL: base})
		if err != nil {
			errs = append(errs, err)
			continue
		}
		fams = append(fams, f)
	}
	return fams, errors.Join(errs...)
}
