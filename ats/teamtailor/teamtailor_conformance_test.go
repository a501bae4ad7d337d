package teamtailor_test

import (
	"html"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/jobsync/jobsync/ats"
	"github.com/jobsync/jobsync/ats/atshttp"
	"github.com/jobsync/jobsync/ats/atstest"
	"github.com/jobsync/jobsync/ats/teamtailor"
	"github.com/jobsync/jobsync/ats/teamtailor/teamtailorsim"
)

// TestConformance runs the ats conformance suite against the simulator,
// faults included, with its limit raised so that the suite runs fast.
func TestConformance(t *testing.T) {
	atstest.Run(t, func(t *testing.T) *atstest.Harness {
		sim := teamtailorsim.New(teamtailorsim.Options{RateLimit: 100000, Empty: true})
		srv := httptest.NewServer(sim)
		t.Cleanup(srv.Close)
		opts := teamtailor.Options{
			BaseURL: srv.URL + "/v1", APIKey: ats.NewSecret(sim.APIKey()), UserID: sim.UserID(),
			HTTP: atshttp.Options{RetryMax: 8, RetryWaitMin: time.Millisecond, RetryWaitMax: 20 * time.Millisecond},
		}
		b, err := teamtailor.New(opts)
		if err != nil {
			t.Fatal(err)
		}
		return &atstest.Harness{
			Board: b,
			Another: func(t testing.TB) ats.Board {
				b, err := teamtailor.New(opts)
				if err != nil {
					t.Fatal(err)
				}
				return b
			},
			AddUnowned: func(t testing.TB, title string) string {
				return sim.AddHumanJob(teamtailorsim.HumanJob{Title: title, Body: "<p>Written by hand.</p>", Department: "Product"})
			},
			EditText: func(t testing.TB, id, text string) {
				if err := sim.EditJob(id, teamtailorsim.Edit{Body: "<p>" + html.EscapeString(text) + "</p>"}); err != nil {
					t.Fatal(err)
				}
			},
			SetFaults: sim.SetFaults,
		}
	})
}
