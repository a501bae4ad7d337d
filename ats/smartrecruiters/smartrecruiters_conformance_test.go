package smartrecruiters_test

import (
	"html"
	"net/http/httptest"
	"testing"
	"time"

	"golang.org/x/time/rate"

	"github.com/jobsync/jobsync/ats"
	"github.com/jobsync/jobsync/ats/atshttp"
	"github.com/jobsync/jobsync/ats/atstest"
	"github.com/jobsync/jobsync/ats/smartrecruiters"
	"github.com/jobsync/jobsync/ats/smartrecruiters/smartrecruiterssim"
)

// TestConformance runs the ats conformance suite against the simulator,
// faults included, with its limits raised so that the suite runs fast.
func TestConformance(t *testing.T) {
	atstest.Run(t, func(t *testing.T) *atstest.Harness {
		sim := smartrecruiterssim.New(smartrecruiterssim.Options{RateLimit: 100000, PublicationLimit: 100000, Concurrency: 100})
		srv := httptest.NewServer(sim)
		t.Cleanup(srv.Close)
		opts := smartrecruiters.Options{
			BaseURL: srv.URL, APIKey: ats.NewSecret(sim.APIKey()),
			Function: "engineering", Industry: "computer_software", CountryCode: "de", City: "Berlin",
			HTTP: atshttp.Options{
				Limiter:  rate.NewLimiter(rate.Inf, 1),
				Limits:   []atshttp.Limit{},
				RetryMax: 8, RetryWaitMin: time.Millisecond, RetryWaitMax: 20 * time.Millisecond,
			},
		}
		b, err := smartrecruiters.New(opts)
		if err != nil {
			t.Fatal(err)
		}
		return &atstest.Harness{
			Board: b,
			Another: func(t testing.TB) ats.Board {
				b, err := smartrecruiters.New(opts)
				if err != nil {
					t.Fatal(err)
				}
				return b
			},
			AddUnowned: func(t testing.TB, title string) string { return sim.AddHumanJob(title) },
			EditText: func(t testing.TB, id, text string) {
				if err := sim.EditJobDescription(id, "<p>"+html.EscapeString(text)+"</p>"); err != nil {
					t.Fatal(err)
				}
			},
			SetFaults: sim.SetFaults,
		}
	})
}
