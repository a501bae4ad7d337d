package teamtailor_test

import (
	"context"
	"testing"
	"time"

	"github.com/jobsync/jobsync/ats"
	"github.com/jobsync/jobsync/ats/atstest"
	"github.com/jobsync/jobsync/ats/teamtailor"
	"github.com/jobsync/jobsync/ats/teamtailor/teamtailorsim"
	"github.com/jobsync/jobsync/posting"
)

// BenchmarkRequests reports what a sync costs in requests (counted by the
// simulator's recorder) beside the floor: a no-op sync, per create and per
// update of 20 postings. See TestRequestCounts for the floors and why.
func BenchmarkRequests(b *testing.B) {
	atstest.BenchmarkRequests(b, updateFloor, func(tb testing.TB) (ats.Board, func() int) {
		sim := fastSim(teamtailorsim.Options{Empty: true})
		return newBoard(tb, sim, teamtailor.Options{}), func() int { return len(sim.Requests()) }
	})
}

// BenchmarkRateLimitedSync syncs 40 new postings, then updates 20 of them,
// each a new run, against the simulator's fixed window at 20 requests a
// second (the default, 50 per 10 seconds, would make one op take half a
// minute), and reports the share of the limit used, requests in the full
// windows / (full windows × limit), leaving out the last, partial window,
// and the 429s met. Run it with -benchtime=1x:
//
//	go test -run '^$' -bench RateLimitedSync -benchtime=1x ./ats/teamtailor/
func BenchmarkRateLimitedSync(b *testing.B) {
	const limit, window, n = 20, time.Second, 40
	first := atstest.SamplePostings(n)
	second := append([]posting.Posting(nil), first...)
	for i := range n / 2 {
		second[i] = atstest.SamplePosting(i, 1)
	}
	var share float64
	var reqs, n429 int
	for b.Loop() {
		sim := teamtailorsim.New(teamtailorsim.Options{RateLimit: limit, Window: window, Empty: true})
		for _, desired := range [][]posting.Posting{first, second} {
			if _, err := ats.Sync(context.Background(), ats.Targets(newBoard(b, sim, teamtailor.Options{})), desired, ats.RunOptions{Guards: ats.DefaultGuards()}, ats.ApplyOptions{}); err != nil {
				b.Fatal(err)
			}
		}
		counts := sim.Limiter().Admitted()
		full := counts[:len(counts)-1]
		used := 0
		for _, c := range full {
			used += c
		}
		if len(full) > 0 {
			share += float64(used) / float64(len(full)*limit)
		}
		reqs += len(sim.Requests())
		n429 += sim.Limiter().Refused()
	}
	iters := float64(b.N)
	b.ReportMetric(100*share/iters, "%limit")
	b.ReportMetric(float64(reqs)/iters, "requests/op")
	b.ReportMetric(float64(n429)/iters, "429s/op")
}
