package teamtailor_test

import (
	"testing"
	"testing/synctest"
	"time"

	"github.com/jobsync/jobsync/ats/atstest"
	"github.com/jobsync/jobsync/ats/teamtailor"
	"github.com/jobsync/jobsync/ats/teamtailor/teamtailorsim"
	"github.com/jobsync/jobsync/posting"
)

// A sync of 60 postings against the simulator's window (50 requests per
// 10 seconds, reported in X-Rate-Limit-*), on synctest's clock, with
// answers taking 250 ms so that the four writers overlap: not one answer
// is a 429, because the board stops when the headers say nothing is left
// and goes on when the period resets, and each phase takes no more
// windows than its requests need, plus one.
func TestSixtyPostingsKeepToTheHeaders(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		sim := teamtailorsim.New(teamtailorsim.Options{Latency: 250 * time.Millisecond, Empty: true})
		b := newBoard(t, sim, teamtailor.Options{})
		limit, window := sim.Limiter().Limit()
		first := atstest.SamplePostings(60)
		second := make([]posting.Posting, len(first))
		for i := range second {
			second[i] = atstest.SamplePosting(i, 1)
		}
		for _, phase := range []struct {
			name    string
			desired []posting.Posting
		}{{"create 60", first}, {"update 60", second}, {"close 60", nil}} {
			skip := len(sim.Requests())
			start := time.Now()
			syncTo(t, b, phase.desired)
			took := time.Since(start)
			rs := sim.Requests()[skip:]
			limited := 0
			for _, r := range rs {
				if r.Limited {
					limited++
				}
			}
			windows := (len(rs)+limit-1)/limit + 1
			t.Logf("%s: %d requests in %v (%.2f/s), %d refused; most admitted in one window: %d of %d",
				phase.name, len(rs), took, float64(len(rs))/took.Seconds(), limited, sim.Limiter().MaxAdmitted(), limit)
			if limited != 0 {
				t.Errorf("%s: %d requests refused with a 429", phase.name, limited)
			}
			if max := time.Duration(windows) * window; took > max {
				t.Errorf("%s: took %v, want at most %v (%d windows)", phase.name, took, max, windows)
			}
		}
	})
}
