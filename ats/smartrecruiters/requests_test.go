package smartrecruiters_test

import (
	"maps"
	"testing"

	"github.com/jobsync/jobsync/ats/atstest"
	"github.com/jobsync/jobsync/ats/smartrecruiters"
	"github.com/jobsync/jobsync/ats/smartrecruiters/smartrecruiterssim"
	"github.com/jobsync/jobsync/posting"
)

// The requests each kind of sync makes, counted by the simulator's
// recorder. The floor for List is the API's: ceil(J/100) pages of GET
// /jobs for J jobs, then one GET /jobs/{id} each, since only a job's record
// holds its properties (the marker) and its ad (drift). A create is three
// requests: the job, its publication, and the marker bound to the job's id
// (the id is known only from the create's answer; unbound, a copy of the
// marker could pass for the job) and open. An update is one PATCH; a close
// two, the marker (state=closed, so that a job a person unpublishes is
// told from one jobsync closed) and the unpublication; a reopen three, the
// patch, the publication and the marker's state open. The ownership check
// that keeps jobsync off jobs it does not own is made on the job List read
// moments before. The test fails when a count grows.
func TestRequestCounts(t *testing.T) {
	t.Parallel()
	sim := fastSim(smartrecruiterssim.Options{}) // three jobs people made, one with text in the marker field
	b := newBoard(t, sim, true, smartrecruiters.Options{})
	five := atstest.SamplePostings(5)
	list := func(jobs int) map[string]int { return map[string]int{"GET /jobs": 1, "GET /jobs/{id}": jobs} }
	plus := func(a map[string]int, more map[string]int) map[string]int {
		out := maps.Clone(a)
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
		// A run that created lists again (or finds a few keys) to close the
		// duplicates of a run at the same time (ats/settle.go).
		{"first sync: 5 creates", five, plus(plus(list(3), list(8)), map[string]int{"POST /jobs": 5, "POST /jobs/{id}/publication": 5, "PATCH /jobs/{id}": 5})},
		{"no-op", five, list(8)},
		{"one update", changed, plus(list(8), map[string]int{"PATCH /jobs/{id}": 1})},
		{"one close", changed[:4], plus(list(8), map[string]int{"PATCH /jobs/{id}": 1, "DELETE /jobs/{id}/publication": 1})},
		{"one reopen", changed, plus(list(8), map[string]int{"PATCH /jobs/{id}": 2, "POST /jobs/{id}/publication": 1})},
		{"one create", append(changed, atstest.SamplePosting(5, 0)), plus(plus(list(8), list(1)), map[string]int{"POST /jobs": 1, "POST /jobs/{id}/publication": 1, "PATCH /jobs/{id}": 1})},
	} {
		skip := len(sim.Requests())
		syncTo(t, b, step.desired)
		if got := routes(sim, skip); !maps.Equal(got, step.want) {
			t.Errorf("%s: %s\nwant %s", step.name, show(got), show(step.want))
		}
	}
}

// A company none of whose jobs shows the marker field yet: the first
// create reads the job properties once to find the field's id, and no
// create after it does.
func TestMarkerFieldIsLookedUpOnce(t *testing.T) {
	t.Parallel()
	sim := fastSim(smartrecruiterssim.Options{Empty: true})
	b := newBoard(t, sim, true, smartrecruiters.Options{})
	syncTo(t, b, atstest.SamplePostings(3))
	// Then each key found (a page, and the job with its title), for the
	// duplicates of a run at the same time.
	want := map[string]int{"GET /jobs": 1 + 3, "GET /jobs/{id}": 3, "GET /configuration/job-properties": 1, "POST /jobs": 3, "POST /jobs/{id}/publication": 3, "PATCH /jobs/{id}": 3}
	if got := routes(sim, 0); !maps.Equal(got, want) {
		t.Errorf("first sync: %s\nwant %s", show(got), show(want))
	}
	// A new board (a new run) learns the id from the jobs it lists.
	b = newBoard(t, sim, true, smartrecruiters.Options{})
	skip := len(sim.Requests())
	syncTo(t, b, atstest.SamplePostings(4))
	want = map[string]int{"GET /jobs": 1 + 1, "GET /jobs/{id}": 3 + 1, "POST /jobs": 1, "POST /jobs/{id}/publication": 1, "PATCH /jobs/{id}": 1}
	if got := routes(sim, skip); !maps.Equal(got, want) {
		t.Errorf("second run: %s\nwant %s", show(got), show(want))
	}
}

// Pages of 100: 230 jobs are three pages and 230 reads.
func TestListPagesByHundred(t *testing.T) {
	t.Parallel()
	sim := fastSim(smartrecruiterssim.Options{Empty: true})
	for i := range 230 {
		sim.AddHumanJob("Job " + string(rune('A'+i%26)))
	}
	b := newBoard(t, sim, true, smartrecruiters.Options{})
	rs, err := b.List(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]int{"GET /jobs": 3, "GET /jobs/{id}": 230}
	if got := routes(sim, 0); len(rs) != 230 || !maps.Equal(got, want) {
		t.Errorf("listed %d of 230 with %s, want %s", len(rs), show(got), show(want))
	}
}
