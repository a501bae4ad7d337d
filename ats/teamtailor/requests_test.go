package teamtailor_test

import (
	"maps"
	"testing"

	"github.com/jobsync/jobsync/ats/atstest"
	"github.com/jobsync/jobsync/ats/teamtailor"
	"github.com/jobsync/jobsync/ats/teamtailor/teamtailorsim"
	"github.com/jobsync/jobsync/posting"
)

// The requests each kind of sync makes, counted by the simulator's
// recorder. The floor for List is the API's: ceil(J/30) pages of GET
// /v1/jobs for J jobs, departments and locations included in the same
// answers. A create is one request; an update one PATCH, sending back
// the tags List read (a PATCH replaces them whole); a close one PATCH of
// its status: the ownership check is made on the job List read moments
// before. The first write
// of a run that names a department or location no listed job showed reads
// that list once. The test fails when a count grows.
func TestRequestCounts(t *testing.T) {
	t.Parallel()
	sim := fastSim(teamtailorsim.Options{}) // eight jobs people made
	b := newBoard(t, sim, teamtailor.Options{})
	five := atstest.SamplePostings(5)
	list := map[string]int{"GET /v1/jobs": 1}
	plus := func(more map[string]int) map[string]int {
		out := maps.Clone(list)
		for k, n := range more {
			out[k] += n
		}
		return out
	}
	changed := append([]posting.Posting{atstest.SamplePosting(0, 1)}, five[1:]...)
	for _, step := range []struct {
		name    string
		desired []posting.Posting
		want    map[string]int
	}{
		// No job people made is in Engineering or in the Remote regions.
		// A run that created lists again, for the duplicates of a run at the
		// same time (ats/settle.go).
		{"first sync: 5 creates", five, plus(map[string]int{"GET /v1/jobs": 1, "GET /v1/locations": 1, "POST /v1/jobs": 5})},
		{"no-op", five, list},
		{"one update", changed, plus(map[string]int{"PATCH /v1/jobs/{id}": 1})},
		{"one close", changed[:4], plus(map[string]int{"PATCH /v1/jobs/{id}": 1})},
		{"one reopen", changed, plus(map[string]int{"PATCH /v1/jobs/{id}": 1})},
		{"one create", append(changed, atstest.SamplePosting(5, 0)), plus(map[string]int{"GET /v1/jobs": 1, "POST /v1/jobs": 1})},
	} {
		skip := len(sim.Requests())
		atstest.SyncTo(t, b, step.desired)
		if got := routes(sim, skip); !maps.Equal(got, step.want) {
			t.Errorf("%s: %s\nwant %s", step.name, atstest.ShowCounts(got), atstest.ShowCounts(step.want))
		}
	}
}

// Pages of 30, the API's largest: 75 jobs are three pages, and a no-op
// sync of them makes exactly those three requests.
func TestListPagesByThirty(t *testing.T) {
	t.Parallel()
	for _, n := range []int{0, 29, 30, 31, 75} {
		sim := fastSim(teamtailorsim.Options{Empty: true})
		for range n {
			sim.AddHumanJob(teamtailorsim.HumanJob{Title: "Job", Body: "<p>By hand.</p>"})
		}
		b := newBoard(t, sim, teamtailor.Options{})
		rs, err := b.List(t.Context())
		if err != nil {
			t.Fatal(err)
		}
		pages := max((n+29)/30, 1)
		if got := routes(sim, 0); len(rs) != n || got["GET /v1/jobs"] != pages || len(got) != 1 {
			t.Errorf("%d jobs: listed %d with %s, want %d pages", n, len(rs), atstest.ShowCounts(got), pages)
		}
	}
}

// updateFloor is the requests an update takes: one PATCH (see
// TestRequestCounts).
const updateFloor = 1

// The figures BenchmarkRequests reports, held: 20 postings on an empty
// account. A no-op sync is the one page of jobs; a create one POST, plus
// the departments and locations read once (no job listed names them) and
// the List after a run that created, spread over the 20; an update
// updateFloor.
func TestRequestsPerSync(t *testing.T) {
	t.Parallel()
	sim := fastSim(teamtailorsim.Options{Empty: true})
	got, err := atstest.CountRequests(t.Context(), newBoard(t, sim, teamtailor.Options{}), func() int { return len(sim.Requests()) }, 20)
	if err != nil {
		t.Fatal(err)
	}
	if want := (atstest.Requests{Noop: 1, Create: 1 + (2.0+1)/20, Update: updateFloor}); got != want {
		t.Errorf("requests %+v, want %+v", got, want)
	}
}
