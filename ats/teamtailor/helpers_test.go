package teamtailor_test

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

	"github.com/jobsync/jobsync/ats"
	"github.com/jobsync/jobsync/ats/atshttp"
	"github.com/jobsync/jobsync/ats/atstest"
	"github.com/jobsync/jobsync/ats/teamtailor"
	"github.com/jobsync/jobsync/ats/teamtailor/teamtailorsim"
	"github.com/jobsync/jobsync/posting"
)

// fastSim is a simulator whose limit the tests never meet, unless they
// set one.
func fastSim(o teamtailorsim.Options) *teamtailorsim.Server {
	if o.RateLimit == 0 {
		o.RateLimit = 1 << 20
	}
	return teamtailorsim.New(o)
}

// newBoard is a board on sim over an in-memory transport, with short retry
// waits; o's key and user default to the simulator's admin's.
func newBoard(t testing.TB, sim *teamtailorsim.Server, o teamtailor.Options) *teamtailor.Board {
	t.Helper()
	o.BaseURL = "http://tt.test/v1"
	if !o.APIKey.IsSet() {
		o.APIKey = ats.NewSecret(sim.APIKey())
	}
	if o.UserID == "" {
		o.UserID = sim.UserID()
	}
	o.HTTP = boardHTTP(sim, o.HTTP)
	b, err := teamtailor.New(o)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// boardHTTP is h with the in-memory transport to sim and short retry waits.
func boardHTTP(sim *teamtailorsim.Server, h atshttp.Options) atshttp.Options {
	h.Transport = atstest.InMemory(sim)
	if h.RetryWaitMin == 0 {
		h.RetryWaitMin, h.RetryWaitMax = time.Millisecond, 20*time.Millisecond
	}
	return h
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
// "{id}": "GET /v1/jobs/{id}" → 3.
func routes(sim *teamtailorsim.Server, skip int) map[string]int {
	out := map[string]int{}
	for _, r := range sim.Requests()[skip:] {
		parts := strings.Split(r.Path, "/")
		if len(parts) > 3 && parts[2] == "jobs" {
			parts[3] = "{id}"
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
