package lever_test

import (
	"html"
	"net/http/httptest"
	"testing"
	"time"

	"golang.org/x/time/rate"

	"github.com/jobsync/jobsync/ats"
	"github.com/jobsync/jobsync/ats/atshttp"
	"github.com/jobsync/jobsync/ats/atstest"
	"github.com/jobsync/jobsync/ats/lever"
	"github.com/jobsync/jobsync/ats/lever/leversim"
)

// TestConformance runs the ats conformance suite against the simulator,
// faults included.
func TestConformance(t *testing.T) {
	atstest.Run(t, func(t *testing.T) *atstest.Harness {
		sim := leversim.New(leversim.Options{Rate: 1000, Burst: 1000})
		srv := httptest.NewServer(sim)
		t.Cleanup(srv.Close)
		opts := lever.Options{
			Name: "lever", BaseURL: srv.URL + "/v1", APIKey: ats.NewSecret(sim.APIKey()), PerformAs: sim.PerformAs(),
			HTTP: atshttp.Options{
				Limiter:  rate.NewLimiter(1000, 1000), // the simulator's bucket
				RetryMax: 8, RetryWaitMin: time.Millisecond, RetryWaitMax: 20 * time.Millisecond,
			},
		}
		b, err := lever.New(opts)
		if err != nil {
			t.Fatal(err)
		}
		return &atstest.Harness{
			Board: b,
			Another: func(t testing.TB) ats.Board {
				b, err := lever.New(opts)
				if err != nil {
					t.Fatal(err)
				}
				return b
			},
			AddUnowned: func(t testing.TB, title string) string {
				return sim.AddHumanPosting(leversim.HumanPosting{Title: title, DescriptionHTML: "<div>Made by hand.</div>"})
			},
			EditText: func(t testing.TB, id, text string) {
				if err := sim.EditPosting(id, leversim.Edit{DescriptionHTML: "<div>" + html.EscapeString(text) + "</div>"}); err != nil {
					t.Fatal(err)
				}
			},
			SetFaults: sim.SetFaults,
		}
	})
}
