package ashby_test

import (
	"bytes"
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/jobsync/jobsync/ats"
	"github.com/jobsync/jobsync/ats/ashby"
	"github.com/jobsync/jobsync/ats/ashby/ashbysim"
	"github.com/jobsync/jobsync/ats/atstest"
	"github.com/jobsync/jobsync/posting"
)

// Issue 18, finding 3: what a person does to a posting jobsync left
// published is drift, reported and not overwritten or published again: an
// unpublished posting, a closed job, other locations, another department.
// A posting jobsync closed (its close marks the marker state=closed) is
// published again when its key is desired again.
func TestPeoplesEditsAreDrift(t *testing.T) {
	t.Parallel()
	sim := fastSim(ashbysim.Options{Empty: true})
	ps := atstest.SamplePostings(5)
	syncTo(t, newBoard(t, sim, ashby.Options{}), ps)
	syncTo(t, newBoard(t, sim, ashby.Options{}), ps[:4]) // jobsync closes the fifth
	ids := postingIDs(t, sim)
	draft, berlin, people := "Draft", []string{"Berlin"}, "People"
	for i, e := range []ashbysim.Edit{{Status: &draft}, {}, {Locations: berlin}, {Department: &people}} {
		if i == 1 {
			closeJob(t, sim, jobOf(t, sim, ids[ps[i].Key]))
			continue
		}
		if err := sim.EditPosting(ids[ps[i].Key], e); err != nil {
			t.Fatal(err)
		}
	}
	var before [4][]byte
	for i := range before {
		before[i] = sim.Snapshot(ids[ps[i].Key])
	}

	plans, err := ats.Sync(t.Context(), ats.Targets(newBoard(t, sim, ashby.Options{})), ps, ats.RunOptions{Guards: ats.Guards{AllowMassClose: true}}, ats.ApplyOptions{})
	if !errors.Is(err, ats.ErrDrift) {
		t.Errorf("sync: err = %v, want ErrDrift", err)
	}
	ops := map[string]ats.Op{}
	for _, a := range plans[0].Actions {
		ops[a.Key] = a.Op
	}
	for i, what := range []string{"unpublished by a person", "its job closed by a person", "moved to Berlin by a person", "moved to People by a person"} {
		if ops[ps[i].Key] != ats.OpDrift {
			t.Errorf("%s: %s, want drift", what, ops[ps[i].Key])
		}
		if after := sim.Snapshot(ids[ps[i].Key]); !bytes.Equal(after, before[i]) {
			t.Errorf("%s: written", what)
		}
	}
	if ops[ps[4].Key] != ats.OpUpdate {
		t.Errorf("closed by jobsync: %s, want update (reopen)", ops[ps[4].Key])
	}
	if got, _ := sim.Posting(ids[ps[4].Key]); got.Status != "Published" {
		t.Errorf("closed by jobsync, then desired: %s, want Published", got.Status)
	}
	// Overwritten on request, and then at rest.
	o := ats.RunOptions{OverwriteDrift: true, Guards: ats.Guards{AllowMassClose: true}}
	if _, err := ats.Sync(t.Context(), ats.Targets(newBoard(t, sim, ashby.Options{})), ps, o, ats.ApplyOptions{}); err != nil {
		t.Fatalf("sync --overwrite-drift: %v", err)
	}
	if plan := syncTo(t, newBoard(t, sim, ashby.Options{}), ps); plan.HasChanges() {
		t.Errorf("after overwriting: %d writes planned, want none", len(plan.Writes()))
	}
}

// Issue 18, finding 2: an update cut short after its content write leaves
// the pending marker, which keeps the fingerprint of the text before the
// write and holds the new one as next. A person's edit made before the
// next sync matches neither: it is drift, not overwritten.
func TestInterruptedUpdateKeepsAPersonsEdit(t *testing.T) {
	t.Parallel()
	sim := fastSim(ashbysim.Options{Empty: true})
	id, changed := cutUpdate(t, sim)
	title := "Product Manager, edited by a person"
	if err := sim.EditPosting(id, ashbysim.Edit{Title: &title}); err != nil {
		t.Fatal(err)
	}
	_, err := ats.Sync(t.Context(), ats.Targets(newBoard(t, sim, ashby.Options{})), []posting.Posting{changed}, ats.RunOptions{}, ats.ApplyOptions{})
	if !errors.Is(err, ats.ErrDrift) {
		t.Errorf("sync after a person's edit of a posting left pending: err = %v, want ErrDrift", err)
	}
	if got, _ := sim.Posting(id); got.Title != title {
		t.Errorf("title %q: the person's edit was overwritten", got.Title)
	}
}

// postingIDs maps each marker key to the id of the posting carrying it.
func postingIDs(t testing.TB, sim *ashbysim.Server) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, p := range sim.Postings() {
		for _, f := range p.CustomFields {
			if s, ok := f.Value.(string); ok {
				if m, ok := ats.ParseMarker(s); ok {
					out[m.Key] = p.ID
				}
			}
		}
	}
	return out
}

