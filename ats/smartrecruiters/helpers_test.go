package smartrecruiters_test

import (
	"bytes"
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/time/rate"

	"github.com/jobsync/jobsync/ats"
	"github.com/jobsync/jobsync/ats/atshttp"
	"github.com/jobsync/jobsync/ats/atstest"
	"github.com/jobsync/jobsync/ats/smartrecruiters"
	"github.com/jobsync/jobsync/ats/smartrecruiters/smartrecruiterssim"
	"github.com/jobsync/jobsync/posting"
)

// boardSettings are the create settings every test board has.
func boardSettings(o smartrecruiters.Options) smartrecruiters.Options {
	o.Function, o.Industry, o.CountryCode, o.City = "engineering", "computer_software", "de", "Berlin"
	return o
}

// newBoard is a board on sim over an in-memory transport (so that it runs
// in a synctest bubble), with the documented paces unless fast, and short
// retry waits.
func newBoard(t testing.TB, sim *smartrecruiterssim.Server, fast bool, o smartrecruiters.Options) *smartrecruiters.Board {
	t.Helper()
	o = boardSettings(o)
	o.BaseURL, o.APIKey = "http://sr.test", ats.NewSecret(sim.APIKey())
	o.HTTP.Transport = atstest.InMemory(sim)
	o.HTTP.RetryWaitMin, o.HTTP.RetryWaitMax = time.Millisecond, 20*time.Millisecond
	if fast {
		o.HTTP.Limiter, o.HTTP.Limits = rate.NewLimiter(rate.Inf, 1), []atshttp.Limit{}
	}
	b, err := smartrecruiters.New(o)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// newBoardHTTP is the client options of a fast board on sim.
func newBoardHTTP(sim *smartrecruiterssim.Server) atshttp.Options {
	return atshttp.Options{
		Transport: atstest.InMemory(sim), Limiter: rate.NewLimiter(rate.Inf, 1), Limits: []atshttp.Limit{},
		RetryWaitMin: time.Millisecond, RetryWaitMax: 20 * time.Millisecond,
	}
}

// syncBuffer is a buffer a logger may write from many goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) Sync() error { return nil }

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// fastSim is a simulator whose limits a fast board never meets.
func fastSim(o smartrecruiterssim.Options) *smartrecruiterssim.Server {
	o.RateLimit, o.PublicationLimit, o.Concurrency = 1<<20, 1<<20, 1<<10
	return smartrecruiterssim.New(o)
}

// syncTo runs one sync to desired, closes allowed.
func syncTo(t testing.TB, b ats.Board, desired []posting.Posting) ats.Plan {
	t.Helper()
	plans, err := ats.Sync(context.Background(), ats.Targets(b), desired, ats.RunOptions{Guards: ats.Guards{AllowMassClose: true}}, ats.ApplyOptions{})
	if err != nil {
		t.Fatalf("sync: %v", err)
	}
	return plans[0]
}

// routes counts the requests recorded since skip by route, job ids made
// "{id}": "GET /jobs/{id}" → 3.
func routes(sim *smartrecruiterssim.Server, skip int) map[string]int {
	out := map[string]int{}
	for _, r := range sim.Requests()[skip:] {
		parts := strings.Split(r.Path, "/")
		if len(parts) > 2 && parts[1] == "jobs" {
			parts[2] = "{id}"
		}
		out[r.Method+" "+strings.Join(parts, "/")]++
	}
	return out
}

// show prints route counts in a fixed order.
func show(m map[string]int) string {
	var b strings.Builder
	for _, k := range slices.Sorted(maps.Keys(m)) {
		fmt.Fprintf(&b, "%s=%d ", k, m[k])
	}
	return strings.TrimSpace(b.String())
}
