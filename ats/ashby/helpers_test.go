package ashby_test

import (
	"maps"
	"strings"
	"testing"
	"time"

	"golang.org/x/time/rate"

	"github.com/jobsync/jobsync/ats"
	"github.com/jobsync/jobsync/ats/ashby"
	"github.com/jobsync/jobsync/ats/ashby/ashbysim"
	"github.com/jobsync/jobsync/ats/atshttp"
	"github.com/jobsync/jobsync/ats/atstest"
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

// syncTo and show are atstest's, named short for the many tests here.
var (
	syncTo = atstest.SyncTo
	show   = atstest.ShowCounts
)

// routes counts the requests recorded since skip by method.
func routes(sim *ashbysim.Server, skip int) map[string]int {
	out := map[string]int{}
	for _, r := range sim.Requests()[skip:] {
		out[strings.TrimPrefix(r.Path, "/")]++
	}
	return out
}

// plus is a with more's counts added.
func plus(a map[string]int, more map[string]int) map[string]int {
	out := maps.Clone(a)
	for k, n := range more {
		out[k] += n
	}
	return out
}
