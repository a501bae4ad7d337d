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
