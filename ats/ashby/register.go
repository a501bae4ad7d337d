package ashby

import (
	"fmt"

	"github.com/jobsync/jobsync/ats"
	"github.com/jobsync/jobsync/ats/ashby/ashbysim"
	"github.com/jobsync/jobsync/ats/atshttp"
)

func init() {
	ats.Register(ats.Kind{
		Name:      "ashby",
		Summary:   "Ashby API (RPC, version " + APIVersion + ")",
		Options:   func() any { return new(Config) },
		Env:       func() any { return new(Env) },
		Open:      open,
		Simulator: simulator,

		Facts: ats.Facts{
			Create:    "`job.create` (team, location, template), pay, `job.setStatus Open`, `jobPosting.create` (draft), a pending marker, `jobPosting.setStatus Published`, the marker",
			Update:    "`jobPosting.update`: title, description, workplace, locations; the job's team and pay where they differ; republished if unpublished; the marker",
			Close:     "the marker's `state=closed`, `jobPosting.setStatus Draft` (reversible); `close_job` also closes the job",
			Marker:    "a private job posting custom field (`marker_field`, default `jobsync marker`), read with the list",
			RateLimit: "none documented (answers say 1000): paced client-side at 95% of 1000 a minute; 429s and an exhausted X-RateLimit-Remaining pause every worker",
		},
	})
}

// Config is an Ashby board's keys in the config file.
type Config struct {
	MarkerField     string `yaml:"marker_field" doc:"the job posting custom field (private, long text; by title or id) holding jobsync's marker; default \"jobsync marker\""`
	Department      string `yaml:"department" doc:"the department or team (name or id) of a posting that names none"`
	Location        string `yaml:"location" doc:"the location (name or id) of a posting that names none"`
	JobTemplateID   string `yaml:"job_template_id" doc:"the job template of every new job (it brings the interview plan)"`
	InterviewPlanID string `yaml:"interview_plan_id" doc:"the default interview plan of every new job, without a template"`
	CloseJob        bool   `yaml:"close_job" doc:"closing a posting also closes its job (ending its hiring); default: unpublish only"`
	RateLimit       int    `yaml:"rate_limit" doc:"the account's requests a minute; default 1000 (jobsync paces at 95%)"`
}

// Check requires what opens a new job: Ashby opens a job only with an
// interview plan.
func (c *Config) Check() []ats.OptionError {
	if c.JobTemplateID == "" && c.InterviewPlanID == "" {
		return []ats.OptionError{{Key: "job_template_id", Message: "set job_template_id or interview_plan_id: Ashby opens a new job only with an interview plan"}}
	}
	return nil
}

// Env is an Ashby board's environment: JOBSYNC_<BOARD>_API_KEY and
// JOBSYNC_<BOARD>_BASE_URL.
type Env struct {
	BaseURL string     `split_words:"true"` // the API's root: a simulator's in tests
	APIKey  ats.Secret `split_words:"true"` // Basic auth's user, blank password
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
		MarkerField: c.MarkerField, Department: c.Department, Location: c.Location,
		JobTemplateID: c.JobTemplateID, InterviewPlanID: c.InterviewPlanID, CloseJob: c.CloseJob, RateLimit: c.RateLimit,
		Logger: a.Logger, HTTP: atshttp.Options{MaxWait: a.MaxWait},
	})
}

// simulator serves Ashby's API with its fixed window: RateLimit requests
// per Window (default 1000 a minute, the simulator's choice: Ashby
// documents none).
func simulator(o ats.SimOptions) (ats.Simulator, error) {
	return ashbysim.New(ashbysim.Options{
		RateLimit: o.RateLimit, Window: o.Window, Faults: o.Faults, Latency: o.Latency, Seed: o.Seed,
	}), nil
}
