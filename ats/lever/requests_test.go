package lever

import (
	"testing"

	"golang.org/x/time/rate"

	"github.com/jobsync/jobsync/ats"
	"github.com/jobsync/jobsync/ats/atshttp"
	"github.com/jobsync/jobsync/ats/atstest"
	"github.com/jobsync/jobsync/ats/lever/leversim"
	"github.com/jobsync/jobsync/posting"
)

// The requests each kind of sync makes, counted by the simulator's
// recorder, at the floor the API allows: List is one page per 100
// postings; a create two POSTs (the posting, then its marker bound to the
// id Lever gave it: see doc.go); an update one POST, with the tags List
// returned; a close one POST, the marker's state=closed in it. The test
// fails when a count grows.
func TestRequestCounts(t *testing.T) {
	t.Parallel()
	sim := leversim.New(leversim.Options{Empty: true, Rate: 1 << 20, Burst: 1 << 20})
	b, err := New(Options{BaseURL: "http://lever.test/v1", APIKey: ats.NewSecret(sim.APIKey()), PerformAs: sim.PerformAs(),
		HTTP: atshttp.Options{Transport: atstest.InMemory(sim), Limiter: rate.NewLimiter(rate.Inf, 1)}})
	if err != nil {
		t.Fatal(err)
	}
	seen := func() int { return len(sim.Requests()) }
	got, err := atstest.CountRequests(t.Context(), b, seen, 20)
	if err != nil {
		t.Fatal(err)
	}
	// Create: two POSTs each (before binding, 1), and the List after a run
	// that created, for the duplicates of a run at the same time
	// (ats/settle.go): 41 for 20.
	if want := (atstest.Requests{Noop: 1, Create: 2.05, Update: 1}); got != want {
		t.Errorf("requests %+v, want %+v", got, want)
	}
	before := seen()
	e := &testEnv{sim: sim, board: b}
	revised := make([]posting.Posting, 19)
	for i := range revised {
		revised[i] = atstest.SamplePosting(i, 1)
	}
	e.sync(t, revised)
	if n := seen() - before; n != 2 {
		t.Errorf("a sync closing one posting made %d requests, want 2 (List, the close)", n)
	}
}
