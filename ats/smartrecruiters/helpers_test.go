package smartrecruiters_test

import (
	"strings"
	"testing"
	"time"

	"golang.org/x/time/rate"

	"github.com/jobsync/jobsync/ats"
	"github.com/jobsync/jobsync/ats/atshttp"
	"github.com/jobsync/jobsync/ats/atstest"
	"github.com/jobsync/jobsync/ats/smartrecruiters"
	"github.com/jobsync/jobsync/ats/smartrecruiters/smartrecruiterssim"
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

// fastSim is a simulator whose limits a fast board never meets.
func fastSim(o smartrecruiterssim.Options) *smartrecruiterssim.Server {
	o.RateLimit, o.PublicationLimit, o.Concurrency = 1<<20, 1<<20, 1<<10
	return smartrecruiterssim.New(o)
}

// syncTo and show are atstest's, named short for the many tests here.
var (
	syncTo = atstest.SyncTo
	show   = atstest.ShowCounts
)

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
