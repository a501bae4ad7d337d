package lever

import (
	"errors"
	"net/http"
	"reflect"
	"strings"
	"testing"

	"github.com/jobsync/jobsync/ats"
	"github.com/jobsync/jobsync/ats/atstest"
	"github.com/jobsync/jobsync/ats/lever/leversim"
	"github.com/jobsync/jobsync/posting"
)

func TestHumanPostingsUntouched(t *testing.T) {
	t.Parallel()
	e := newEnv(t, leversim.Options{}, nil)
	before := e.sim.Postings()
	desired := atstest.SamplePostings(5)
	desired[0].Title = "Senior Product Manager" // the title of a human-made posting
	desired[0].Hash = desired[0].ContentHash()
	plan := e.sync(t, desired)
	if len(plan.Warnings) == 0 {
		t.Errorf("no warning for a desired title equal to an unmanaged posting's")
	}
	e.sync(t, desired[:2]) // closes three
	desired[1].Title += " (new)"
	desired[1].Hash = desired[1].ContentHash()
	e.sync(t, desired[:2]) // updates one

	after := map[string]leversim.Posting{}
	for _, p := range e.sim.Postings() {
		after[p.ID] = p
	}
	for _, p := range before {
		if got, ok := after[p.ID]; !ok || !reflect.DeepEqual(got, p) {
			t.Errorf("human-made posting %q changed:\nbefore %+v\nafter  %+v", p.Text, p, got)
		}
	}
	for _, r := range e.sim.Requests() {
		for _, p := range before {
			if r.Method == http.MethodPost && strings.HasSuffix(r.Path, "/"+p.ID) {
				t.Errorf("a write to human-made posting %q: %+v", p.Text, r)
			}
		}
	}
	if d := e.sim.Duplicates(keyTagPrefix); len(d) > 0 {
		t.Errorf("duplicates: %v", d)
	}
}

// TestKeyTagRemoved: a posting whose key tag a person removed is no longer
// jobsync's: listed unowned, never written, and the next sync creates a new
// posting for the key.
func TestKeyTagRemoved(t *testing.T) {
	t.Parallel()
	e := newEnv(t, leversim.Options{Empty: true}, nil)
	p := atstest.SamplePosting(0, 0)
	r, err := e.board.Create(t.Context(), p)
	if err != nil {
		t.Fatal(err)
	}
	if err := e.sim.EditPosting(r.ID, leversim.Edit{RemoveTags: []string{keyTag(p.Key)}, AddTags: []string{"taken over"}}); err != nil {
		t.Fatal(err)
	}
	before, _ := e.sim.Posting(r.ID)
	rs, err := e.board.List(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if len(rs) != 1 || rs[0].Owned {
		t.Fatalf("listed %+v, want one unowned posting", rs)
	}
	if _, err := e.board.Update(t.Context(), r.ID, p); !errors.Is(err, ats.ErrNotOwned) {
		t.Errorf("update of the unowned posting: %v, want ErrNotOwned", err)
	}
	if err := e.board.Close(t.Context(), r.ID); !errors.Is(err, ats.ErrNotOwned) {
		t.Errorf("close of the unowned posting: %v, want ErrNotOwned", err)
	}
	plan := e.sync(t, []posting.Posting{p})
	if s := plan.Summary(); s.Create != 1 || s.Unmanaged != 1 || len(plan.Warnings) == 0 {
		t.Errorf("plan %+v warnings %q, want one create, one unmanaged and a duplicate warning", s, plan.Warnings)
	}
	if after, _ := e.sim.Posting(r.ID); !reflect.DeepEqual(after, before) {
		t.Errorf("the unowned posting changed:\n%+v\n%+v", before, after)
	}
}

// TestMarkerTagRemoved: with the key tag but no marker tag the posting stays
// jobsync's, but nothing proves its text: it is listed drifted.
func TestMarkerTagRemoved(t *testing.T) {
	t.Parallel()
	e := newEnv(t, leversim.Options{Empty: true}, nil)
	p := atstest.SamplePosting(0, 0)
	r, err := e.board.Create(t.Context(), p)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := e.sim.Posting(r.ID)
	if err := e.sim.EditPosting(r.ID, leversim.Edit{RemoveTags: got.Tags[1:]}); err != nil {
		t.Fatal(err)
	}
	rs, err := e.board.List(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if len(rs) != 1 || !rs[0].Owned || rs[0].Key != p.Key || !rs[0].Drifted || rs[0].Hash != "" {
		t.Fatalf("listed %+v, want owned, drifted, without hash", rs)
	}
}
