package greenhouse

import (
	"context"
	"testing"
	"time"

	"github.com/jobsync/jobsync/ats"
	"github.com/jobsync/jobsync/ats/atstest"
	"github.com/jobsync/jobsync/ats/greenhouse/greenhousesim"
)

// BenchmarkRateLimitedSync syncs 40 new postings (then updates 20 of them)
// through the engine against a simulator allowing 100 requests per 1-second
// window, and reports how much of the limit the sync used: requests in the
// full windows / (full windows × limit), leaving out the last, partial
// window. It also reports the 429s met and the longest run of 429s in a
// row.
func BenchmarkRateLimitedSync(b *testing.B) {
	const (
		postings = 40
		limit    = 100
		window   = time.Second
	)
	ctx := context.Background()
	var share, n429, run429, requests float64
	for b.Loop() {
		b.StopTimer()
		e := setup(b, greenhousesim.Options{RateLimit: limit, Window: window, PageSize: 500}, nil)
		desired := samples(postings)
		b.StartTimer()
		for pass := range 2 {
			if pass == 1 {
				for i := range postings / 2 {
					desired[i].Hash += "-2"
					desired[i].HTML += "<p>Revised.</p>"
				}
			}
			if _, err := ats.Sync(ctx, ats.Targets(e.board), desired, ats.RunOptions{Guards: ats.DefaultGuards()}, ats.ApplyOptions{}); err != nil {
				b.Fatal(err)
			}
		}
		b.StopTimer()
		counts := e.sim.WindowCounts()
		full := counts[:len(counts)-1]
		used := 0
		for _, n := range full {
			used += n
		}
		if len(full) > 0 {
			share += float64(used) / float64(len(full)*limit)
		}
		log := e.sim.RequestLog()
		run, longest := 0, 0
		for _, r := range log {
			if r.Limited {
				run++
				longest = max(longest, run)
			} else {
				run = 0
			}
		}
		n429 += float64(e.sim.Count429())
		run429 = max(run429, float64(longest))
		requests += float64(len(log))
		b.StartTimer()
	}
	n := float64(b.N)
	b.ReportMetric(100*share/n, "%limit-used")
	b.ReportMetric(n429/n, "429s/op")
	b.ReportMetric(run429, "max-429s-in-a-row")
	b.ReportMetric(requests/n, "requests/op")
}

// BenchmarkRequests reports what a sync costs in requests (counted by the
// simulator's recorder) beside the floor: a no-op sync, per create and per
// update of 20 postings. See TestRequestCounts for the floors and why.
func BenchmarkRequests(b *testing.B) {
	atstest.BenchmarkRequests(b, updateFloor, func(tb testing.TB) (ats.Board, func() int) {
		e := setup(tb, greenhousesim.Options{RateLimit: 1 << 20, PageSize: 500}, nil)
		return e.board, e.sim.Requests
	})
}
