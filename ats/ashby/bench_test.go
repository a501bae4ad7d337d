package ashby_test

import (
	"context"
	"testing"
	"time"

	"github.com/jobsync/jobsync/ats"
	"github.com/jobsync/jobsync/ats/ashby"
	"github.com/jobsync/jobsync/ats/ashby/ashbysim"
	"github.com/jobsync/jobsync/ats/atstest"
	"github.com/jobsync/jobsync/posting"
)

// BenchmarkRequests reports what a sync costs in requests (counted by the
// simulator's recorder) beside the floor: a no-op sync, per create and per
// update of 20 postings. See TestRequestCounts for the floors and why.
func BenchmarkRequests(b *testing.B) {
	atstest.BenchmarkRequests(b, updateFloor, func(tb testing.TB) (ats.Board, func() int) {
		sim := fastSim(ashbysim.Options{Empty: true})
		return newBoard(tb, sim, ashby.Options{}), func() int { return len(sim.Requests()) }
	})
}

// BenchmarkRateLimitedSync creates 60 postings, then updates them, each a
// new run with the board's own pace, against the simulator's one-minute
// window at six times the default limit (6,000 requests a minute, so that
// one op takes seconds, not minutes), and reports the share of the limit
// the syncs used, requests / (seconds × limit / 60), and the 429s met. The
// pace is 95% of the limit less a burst, which a run's slow start does not
// spend. Run it with -benchtime=1x:
//
//	go test -run '^$' -bench RateLimitedSync -benchtime=1x ./ats/ashby/
func BenchmarkRateLimitedSync(b *testing.B) {
	const perMinute, n = 6000, 60
	first := atstest.SamplePostings(n)
	second := make([]posting.Posting, n)
	for i := range second {
		second[i] = atstest.SamplePosting(i, 1)
	}
	var reqs, n429 int
	var took time.Duration
	for b.Loop() {
		sim := ashbysim.New(ashbysim.Options{RateLimit: perMinute, Empty: true})
		start := time.Now()
		for _, desired := range [][]posting.Posting{first, second} {
			o := ashby.Options{HTTP: fastHTTP(sim), RateLimit: perMinute}
			o.HTTP.Limiter = nil // the board's own pace
			if _, err := ats.Sync(context.Background(), ats.Targets(newBoard(b, sim, o)), desired, ats.RunOptions{Guards: ats.DefaultGuards()}, ats.ApplyOptions{}); err != nil {
				b.Fatal(err)
			}
		}
		took += time.Since(start)
		reqs += len(sim.Requests())
		n429 += sim.Limit().Refused()
	}
	iters := float64(b.N)
	b.ReportMetric(100*float64(reqs)/(took.Seconds()*perMinute/60), "%limit")
	b.ReportMetric(float64(reqs)/iters, "requests/op")
	b.ReportMetric(float64(n429)/iters, "429s/op")
}
