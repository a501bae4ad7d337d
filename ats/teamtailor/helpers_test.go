package teamtailor_test

import (
	"strings"
	"testing"
	"time"

	"github.com/jobsync/jobsync/ats"
	"github.com/jobsync/jobsync/ats/atshttp"
	"github.com/jobsync/jobsync/ats/atstest"
	"github.com/jobsync/jobsync/ats/teamtailor"
	"github.com/jobsync/jobsync/ats/teamtailor/teamtailorsim"
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
