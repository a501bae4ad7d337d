package greenhouse

import (
	"fmt"
	"strconv"

	"github.com/jobsync/jobsync/ats"
	"github.com/jobsync/jobsync/ats/atshttp"
	"github.com/jobsync/jobsync/ats/greenhouse/greenhousesim"
)

func init() {
	ats.Register(ats.Kind{
		Name:      "greenhouse",
		Summary:   "Greenhouse Harvest v3",
		Options:   func() any { return new(Config) },
		Env:       func() any { return new(Env) },
		Open:      open,
		Simulator: simulator,
		Facts: ats.Facts{
			Create:    "a job copied from the template job, its post titled, filled and made live",
			Update:    "post title, content, locations; marker",
			Close:     "the marker (`state=closed`), then the post unpublished (`draft`); optionally the job's openings closed",
			Marker:    "private job custom field `jobsync_marker`, and `[jobsync:KEY n=NONCE]` in the internal job name so a create whose answer was lost is recognised",
			RateLimit: "`X-RateLimit-*` headers, 429 + `Retry-After`, honoured by all workers",
		},
	})
}

// Config is a Greenhouse board's keys in the config file.
type Config struct {
	TemplateJobID int64 `yaml:"template_job_id" doc:"the job new jobs are copied from (TEMPLATE_JOB_ID overrides it)"`
	CloseOpenings bool  `yaml:"close_openings" doc:"closing a posting also closes its job's openings"`
}

// Env is a Greenhouse board's environment: JOBSYNC_<BOARD>_CLIENT_SECRET
// and so on.
type Env struct {
	BaseURL       string     `split_words:"true"` // the API's base URL: a simulator's in tests
	TokenURL      string     `split_words:"true"` // the OAuth token URL
	ClientID      string     `split_words:"true"`
	ClientSecret  ats.Secret `split_words:"true"`
	UserID        string     `split_words:"true"` // the Greenhouse user jobsync acts as
	TemplateJobID string     `split_words:"true"` // overrides the config's template_job_id
}

func open(a ats.OpenArgs) (ats.Board, error) {
	c, err := ats.Decoded[Config](a.Options)
	if err != nil {
		return nil, fmt.Errorf("options: %w", err)
	}
	e, err := ats.Decoded[Env](a.Env)
	if err != nil {
		return nil, fmt.Errorf("environment: %w", err)
	}
	userID, err := optionalInt(e.UserID, ats.EnvVar(a.Name, "USER_ID"))
	if err != nil {
		return nil, err
	}
	template := c.TemplateJobID
	if e.TemplateJobID != "" {
		if template, err = optionalInt(e.TemplateJobID, ats.EnvVar(a.Name, "TEMPLATE_JOB_ID")); err != nil {
			return nil, err
		}
	}
	return New(Options{
		Name: a.Name, BaseURL: e.BaseURL, TokenURL: e.TokenURL,
		ClientID: e.ClientID, ClientSecret: e.ClientSecret, UserID: userID,
		TemplateJobID: template, CloseOpenings: c.CloseOpenings, Logger: a.Logger,
		HTTP: atshttp.Options{MaxWait: a.MaxWait},
	})
}

// optionalInt parses the variable name's value s, "" as 0.
func optionalInt(s, name string) (int64, error) {
	if s == "" {
		return 0, nil
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return 0, fmt.Errorf("%s: want a number, got %q", name, s)
	}
	return n, nil
}

func simulator(o ats.SimOptions) (ats.Simulator, error) {
	return greenhousesim.New(greenhousesim.Options{RateLimit: o.RateLimit, Window: o.Window,
		Faults: o.Faults, Latency: o.Latency, Seed: o.Seed}), nil
}
