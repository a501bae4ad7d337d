package lever

import (
	"errors"
	"reflect"
	"testing"

	"github.com/jobsync/jobsync/ats"
	"github.com/jobsync/jobsync/ats/atstest"
	"github.com/jobsync/jobsync/ats/lever/leversim"
	"github.com/jobsync/jobsync/posting"
)

// Issue 18, finding 3: a posting a person closed, or moved to the internal
// job site only, under a marker that says jobsync left it published, is
// drift: the next sync reports it and does not publish it again. A posting
// jobsync closed (its close rewrites the marker to state=closed, in the
// same request) is reopened when its key is desired again.
func TestPeoplesCloseIsDrift(t *testing.T) {
	t.Parallel()
	e := newEnv(t, leversim.Options{Empty: true}, nil)
	ps := atstest.SamplePostings(3)
	e.sync(t, ps)
	e.sync(t, ps[:2]) // jobsync closes the third
	ids := map[string]string{}
	for _, sp := range e.sim.Postings() {
		ids[readTags(sp.Tags).Key] = sp.ID
	}
	for i, state := range []string{"closed", "internal"} {
		if err := e.sim.EditPosting(ids[ps[i].Key], leversim.Edit{State: state}); err != nil {
			t.Fatal(err)
		}
	}
	before0, _ := e.sim.Posting(ids[ps[0].Key])
	before1, _ := e.sim.Posting(ids[ps[1].Key])

	plans, err := ats.Sync(t.Context(), ats.Targets(e.board), ps, ats.RunOptions{Guards: ats.Guards{AllowMassClose: true}}, ats.ApplyOptions{})
	if !errors.Is(err, ats.ErrDrift) {
		t.Errorf("sync: err = %v, want ErrDrift", err)
	}
	ops := map[string]ats.Op{}
	for _, a := range plans[0].Actions {
		ops[a.Key] = a.Op
	}
	if ops[ps[0].Key] != ats.OpDrift || ops[ps[1].Key] != ats.OpDrift || ops[ps[2].Key] != ats.OpUpdate {
		t.Errorf("plan: closed by a person %s, internal by a person %s, closed by jobsync %s; want drift, drift, update",
			ops[ps[0].Key], ops[ps[1].Key], ops[ps[2].Key])
	}
	if after, _ := e.sim.Posting(ids[ps[0].Key]); !reflect.DeepEqual(after, before0) {
		t.Errorf("the posting a person closed was written: state %s", after.State)
	}
	if after, _ := e.sim.Posting(ids[ps[1].Key]); !reflect.DeepEqual(after, before1) {
		t.Errorf("the posting a person made internal was written: state %s", after.State)
	}
	if got, _ := e.sim.Posting(ids[ps[2].Key]); got.State != statePublished {
		t.Errorf("the posting jobsync closed is %s, want published again", got.State)
	}
}

// Issue 18, weak claims: a create binds its marker to the posting's id, so
// that a copy of its tags on a person's posting claims nothing, even once
// the original no longer carries them. Before, the marker held only the
// creation nonce until the posting's first update, and the copy was taken
// for jobsync's posting and closed.
func TestCopiedTagsOfAnUnboundCreate(t *testing.T) {
	t.Parallel()
	e := newEnv(t, leversim.Options{Empty: true}, nil)
	p := atstest.SamplePosting(0, 0)
	e.sync(t, []posting.Posting{p})
	ours := e.sim.Postings()[0]
	if m := readTags(ours.Tags); m.ID != ours.ID {
		t.Errorf("the marker after a create is bound to %q, want the posting's id %s", m.ID, ours.ID)
	}
	theirs := e.sim.AddHumanPosting(leversim.HumanPosting{Title: "Staff PM, Berlin", DescriptionHTML: "<div>Our Berlin team.</div>", Tags: ours.Tags})
	if err := e.sim.EditPosting(ours.ID, leversim.Edit{RemoveTags: ours.Tags, AddTags: []string{"taken over"}}); err != nil {
		t.Fatal(err)
	}
	before, _ := e.sim.Posting(theirs)

	plans, err := ats.Sync(t.Context(), ats.Targets(e.board), nil, ats.RunOptions{
		OverwriteDrift: true, Guards: ats.Guards{AllowMassClose: true},
	}, ats.ApplyOptions{})
	if !errors.Is(err, ats.ErrConflict) {
		t.Errorf("sync: err = %v, want ErrConflict", err)
	}
	if s := plans[0].Summary(); s.Conflict != 1 || s.Close != 0 {
		t.Errorf("plan %+v, want one conflict and no close", s)
	}
	if after, _ := e.sim.Posting(theirs); !reflect.DeepEqual(after, before) {
		t.Errorf("the person's posting was written: state %s", after.State)
	}
}
