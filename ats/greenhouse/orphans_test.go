package greenhouse

import (
	"bytes"
	"context"
	"net/http"
	"testing"

	"github.com/jobsync/jobsync/ats"
	"github.com/jobsync/jobsync/ats/atshttp"
	"github.com/jobsync/jobsync/ats/greenhouse/greenhousesim"
	"github.com/jobsync/jobsync/posting"
)

// copyTemplate makes a job from the template named name, as a person (or
// jobsync's POST /jobs) would, and returns its id.
func (e *env) copyTemplate(t *testing.T, name string) int64 {
	t.Helper()
	var j job
	req := createJobRequest{TemplateJobID: e.sim.TemplateJobID(), NumberOfOpenings: 1, JobName: name, JobPostName: "Office Manager"}
	if err := e.board.c.do(context.Background(), atshttp.Create, http.MethodPost, routeJobs, req, &j); err != nil {
		t.Fatal(err)
	}
	return j.ID
}

// Issue 18, weak claims: a job copied from the template whose name carries
// jobsync's tag without a creation nonce (typed by a person, or copied
// from a name of before) proves no claim. Before, it was an orphan of
// jobsync's: adopted and rewritten. Now its key is a conflict, and nothing
// is written to it, with --overwrite-drift either.
func TestOrphanTagWithoutNonceProvesNothing(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	e := setup(t, greenhousesim.Options{}, nil)
	p := samples(1)[0]
	id := e.copyTemplate(t, "Office Manager [jobsync:"+p.Key+"]")
	before := e.sim.Snapshot(id)
	plan := ats.NewPlan("greenhouse", []posting.Posting{p}, e.mustList(t), ats.PlanOptions{OverwriteDrift: true})
	if op := opOf(plan, p.Key); op != ats.OpConflict {
		t.Errorf("a tag without a nonce: the plan says %s, want conflict", op)
	}
	_, _ = ats.Sync(ctx, ats.Targets(e.board), []posting.Posting{p}, ats.RunOptions{OverwriteDrift: true, Guards: ats.Guards{AllowMassClose: true}}, ats.ApplyOptions{})
	if after := e.sim.Snapshot(id); !bytes.Equal(before, after) {
		t.Errorf("the job with the tag was written:\n%s\nwant\n%s", after, before)
	}
}

// An orphan's tag names its owner as the marker does: another config's
// interrupted create is that config's, not the default owner's.
func TestOrphanOfAnotherOwnerIsTheirs(t *testing.T) {
	t.Parallel()
	e := setup(t, greenhousesim.Options{}, nil)
	p := samples(1)[0]
	p.Owner = "team-b"
	e.copyTemplate(t, jobName(p, "0123456789ab"))
	rs := e.mustList(t)
	r := owned(rs)[p.Key]
	if r.Owner != "team-b" || r.Claim != "n=0123456789ab" || r.Unproved || r.Hash != ats.PendingHash {
		t.Fatalf("the orphan of team-b's create: %+v", r)
	}
	plan := ats.NewPlan("greenhouse", []posting.Posting{samples(1)[0]}, rs, ats.PlanOptions{})
	if s := plan.Summary(); s.OtherOwners != 1 || s.Create != 1 {
		t.Errorf("for the default owner: %+v, want team-b's orphan left to it and a create", s)
	}
}
