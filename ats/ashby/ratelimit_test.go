package ashby_test

import (
	"testing"
	"testing/synctest"
	"time"

	"github.com/jobsync/jobsync/ats/ashby"
	"github.com/jobsync/jobsync/ats/ashby/ashbysim"
	"github.com/jobsync/jobsync/ats/atstest"
)

// Creating 200 postings (about 1,400 requests) against the simulator's
// 1000 a minute, on synctest's clock, with answers that take 100 ms: no
// answer is a 429, no window admits more than the limit, and the run goes
// at more than 85% of it.
func TestTwoHundredCreatesKeepUnderTheLimit(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		sim := ashbysim.New(ashbysim.Options{Latency: 100 * time.Millisecond, Empty: true})
		o := ashby.Options{HTTP: fastHTTP(sim)}
		o.HTTP.Limiter = nil // the board's own pace
		b := newBoard(t, sim, o)
		syncTo(t, b, atstest.SamplePostings(200))
		rs := sim.Requests()
		took := rs[len(rs)-1].At.Sub(rs[0].At)
		perMinute := float64(len(rs)-1) / took.Minutes()
		lim := sim.Limit()
		t.Logf("%d requests in %v: %.0f a minute; most in one window %d of 1000; refused %d", len(rs), took.Round(time.Second), perMinute, lim.MaxAdmitted(), lim.Refused())
		if lim.Refused() != 0 || lim.MaxAdmitted() > 1000 {
			t.Errorf("%d requests refused, %d in one window: want none refused, at most 1000", lim.Refused(), lim.MaxAdmitted())
		}
		if perMinute < 850 || perMinute > 1000 {
			t.Errorf("%.0f requests a minute, want between 850 and 1000", perMinute)
		}
	})
}

// A sync, two plans started right after it and a sync right after them, each
// a new run (a new board with the default pace, as a new jobsync process),
// meet no 429, though the first spent most of the window: a run's limiter
// starts without its burst, at its pace, so back-to-back runs add up to one
// paced stream. Ashby is not known to say what is left of the limit (its
// answers carry X-RateLimit-Limit), so this slow start is the cautious
// start. On synctest's clock, at a fifth of the default limit to keep the
// test short.
func TestBackToBackRunsMeetNo429(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		const perMinute = 200
		sim := ashbysim.New(ashbysim.Options{RateLimit: perMinute, Empty: true})
		run := func() *ashby.Board {
			o := ashby.Options{HTTP: fastHTTP(sim), RateLimit: perMinute}
			o.HTTP.Limiter = nil // the board's own pace
			return newBoard(t, sim, o)
		}
		desired := atstest.SamplePostings(30)
		syncTo(t, run(), desired)
		for i := range desired {
			desired[i] = atstest.SamplePosting(i, 1)
		}
		// Two plans (a merge request's, then the default branch's) and the
		// sync: three bursts would overshoot a window the first run filled.
		for range 2 {
			if s := atstest.PlanTo(t, run(), desired).Summary(); s.Update != len(desired) {
				t.Fatalf("plan %+v, want %d updates", s, len(desired))
			}
		}
		syncTo(t, run(), desired)
		lim := sim.Limit()
		t.Logf("%d requests; most in one window %d of %d", len(sim.Requests()), lim.MaxAdmitted(), perMinute)
		if n := lim.Refused(); n != 0 || lim.MaxAdmitted() > perMinute {
			t.Errorf("%d responses 429; at most %d requests a window, limit %d", n, lim.MaxAdmitted(), perMinute)
		}
	})
}
