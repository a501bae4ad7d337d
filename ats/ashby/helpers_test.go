package ashby_test

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
	"github.com/jobsync/jobsync/ats/ashby"
	"github.com/jobsync/jobsync/ats/ashby/ashbysim"
	"github.com/jobsync/jobsync/ats/atshttp"
	"github.com/jobsync/jobsync/ats/atstest"
	"github.com/jobsync/jobsync/posting"
)

// fastSim is a simulator whose limit a fast board never meets.
func fastSim(o ashbysim.Options) *ashbysim.Server {
	o.RateLimit = 1 << 20
	return ashbysim.New(o)
}

// fastHTTP is the client options of a board on sim over an in-memory
// transport, unpaced, with short retry waits.
func fastHTTP(sim *ashbysim.Server) atshttp.Options {
	return atshttp.Options{
		Transport: atstest.InMemory(sim), Limiter: rate.NewLimiter(rate.Inf, 1),
		RetryWaitMin: time.Millisecond, RetryWaitMax: 20 * time.Millisecond,
	}
}

// newBoard is a fast board on sim with the simulator's template.
func newBoard(t testing.TB, sim *ashbysim.Server, o ashby.Options) *ashby.Board {
	t.Helper()
	o.BaseURL, o.APIKey = "http://ashby.test", ats.NewSecret(sim.APIKey())
	if o.JobTemplateID == "" && o.InterviewPlanID == "" {
		o.JobTemplateID = ashbysim.JobTemplateID
	}
	if o.HTTP.Transport == nil {
		o.HTTP = fastHTTP(sim)
	}
	b, err := ashby.New(o)
	if err != nil {
		t.Fatal(err)
	}
	return b
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

// routes counts the requests recorded since skip by method.
func routes(sim *ashbysim.Server, skip int) map[string]int {
	out := map[string]int{}
	for _, r := range sim.Requests()[skip:] {
		out[strings.TrimPrefix(r.Path, "/")]++
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

// plus is a with more's counts added.
func plus(a map[string]int, more map[string]int) map[string]int {
	out := maps.Clone(a)
	for k, n := range more {
		out[k] += n
	}
	return out
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
