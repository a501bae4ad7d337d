package local

import (
	"fmt"
	"net/mail"
	"net/url"

	"github.com/jobsync/jobsync/ats"
)

func init() {
	ats.Register(ats.Kind{
		Name:    "local",
		Summary: "a folder of JSON records and HTML pages, no credentials",
		Options: func() any { return new(Config) },
		Open:    open,
		Preview: true, // a folder is where a preview of every level × specialty goes
		Facts: ats.Facts{
			Create:    "a JSON record and an HTML page (with JSON-LD)",
			Update:    "rewritten in place (atomic)",
			Close:     "marked closed, files kept, page `noindex`, dropped from `index.html` and the feeds",
			Marker:    "`marker` field of the record",
			RateLimit: "none; a lock per folder",
		},
	})
}

// Config is a local board's keys in the config file.
type Config struct {
	Dir ats.Path `yaml:"dir" required:"true" doc:"the folder the board is kept in"`
	// SiteURL is where the folder is served; with it the board writes
	// sitemap.xml and indeed.xml (see WithSite).
	SiteURL string `yaml:"site_url" doc:"the absolute http(s) URL the folder is served at: canonical links, sitemap.xml and the Indeed feed"`
	// FeedEmail is the contact the Indeed feed gives, which Indeed
	// verifies a feed with.
	FeedEmail string `yaml:"feed_email" doc:"the contact e-mail the Indeed feed gives"`
	// PerLocation is read when postings are composed, not by the board:
	// openings with several locations are published once per location on
	// this board unless they say otherwise (posting.ComposeOptions).
	PerLocation bool `yaml:"one_posting_per_location" doc:"publish openings once per location unless an opening says otherwise"`
}

func open(a ats.OpenArgs) (ats.Board, error) {
	c, err := ats.Decoded[Config](a.Options)
	if err != nil {
		return nil, fmt.Errorf("options: %w", err)
	}
	return New(a.Name, string(c.Dir), WithLogger(a.Logger), WithSite(c.SiteURL, c.FeedEmail))
}

// OnePostingPerLocation reports the board's default for openings with
// several locations; the CLI reads it when it composes the postings.
func (c *Config) OnePostingPerLocation() bool { return c.PerLocation }

// Check reports a site URL that is not an absolute http(s) URL and a feed
// e-mail that is not a bare address.
func (c *Config) Check() []ats.OptionError {
	var errs []ats.OptionError
	if u, err := url.Parse(c.SiteURL); c.SiteURL != "" && (err != nil || u.Host == "" || u.Scheme != "https" && u.Scheme != "http") {
		errs = append(errs, ats.OptionError{Key: "site_url", Message: fmt.Sprintf("%q: want the absolute http(s) URL the folder is served at", c.SiteURL)})
	}
	if a, err := mail.ParseAddress(c.FeedEmail); c.FeedEmail != "" && (err != nil || a.Address != c.FeedEmail) {
		errs = append(errs, ats.OptionError{Key: "feed_email", Message: fmt.Sprintf("%q: want a bare e-mail address", c.FeedEmail)})
	}
	return errs
}
