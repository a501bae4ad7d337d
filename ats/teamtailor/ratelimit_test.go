package teamtailor_test

import (
	"net/http"
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
			atstest.SyncTo(t, b, phase.desired)
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

// A plan started right after another run spent the window, and a sync
// right after the plan, each a new run (a new board, as a new jobsync
// process), meet no 429: the run before left one request of the window
// (atshttp's reserve), with which the next run's first request, List's
// first page, learns from X-Rate-Limit-* that nothing is left, and no
// writer starts before List has answered. On synctest's clock.
func TestBackToBackRunsMeetNo429(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		sim := teamtailorsim.New(teamtailorsim.Options{Empty: true}) // 50 requests per 10 seconds
		limit, window := sim.Limiter().Limit()
		desired := atstest.SamplePostings(60)
		atstest.SyncTo(t, newBoard(t, sim, teamtailor.Options{}), desired)
		for i := range desired {
			desired[i] = atstest.SamplePosting(i, 1)
		}
		// At the start of a window, a run spends all of it but the reserve
		// (unauthenticated, the requests still count), and ends.
		time.Sleep(time.Until(time.Now().Truncate(window).Add(window)))
		spender := &http.Client{Transport: atstest.InMemory(sim)}
		for range limit - 1 {
			resp, err := spender.Get("http://tt.test/v1/jobs")
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
		}
		if s := atstest.PlanTo(t, newBoard(t, sim, teamtailor.Options{}), desired).Summary(); s.Update != len(desired) {
			t.Fatalf("plan %+v, want %d updates", s, len(desired))
		}
		atstest.SyncTo(t, newBoard(t, sim, teamtailor.Options{}), desired)
		lim := sim.Limiter()
		t.Logf("%d requests; most in one window %d of %d", len(sim.Requests()), lim.MaxAdmitted(), limit)
		if n := lim.Refused(); n != 0 || lim.MaxAdmitted() > limit {
			t.Errorf("%d responses 429; at most %d requests a window, limit %d", n, lim.MaxAdmitted(), limit)
		}
	})
}
