package lever_test

import (
	"context"
	"net/http/httptest"
	"testing"
	"time"

	"golang.org/x/time/rate"

	"github.com/jobsync/jobsync/ats"
	"github.com/jobsync/jobsync/ats/atshttp"
	"github.com/jobsync/jobsync/ats/atstest"
	"github.com/jobsync/jobsync/ats/lever"
	"github.com/jobsync/jobsync/ats/lever/leversim"
	"github.com/jobsync/jobsync/posting"
)

// BenchmarkRateLimitedSync syncs postings against the simulator's bucket
// (Lever's 10 requests/s, bursts of 20) with the board's defaults, and
// reports the share of the limit used, requests / (seconds × 10 + 20), and
// the 429s met. Run it with -benchtime=1x: one sync takes seconds.
//
//	go test -run '^$' -bench RateLimitedSync -benchtime=1x ./ats/lever/
func BenchmarkRateLimitedSync(b *testing.B) {
	const n = 60
	first := atstest.SamplePostings(n)
	second := make([]posting.Posting, n)
	for i := range second {
		second[i] = atstest.SamplePosting(i, 1)
	}
	b.Run("create", func(b *testing.B) { benchSync(b, nil, first) })
	b.Run("update", func(b *testing.B) { benchSync(b, first, second) })
}

// benchSync puts before on a fresh board (not measured), then measures one
// sync to after.
func benchSync(b *testing.B, before, after []posting.Posting) {
	ctx := context.Background()
	var reqs, n429, run int
	var took time.Duration
	for b.Loop() {
		b.StopTimer()
		sim := leversim.New(leversim.Options{Empty: true})
		srv := httptest.NewServer(sim)
		board, err := lever.New(lever.Options{BaseURL: srv.URL + "/v1", APIKey: ats.NewSecret(sim.APIKey()), PerformAs: sim.PerformAs()})
		if err != nil {
			b.Fatal(err)
		}
		if before != nil {
			if err := syncOnce(ctx, board, before); err != nil {
				b.Fatal(err)
			}
			time.Sleep(2 * time.Second) // let both buckets fill again
		}
		skip := len(sim.Requests())
		b.StartTimer()

		start := time.Now()
		if err := syncOnce(ctx, board, after); err != nil {
			b.Fatal(err)
		}
		took += time.Since(start)

		b.StopTimer()
		rs := sim.Requests()[skip:]
		reqs += len(rs)
		cur := 0
		for _, r := range rs {
			if r.Status == 429 {
				n429++
				cur++
				run = max(run, cur)
			} else {
				cur = 0
			}
		}
		srv.Close()
		b.StartTimer()
	}
	iters := float64(b.N)
	share := float64(reqs) / iters / (took.Seconds()/iters*10 + 20)
	b.ReportMetric(100*share, "%limit")
	b.ReportMetric(float64(reqs)/iters, "requests/op")
	b.ReportMetric(float64(n429)/iters, "429s/op")
	b.ReportMetric(float64(run), "max-429-run")
}

// syncOnce is one `jobsync sync` of b (ats.Sync).
func syncOnce(ctx context.Context, b ats.Board, desired []posting.Posting) error {
	_, err := ats.Sync(ctx, ats.Targets(b), desired, ats.RunOptions{Guards: ats.DefaultGuards()}, ats.ApplyOptions{})
	return err
}

// BenchmarkRequests reports what a sync costs in requests (counted by the
// simulator's recorder) beside the floor: a no-op sync, per create and per
// update of 20 postings. See TestRequestCounts for the floors and why.
func BenchmarkRequests(b *testing.B) {
	atstest.BenchmarkRequests(b, 1, func(tb testing.TB) (ats.Board, func() int) {
		sim := leversim.New(leversim.Options{Empty: true, Rate: 1 << 20, Burst: 1 << 20})
		board, err := lever.New(lever.Options{BaseURL: "http://lever.test/v1", APIKey: ats.NewSecret(sim.APIKey()), PerformAs: sim.PerformAs(),
			HTTP: atshttp.Options{Transport: atstest.InMemory(sim), Limiter: rate.NewLimiter(rate.Inf, 1)}})
		if err != nil {
			tb.Fatal(err)
		}
		return board, func() int { return len(sim.Requests()) }
	})
}
