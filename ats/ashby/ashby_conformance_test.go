package ashby_test

import (
	"html"
	"net/http/httptest"
	"testing"
	"time"

	"golang.org/x/time/rate"

	"github.com/jobsync/jobsync/ats"
	"github.com/jobsync/jobsync/ats/ashby"
	"github.com/jobsync/jobsync/ats/ashby/ashbysim"
	"github.com/jobsync/jobsync/ats/atshttp"
	"github.com/jobsync/jobsync/ats/atstest"
)

// TestConformance runs the ats conformance suite against the simulator,
// faults included, with its limit raised so that the suite runs fast.
func TestConformance(t *testing.T) {
	atstest.Run(t, func(t *testing.T) *atstest.Harness {
		sim := ashbysim.New(ashbysim.Options{RateLimit: 1 << 20, Empty: true})
		srv := httptest.NewServer(sim)
		t.Cleanup(srv.Close)
		opts := ashby.Options{
			BaseURL: srv.URL, APIKey: ats.NewSecret(sim.APIKey()), JobTemplateID: ashbysim.JobTemplateID,
			HTTP: atshttp.Options{
				Limiter:  rate.NewLimiter(rate.Inf, 1),
				RetryMax: 8, RetryWaitMin: time.Millisecond, RetryWaitMax: 20 * time.Millisecond,
			},
		}
		b, err := ashby.New(opts)
		if err != nil {
			t.Fatal(err)
		}
		return &atstest.Harness{
			Board: b,
			Another: func(t testing.TB) ats.Board {
				b, err := ashby.New(opts)
				if err != nil {
					t.Fatal(err)
				}
				return b
			},
			AddUnowned: func(t testing.TB, title string) string {
				return sim.AddHumanPosting(ashbysim.HumanPosting{Title: title, Department: "Product", Location: "Remote", BodyHTML: "<p>Written in the app.</p>"})
			},
			EditText: func(t testing.TB, id, text string) {
				body := "<p>" + html.EscapeString(text) + "</p>"
				if err := sim.EditPosting(id, ashbysim.Edit{BodyHTML: &body}); err != nil {
					t.Fatal(err)
				}
			},
			SetFaults: sim.SetFaults,
		}
	})
}
