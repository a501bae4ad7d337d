package greenhouse

import (
	"html"
	"net/http"
	"strconv"
	"testing"

	"github.com/jobsync/jobsync/ats/atstest"
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
		e := setup(t, greenhousesim.Options{RateLimit: 1_000_000, PageSize: 50}, nil)
		return &atstest.Harness{
			Board: e.board,
			AddUnowned: func(t testing.TB, title string) string {
				_, post := e.sim.AddHumanJob(title)
				return strconv.FormatInt(post, 10)
			},
			EditText: func(t testing.TB, id, text string) {
				n, err := strconv.ParseInt(id, 10, 64)
				if err != nil {
					t.Fatalf("edit text of %q: %v", id, err)
				}
				if err := e.sim.EditPostContent(n, "<p>"+html.EscapeString(text)+"</p>"); err != nil {
					t.Fatal(err)
				}
			},
			SetFaults: e.sim.SetFaults,
		}
	})
}

var _ http.Handler = (*greenhousesim.Server)(nil)
