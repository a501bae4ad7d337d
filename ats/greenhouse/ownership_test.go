package greenhouse

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"strconv"
	"testing"

	"github.com/jobsync/jobsync/ats"
	"github.com/jobsync/jobsync/ats/atshttp"
	"github.com/jobsync/jobsync/ats/greenhouse/greenhousesim"
	"github.com/jobsync/jobsync/posting"
)

// A person takes a job over by clearing jobsync's marker field (keeping the
// job's other custom fields) and rewriting the post. jobsync must leave it
// alone: not list it as owned, not Close or Update it.
func TestMarkerRemovedReleasesTheJob(t *testing.T) {
	ctx := context.Background()
	e := setup(t, greenhousesim.Options{}, nil)
	p, r, pid := e.createOne(t)
	jobID, _ := e.board.jobOf(pid)

	// The person: clear the marker (PATCH replaces the whole list; send the
	// other values only), and edit the post's words.
	var j job
	for _, sj := range e.sim.Jobs() {
		if sj.ID == jobID {
			b, _ := json.Marshal(sj)
			_ = json.Unmarshal(b, &j)
		}
	}
	var keep []customFieldWrite
	for k, raw := range j.CustomFields {
		if k == markerNameKey {
			continue
		}
		keep = append(keep, customFieldWrite{NameKey: k, Value: fieldValue(raw)})
	}
	if err := e.board.c.do(ctx, atshttp.Idempotent, http.MethodPatch, jobRoute(jobID), patchJobRequest{CustomFields: keep}, nil); err != nil {
		t.Fatal(err)
	}
	if err := e.sim.EditPostContent(pid, "<p>Rewritten by a recruiter; no longer jobsync's.</p>"); err != nil {
		t.Fatal(err)
	}

	rs := e.mustList(t)
	plan := ats.NewPlan("greenhouse", []posting.Posting{p}, rs, ats.PlanOptions{})
	for _, a := range plan.Actions {
		if a.RemoteID == r.ID && a.Op != ats.OpUnchanged {
			t.Errorf("plan (no --overwrite-drift) would %s the recruiter's post %s", a.Op, r.ID)
		}
	}
	for _, rr := range rs {
		if rr.ID == r.ID && rr.Owned {
			t.Errorf("List: post %s whose marker was removed is still Owned (key %q hash %q drifted %v)", rr.ID, rr.Key, rr.Hash, rr.Drifted)
		}
	}
	if err := e.board.Close(ctx, r.ID); !errors.Is(err, ats.ErrNotOwned) {
		t.Errorf("Close of a job whose marker was removed: err = %v, want ErrNotOwned", err)
	}
	for _, sp := range e.sim.Posts() {
		if sp.ID == pid && !sp.Live {
			t.Errorf("post %d was unpublished by jobsync after its marker was removed", pid)
		}
	}
}

// A recruiter copies one of jobsync's jobs to open a similar role (the
// simulator's POST /jobs copies custom fields, as Greenhouse's "copy job" may).
// The copy carries jobsync's marker, but it is not jobsync's: List must not
// report it owned, or the plan would close the recruiter's post as a
// duplicate.
func TestCopyOfOurJobIsNotOurs(t *testing.T) {
	ctx := context.Background()
	e := setup(t, greenhousesim.Options{}, nil)
	p, _, pid := e.createOne(t)
	ourJob, _ := e.board.jobOf(pid)

	// The recruiter's copy, published with their own words.
	var copyJob job
	req := createJobRequest{TemplateJobID: ourJob, NumberOfOpenings: 1, JobName: "Staff PM (Berlin)", JobPostName: "Staff PM, Berlin"}
	if err := e.board.c.do(ctx, atshttp.Create, http.MethodPost, routeJobs, req, &copyJob); err != nil {
		t.Fatal(err)
	}
	var theirPost int64
	for _, sp := range e.sim.Posts() {
		if sp.JobID == copyJob.ID && !sp.Internal {
			theirPost = sp.ID
		}
	}
	content, title := "<p>Our Berlin team.</p>", "Staff PM, Berlin"
	if err := e.board.c.do(ctx, atshttp.Idempotent, http.MethodPatch, postRoute(theirPost), patchPostRequest{Title: &title, Content: &content, JobApplicationStatus: statusLive}, nil); err != nil {
		t.Fatal(err)
	}

	rs := e.mustList(t)
	for _, rr := range rs {
		if rr.ID == strconv.FormatInt(theirPost, 10) && rr.Owned {
			t.Errorf("the recruiter's copy (job %d, post %d) is listed as owned, key %s", copyJob.ID, theirPost, rr.Key)
		}
	}
	plan := ats.NewPlan("greenhouse", []posting.Posting{p}, rs, ats.PlanOptions{})
	for _, a := range plan.Actions {
		if a.RemoteID == strconv.FormatInt(theirPost, 10) && a.Op != ats.OpUnchanged {
			t.Errorf("plan %s the recruiter's post %d (reason %q)", a.Op, theirPost, a.Reason)
		}
	}
}
