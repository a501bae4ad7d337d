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

// Issue 18, finding 1: a person adds jobsync's key tag to their own
// posting, or copies both of jobsync's tags onto it. Neither proves a
// claim: the key is a conflict, and even with --overwrite-drift and
// --allow-mass-close jobsync writes neither its own posting nor the
// person's.
func TestCopiedTagsClaimNothing(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		tags func(ours []string) []string
	}{
		{"the key tag alone", func(ours []string) []string { return ours[:1] }},
		{"both tags copied", func(ours []string) []string { return ours }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			e := newEnv(t, leversim.Options{}, nil)
			p := atstest.SamplePosting(0, 0)
			e.sync(t, []posting.Posting{p})
			var ours leversim.Posting
			for _, sp := range e.sim.Postings() {
				if readTags(sp.Tags).Key == p.Key {
					ours = sp
				}
			}
			theirs := e.sim.AddHumanPosting(leversim.HumanPosting{Title: "Staff PM, Berlin", DescriptionHTML: "<div>Our Berlin team.</div>",
				Tags: tc.tags(ours.Tags)})
			before := e.sim.Postings()

			edited := p
			edited.Title += " (edited)"
			edited.Hash = edited.ContentHash()
			plans, err := ats.Sync(t.Context(), ats.Targets(e.board), []posting.Posting{edited}, ats.RunOptions{
				OverwriteDrift: true, Guards: ats.Guards{AllowMassClose: true},
			}, ats.ApplyOptions{})
			if !errors.Is(err, ats.ErrConflict) {
				t.Errorf("sync: err = %v, want ErrConflict", err)
			}
			if s := plans[0].Summary(); s.Conflict != 2 || s.Create+s.Update+s.Close != 0 {
				t.Errorf("plan %+v, want 2 conflicts and nothing written", s)
			}
			if after := e.sim.Postings(); !reflect.DeepEqual(before, after) {
				t.Errorf("a posting was written (the person's is %s)", theirs)
			}
		})
	}
}
