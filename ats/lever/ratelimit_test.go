package lever

import (
	"context"
	"net/http"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"golang.org/x/time/rate"

	"github.com/jobsync/jobsync/ats"
	"github.com/jobsync/jobsync/ats/atshttp"
	"github.com/jobsync/jobsync/ats/atstest"
	"github.com/jobsync/jobsync/ats/lever/leversim"
)

// TestPacedWithinBucket: every request a sync sends (lists, writes,
// retries) goes through the limiter, so the requests
// leaving the client never exceed the account's token bucket, measured as
// they enter the transport. The simulator is served in memory inside a
// synctest bubble: the limiter, the retries and the simulator's bucket run
// on the bubble's clock, so the measure is exact and never races the
// machine's.
func TestPacedWithinBucket(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		const r, burst = 50, 10
		sim := leversim.New(leversim.Options{Empty: true, Rate: r, Burst: burst})
		rec := &departures{next: atstest.InMemory(sim)}
		b, err := New(Options{BaseURL: "http://lever.test/v1", APIKey: ats.NewSecret(sim.APIKey()), PerformAs: sim.PerformAs(),
			HTTP: atshttp.Options{Limiter: rate.NewLimiter(r, burst), Transport: rec,
				RetryWaitMin: time.Millisecond, RetryWaitMax: 5 * time.Millisecond}})
		if err != nil {
			t.Fatal(err)
		}
		e := &testEnv{sim: sim, board: b}
		sim.SetFaults(0.1, 5) // some retries too
		desired := atstest.SamplePostings(60)
		e.sync(t, desired)
		for i := range desired[:20] {
			desired[i] = atstest.SamplePosting(i, 1)
		}
		e.sync(t, desired[:30])
		sim.SetFaults(0, 0)

		times := rec.times()
		if len(times) < 100 {
			t.Fatalf("only %d requests: the test did not load the bucket", len(times))
		}
		tokens, last := float64(burst), times[0]
		for i, at := range times {
			tokens = min(burst, tokens+at.Sub(last).Seconds()*r) - 1
			last = at
			if tokens < -1e-6 { // the clock is exact: only rounding is allowed for
				t.Fatalf("request %d left %.2f tokens: the client outran a %d/s bucket of %d", i, tokens, r, burst)
			}
		}
		t.Logf("%d requests, %d answered 429 by the simulator", len(times), sim.Count429())
	})
}

// departures records when each request leaves the client.
type departures struct {
	next http.RoundTripper
	mu   sync.Mutex
	at   []time.Time
}

func (d *departures) RoundTrip(req *http.Request) (*http.Response, error) {
	d.mu.Lock()
	d.at = append(d.at, time.Now())
	d.mu.Unlock()
	return d.next.RoundTrip(req)
}

func (d *departures) times() []time.Time {
	d.mu.Lock()
	defer d.mu.Unlock()
	return append([]time.Time(nil), d.at...)
}

// TestFaultsNoDuplicates: with 30% of calls failing, lost create responses
// included, repeated syncs converge with one posting per key.
func TestFaultsNoDuplicates(t *testing.T) {
	t.Parallel()
	e := newEnv(t, leversim.Options{Empty: true}, func(o *Options) { o.HTTP.RetryMax = 8 })
	desired := atstest.SamplePostings(20)
	e.sim.SetFaults(0.3, 11)
	ctx := context.Background()
	done := false
	for round := 0; round < 30 && !done; round++ {
		rs, err := e.board.List(ctx)
		if err != nil {
			continue
		}
		plan := ats.NewPlan("lever", desired, rs, ats.PlanOptions{})
		done = !plan.HasChanges()
		// One writer: the seeded faults then fall on the same calls every run.
		_ = ats.Apply(ctx, e.board, plan, ats.ApplyOptions{Concurrency: 1})
	}
	e.sim.SetFaults(0, 0)
	if !done {
		t.Fatal("did not converge")
	}
	lost := 0
	for _, r := range e.sim.Requests() {
		if r.Status == 0 {
			lost++
		}
	}
	if lost == 0 {
		t.Errorf("no response was lost: the test proves nothing")
	}
	if d := e.sim.Duplicates(keyTagPrefix); len(d) > 0 {
		t.Errorf("duplicates: %v", d)
	}
	if n := len(e.sim.Postings()); n != len(desired) {
		t.Errorf("%d postings on the board, want %d", n, len(desired))
	}
}

// TestBackToBackRunsMeetNo429: a sync right after another, each a new run
// (a new board with Lever's default pace, as a new jobsync process), meets
// no 429, though the first left the account's bucket empty: a run's
// limiter starts without its burst, at the bucket's refill rate. On
// synctest's clock.
func TestBackToBackRunsMeetNo429(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		sim := leversim.New(leversim.Options{Empty: true}) // Lever's 10/s, bursts of 20
		run := func() *Board {
			b, err := New(Options{BaseURL: "http://lever.test/v1", APIKey: ats.NewSecret(sim.APIKey()), PerformAs: sim.PerformAs(),
				HTTP: atshttp.Options{Transport: atstest.InMemory(sim), RetryWaitMin: time.Millisecond, RetryWaitMax: 5 * time.Millisecond}})
			if err != nil {
				t.Fatal(err)
			}
			return b
		}
		desired := atstest.SamplePostings(30)
		(&testEnv{sim: sim, board: run()}).sync(t, desired)
		for i := range desired {
			desired[i] = atstest.SamplePosting(i, 1)
		}
		(&testEnv{sim: sim, board: run()}).sync(t, desired)
		if n := sim.Count429(); n != 0 {
			t.Errorf("%d responses 429", n)
		}
	})
}
