package smartrecruiters

import (
	"fmt"

	"github.com/jobsync/jobsync/ats"
	"github.com/jobsync/jobsync/ats/atshttp"
	"github.com/jobsync/jobsync/ats/smartrecruiters/smartrecruiterssim"
)

func init() {
	ats.Register(ats.Kind{
		Name:      "smartrecruiters",
		Summary:   "SmartRecruiters Job API",
		Options:   func() any { return new(Config) },
		Env:       func() any { return new(Env) },
		Open:      open,
		Simulator: simulator,

		Facts: ats.Facts{
			Create:    "`POST /jobs`, then `POST /jobs/{id}/publication`, then `PATCH /jobs/{id}` the marker bound to the new id",
			Update:    "`PATCH /jobs/{id}` (JSON Patch): title, ad, level, location, pay, marker; republished if unpublished",
			Close:     "`PATCH /jobs/{id}` the marker (`state=closed`), then `DELETE /jobs/{id}/publication` (reversible); optionally a job status",
			Marker:    "a free-text job field (`marker_field`, default `jobsync`), set in the create itself",
			RateLimit: "10 requests/s, 2/s on publication calls, 8 at once: paced client-side below all three; bare 429s paused and retried",
		},
	})
}

// Config is a SmartRecruiters board's keys in the config file.
type Config struct {
	MarkerField          string `yaml:"marker_field" doc:"the job field (free text, by id or label) holding jobsync's marker; default jobsync"`
	Function             string `yaml:"function" required:"true" doc:"the function id of every new job (engineering, product_management, …)"`
	Industry             string `yaml:"industry" required:"true" doc:"the industry id of every new job (computer_software, internet, …)"`
	ExperienceLevel      string `yaml:"experience_level" enum:"internship,entry_level,associate,mid_senior_level,director,executive,not_applicable" doc:"the experience level of a job whose title names none; default mid_senior_level"`
	TypeOfEmployment     string `yaml:"type_of_employment" doc:"the type of employment id of every new job; default none"`
	CountryCode          string `yaml:"country_code" required:"true" doc:"the two-letter country code of every job's location"`
	RegionCode           string `yaml:"region_code" doc:"the region (US state) code of every job's location; required in the US"`
	City                 string `yaml:"city" required:"true" doc:"the city of every job's location"`
	Visibility           string `yaml:"visibility" enum:"PUBLIC,INTERNAL,PRIVATE" doc:"what a publication publishes; default PUBLIC"`
	CloseStatus          string `yaml:"close_status" enum:"CANCELLED,FILLED,ON_HOLD" doc:"the job status a close sets after unpublishing; default none (unpublish only)"`
	RateLimit            int    `yaml:"rate_limit" doc:"the account's requests per second; default 10, as documented (jobsync paces at 95%)"`
	PublicationRateLimit int    `yaml:"publication_rate_limit" doc:"the account's publication calls per second; default 2, as documented (jobsync paces at 95%)"`
}

// Env is a SmartRecruiters board's environment: JOBSYNC_<BOARD>_API_KEY and
// JOBSYNC_<BOARD>_BASE_URL.
type Env struct {
	BaseURL string     `split_words:"true"` // the API's base URL: a simulator's in tests
	APIKey  ats.Secret `split_words:"true"` // sent as X-SmartToken
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
		Name: a.Name, BaseURL: e.BaseURL, APIKey: e.APIKey,
		MarkerField: c.MarkerField, Function: c.Function, Industry: c.Industry, ExperienceLevel: c.ExperienceLevel,
		TypeOfEmployment: c.TypeOfEmployment, CountryCode: c.CountryCode, RegionCode: c.RegionCode, City: c.City,
		Visibility: c.Visibility, CloseStatus: c.CloseStatus, RateLimit: c.RateLimit, PublicationRateLimit: c.PublicationRateLimit,
		Logger: a.Logger, HTTP: atshttp.Options{MaxWait: a.MaxWait},
	})
}

// simulator serves SmartRecruiters' limits: RateLimit requests per Window
// (default 10 per second) on every route.
func simulator(o ats.SimOptions) (ats.Simulator, error) {
	return smartrecruiterssim.New(smartrecruiterssim.Options{
		RateLimit: o.RateLimit, Window: o.Window, Faults: o.Faults, Latency: o.Latency, Seed: o.Seed,
	}), nil
}
