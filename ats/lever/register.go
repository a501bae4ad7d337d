package lever

import (
	"errors"
	"fmt"

	"github.com/jobsync/jobsync/ats"
	"github.com/jobsync/jobsync/ats/atshttp"
	"github.com/jobsync/jobsync/ats/lever/leversim"
)

func init() {
	ats.Register(ats.Kind{
		Name:      "lever",
		Summary:   "Lever API v1",
		Options:   func() any { return new(Config) },
		Env:       func() any { return new(Env) },
		Open:      open,
		Simulator: simulator,

		Facts: ats.Facts{
			Create:    "`POST /postings`, then the marker bound to the new id (`POST /postings/{id}`, tags alone)",
			Update:    "`POST /postings/{id}`, state `published` sent every time",
			Close:     "state `closed` and the marker's `state=closed`, one request (reopened by the next update)",
			Marker:    "tags `jobsync:KEY` and the marker line",
			RateLimit: "10 requests/s, bursts of 20, paced client-side; bare 429s backed off with jitter",
		},
	})
}

// Config is a Lever board's keys in the config file.
type Config struct {
	DistributionChannels []string `yaml:"distribution_channels" enum:"public,internal" doc:"the job sites a published posting appears on; default both"`
}

// Env is a Lever board's environment: JOBSYNC_<BOARD>_API_KEY and so on.
type Env struct {
	BaseURL   string     `split_words:"true"` // the API's base URL: a simulator's in tests
	APIKey    ats.Secret `split_words:"true"`
	PerformAs string     `split_words:"true"` // the Lever user id every write is made as
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
	// Lever sends no rate-limit headers: the board paces its own client.
	return New(Options{
		Name: a.Name, BaseURL: e.BaseURL, APIKey: e.APIKey, PerformAs: e.PerformAs,
		DistributionChannels: c.DistributionChannels, Logger: a.Logger,
		HTTP: atshttp.Options{MaxWait: a.MaxWait},
	})
}

func simulator(o ats.SimOptions) (ats.Simulator, error) {
	if o.Window != 0 {
		return nil, errors.New("no rate-limit window: Lever's limit is a token bucket, and a rate limit is its refill per second")
	}
	return leversim.New(leversim.Options{Rate: float64(o.RateLimit), Faults: o.Faults, Latency: o.Latency, Seed: o.Seed}), nil
}
