package teamtailor

import (
	"fmt"

	"github.com/jobsync/jobsync/ats"
	"github.com/jobsync/jobsync/ats/atshttp"
	"github.com/jobsync/jobsync/ats/teamtailor/teamtailorsim"
)

func init() {
	ats.Register(ats.Kind{
		Name:      "teamtailor",
		Summary:   "Teamtailor API (JSON:API, v1)",
		Options:   func() any { return new(Config) },
		Env:       func() any { return new(Env) },
		Open:      open,
		Simulator: simulator,

		Facts: ats.Facts{
			Create:    "`POST /v1/jobs` (open, with department, locations and the marker tag)",
			Update:    "`PATCH /v1/jobs/{id}`: title, body, department, locations, tags; reopened if archived or unlisted",
			Close:     "`PATCH /v1/jobs/{id}` status `archived` (or `unlisted`, `close_as`); reversible",
			Marker:    "a job tag (Admin key), set in the create itself; other tags kept",
			RateLimit: "no documented number: kept to the `X-Rate-Limit-*` headers' remaining and reset; 429s wait out Retry-After; optional `rate_limit` pace",
		},
	})
}

// Config is a Teamtailor board's keys in the config file.
type Config struct {
	Region     string `yaml:"region" enum:"eu,na" doc:"the account's host: eu (api.teamtailor.com, default) or na (api.na.teamtailor.com)"`
	APIVersion string `yaml:"api_version" doc:"the X-Api-Version sent, a date YYYYMMDD; default 20210218"`
	CloseAs    string `yaml:"close_as" enum:"archived,unlisted" doc:"the status a closed job gets: archived (default) or unlisted (still reachable by its link)"`
	RateLimit  int    `yaml:"rate_limit" doc:"requests per second to pace at, beside the rate-limit headers; default 0, none (Teamtailor documents no number)"`
}

// Env is a Teamtailor board's environment: JOBSYNC_<BOARD>_API_KEY,
// JOBSYNC_<BOARD>_USER_ID and JOBSYNC_<BOARD>_BASE_URL.
type Env struct {
	BaseURL string     `split_words:"true"` // the API's base URL, /v1 included: a simulator's in tests
	APIKey  ats.Secret `split_words:"true"` // an Admin key, sent as Authorization: Token token=…
	UserID  string     `split_words:"true"` // the recruiter of new jobs
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
	return New(Options{
		Name: a.Name, Region: c.Region, BaseURL: e.BaseURL, APIKey: e.APIKey, UserID: e.UserID,
		APIVersion: c.APIVersion, CloseAs: c.CloseAs, RateLimit: c.RateLimit, Logger: a.Logger,
		HTTP: atshttp.Options{MaxWait: a.MaxWait},
	})
}

// simulator serves Teamtailor with its own fixed window (the real number is
// unknown): RateLimit requests per Window, default 50 per 10 seconds.
func simulator(o ats.SimOptions) (ats.Simulator, error) {
	return teamtailorsim.New(teamtailorsim.Options{
		RateLimit: o.RateLimit, Window: o.Window, Faults: o.Faults, Latency: o.Latency, Seed: o.Seed,
	}), nil
}