// jobOf is the id of posting id's job.
func jobOf(t testing.TB, sim *ashbysim.Server, id string) string {
	t.Helper()
	p, ok := sim.Posting(id)
	if !ok {
		t.Fatalf("no posting %s", id)
	}
	return p.JobID
}

// failEvery fails every request to method before it reaches the
// simulator: a run killed at that step, whatever the engine tries next.
type failEvery struct {
	next   http.RoundTripper
	method string
}

func (f failEvery) RoundTrip(r *http.Request) (*http.Response, error) {
	if strings.TrimPrefix(r.URL.Path, "/") == f.method {
		return nil, errors.New("injected: connection refused")
	}
	return f.next.RoundTrip(r)
}

// Writes cut short at the step between a marker and a status change (a
// run killed there) never read as a person's close: a create whose
// publishing failed leaves its draft under the pending marker, not
// state=open, and a close whose unpublishing failed leaves the posting
// published under state=closed. The next sync completes either, with
// nothing reported as drift.
func TestCutShortStatusChangesAreNotDrift(t *testing.T) {
	t.Parallel()
	sim := fastSim(ashbysim.Options{Empty: true})
	p := atstest.SamplePosting(0, 0)
	o := ashby.Options{HTTP: fastHTTP(sim)}
	o.HTTP.RetryMax = -1
	o.HTTP.Transport = failEvery{next: atstest.InMemory(sim), method: "jobPosting.setStatus"}
	cut := newBoard(t, sim, o)
	opts := ats.RunOptions{Guards: ats.Guards{AllowMassClose: true}}
	next := func(what string, desired []posting.Posting) {
		t.Helper()
		plans, err := ats.Sync(t.Context(), ats.Targets(newBoard(t, sim, ashby.Options{})), desired, opts, ats.ApplyOptions{})
		if err != nil || plans[0].Summary().Drift != 0 {
			t.Fatalf("%s cut short, the next sync: %v, %+v; want it completed, no drift", what, err, plans[0].Summary())
		}
		if plan := syncTo(t, newBoard(t, sim, ashby.Options{}), desired); plan.HasChanges() {
			t.Errorf("%s cut short: not converged after one more sync: %+v", what, plan.Summary())
		}
	}

	if _, err := cut.Create(t.Context(), p); err == nil {
		t.Fatal("the create's publishing did not fail")
	}
	next("a create", []posting.Posting{p})
	rs, err := cut.List(t.Context())
	if err != nil || len(rs) != 1 {
		t.Fatalf("list: %v, %d postings", err, len(rs))
	}
	if err := cut.Close(t.Context(), rs[0].ID); err == nil {
		t.Fatal("the close's unpublishing did not fail")
	}
	next("a close", nil)
	if ps := sim.Postings(); len(ps) != 1 || ps[0].Status != "Draft" {
		t.Errorf("postings %+v, want the one, closed", ps)
	}
}

// A close cut short after its marker leaves the posting published under
// state=closed. Should its key be desired again before the close is
// completed, that is jobsync's write in progress: the next sync brings
// the marker back to state=open, so that a person's later unpublishing
// is drift again (before, the posting read as unchanged, and a person's
// unpublishing under state=closed was taken for jobsync's and undone).
func TestCutShortCloseOfADesiredPosting(t *testing.T) {
	t.Parallel()
	sim := fastSim(ashbysim.Options{Empty: true})
	p := atstest.SamplePosting(0, 0)
	syncTo(t, newBoard(t, sim, ashby.Options{}), []posting.Posting{p})
	o := ashby.Options{HTTP: fastHTTP(sim)}
	o.HTTP.RetryMax = -1
	o.HTTP.Transport = failEvery{next: atstest.InMemory(sim), method: "jobPosting.setStatus"}
	cut := newBoard(t, sim, o)
	rs, err := cut.List(t.Context())
	if err != nil || len(rs) != 1 {
		t.Fatalf("list: %v, %d postings", err, len(rs))
	}
	if err := cut.Close(t.Context(), rs[0].ID); err == nil {
		t.Fatal("the close's unpublishing did not fail")
	}
	syncTo(t, newBoard(t, sim, ashby.Options{}), []posting.Posting{p})
	draft := "Draft"
	if err := sim.EditPosting(rs[0].ID, ashbysim.Edit{Status: &draft}); err != nil {
		t.Fatal(err)
	}
	plans, err := ats.Sync(t.Context(), ats.Targets(newBoard(t, sim, ashby.Options{})), []posting.Posting{p}, ats.RunOptions{}, ats.ApplyOptions{})
	if !errors.Is(err, ats.ErrDrift) {
		t.Errorf("a person's unpublishing after the close was resumed: %v, %+v; want drift", err, plans[0].Summary())
	}
}
