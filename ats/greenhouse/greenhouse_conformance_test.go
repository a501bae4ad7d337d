package greenhouse_test

import (
	"html"
	"net/http/httptest"
	"strconv"
	"testing"
	"time"

	"github.com/jobsync/jobsync/ats"
	"github.com/jobsync/jobsync/ats/atshttp"
	"github.com/jobsync/jobsync/ats/atstest"
	"github.com/jobsync/jobsync/ats/greenhouse"
	"github.com/jobsync/jobsync/ats/greenhouse/greenhousesim"
)

// TestConformance runs the shared board suite against the simulator, faults
// included: failing calls, lost answers to creates and other writes, and
// repeated syncs that must converge without a duplicate job.
func TestConformance(t *testing.T) {
	t.Parallel()
	atstest.Run(t, func(t *testing.T) *atstest.Harness {
		// A generous limit: the suite is about correctness; pacing has its own
		// test and benchmark.
		sim := greenhousesim.New(greenhousesim.Options{RateLimit: 1_000_000, PageSize: 50})
		srv := httptest.NewServer(sim)
		t.Cleanup(srv.Close)
		opts := greenhouse.Options{
			Name: "greenhouse", BaseURL: srv.URL + "/v3",
			ClientID: sim.ClientID(), ClientSecret: ats.NewSecret(sim.ClientSecret()),
			UserID: sim.UserID(), TemplateJobID: sim.TemplateJobID(),
			HTTP: atshttp.Options{RetryWaitMin: time.Millisecond, RetryWaitMax: 20 * time.Millisecond, RetryMax: 6},
		}
		b, err := greenhouse.New(opts)
		if err != nil {
			t.Fatal(err)
		}
		return &atstest.Harness{
			Board: b,
			Another: func(t testing.TB) ats.Board {
				b, err := greenhouse.New(opts)
				if err != nil {
					t.Fatal(err)
				}
				return b
			},
			AddUnowned: func(t testing.TB, title string) string {
				_, post := sim.AddHumanJob(title)
				return strconv.FormatInt(post, 10)
			},
			EditText: func(t testing.TB, id, text string) {
				n, err := strconv.ParseInt(id, 10, 64)
				if err != nil {
					t.Fatalf("edit text of %q: %v", id, err)
				}
				if err := sim.EditPostContent(n, "<p>"+html.EscapeString(text)+"</p>"); err != nil {
					t.Fatal(err)
				}
			},
			SetFaults: sim.SetFaults,
		}
	})
}
