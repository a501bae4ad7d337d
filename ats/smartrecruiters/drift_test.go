package smartrecruiters_test

import (
	"context"
	"errors"
	"slices"
	"testing"

	"github.com/jobsync/jobsync/ats"
	"github.com/jobsync/jobsync/ats/atstest"
	"github.com/jobsync/jobsync/ats/smartrecruiters"
	"github.com/jobsync/jobsync/ats/smartrecruiters/smartrecruiterssim"
	"github.com/jobsync/jobsync/posting"
)

// planOf lists b and plans desired on it.
func planOf(t *testing.T, b ats.Board, desired []posting.Posting, overwrite bool) ats.Plan {
	t.Helper()
	rs, err := b.List(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	return ats.NewPlan(b.Name(), desired, rs, ats.PlanOptions{OverwriteDrift: overwrite})
}

// opFor is the plan's action on key.
func opFor(p ats.Plan, key string) ats.Op {
	for _, a := range p.Actions {
		if a.Key == key {
			return a.Op
		}
	}
	return ""
}

// syncErr is one sync of desired, closes allowed, and its error.
func syncErr(b ats.Board, desired []posting.Posting, overwrite bool) error {
	_, err := ats.Sync(context.Background(), ats.Targets(b), desired, ats.RunOptions{OverwriteDrift: overwrite, Guards: ats.Guards{AllowMassClose: true}}, ats.ApplyOptions{})
	return err
}

// jobOf is the job of the only owned posting of b with key.
func jobOf(t *testing.T, sim *smartrecruiterssim.Server, b ats.Board, key string) smartrecruiterssim.Job {
	t.Helper()
	rs, err := b.List(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rs {
		if r.Owned && r.Key == key {
			j, _ := sim.Job(r.ID)
			return j
		}
	}
	t.Fatalf("no posting of %s", key)
	return smartrecruiterssim.Job{}
}

// Issue 18, finding 3: a person moves jobsync's job to another city. The
// plan reports drift, a sync leaves the location as the person made it,
// and --overwrite-drift writes it back.
func TestLocationEditIsDrift(t *testing.T) {
	t.Parallel()
	sim := fastSim(smartrecruiterssim.Options{Empty: true})
	b := newBoard(t, sim, true, smartrecruiters.Options{})
	p := atstest.SamplePosting(0, 0)
	syncTo(t, b, []posting.Posting{p})
	j := jobOf(t, sim, b, p.Key)
	written := j.Location
	if err := sim.EditJob(j.ID, func(j *smartrecruiterssim.Job) { j.Location.City = "Munich" }); err != nil {
		t.Fatal(err)
	}
	if op := opFor(planOf(t, b, []posting.Posting{p}, false), p.Key); op != ats.OpDrift {
		t.Fatalf("after a person moved the job the plan says %s, want drift", op)
	}
	if err := syncErr(b, []posting.Posting{p}, false); !errors.Is(err, ats.ErrDrift) {
		t.Fatalf("sync: %v, want drift", err)
	}
	if got, _ := sim.Job(j.ID); got.Location.City != "Munich" {
		t.Errorf("a sync without --overwrite-drift moved the job to %q", got.Location.City)
	}
	if err := syncErr(b, []posting.Posting{p}, true); err != nil {
		t.Fatal(err)
	}
	if got, _ := sim.Job(j.ID); got.Location != written {
		t.Errorf("after --overwrite-drift the location is %+v, want %+v", got.Location, written)
	}
	if op := opFor(planOf(t, b, []posting.Posting{p}, false), p.Key); op != ats.OpUnchanged {
		t.Errorf("after --overwrite-drift the plan says %s, want unchanged", op)
	}
}

// A department a person gives jobsync's job is theirs: jobsync writes no
// department on SmartRecruiters, so it is no drift and is never cleared.
func TestDepartmentIsAPersons(t *testing.T) {
	t.Parallel()
	sim := fastSim(smartrecruiterssim.Options{Empty: true})
	b := newBoard(t, sim, true, smartrecruiters.Options{})
	p := atstest.SamplePosting(0, 0)
	syncTo(t, b, []posting.Posting{p})
	j := jobOf(t, sim, b, p.Key)
	dept := &smartrecruiterssim.Labeled{ID: "18554", Label: "Operations"}
	if err := sim.EditJob(j.ID, func(j *smartrecruiterssim.Job) { j.Department = dept }); err != nil {
		t.Fatal(err)
	}
	if op := opFor(planOf(t, b, []posting.Posting{p}, false), p.Key); op != ats.OpUnchanged {
		t.Fatalf("after a person set a department the plan says %s, want unchanged", op)
	}
	next := atstest.SamplePosting(0, 1)
	syncTo(t, b, []posting.Posting{next})
	if got, _ := sim.Job(j.ID); got.Department == nil || *got.Department != *dept {
		t.Errorf("an update changed the department a person set to %+v", got.Department)
	}
}

// Issue 18, finding 3: a person unpublishes jobsync's job. The plan reports
// drift instead of publishing it again; jobsync's own close is no drift,
// and a posting desired again after it is reopened.
func TestUnpublishedByAPersonIsDrift(t *testing.T) {
	t.Parallel()
	sim := fastSim(smartrecruiterssim.Options{Empty: true})
	b := newBoard(t, sim, true, smartrecruiters.Options{})
	ps := atstest.SamplePostings(2)
	syncTo(t, b, ps)
	j := jobOf(t, sim, b, ps[0].Key)
	if err := sim.EditJob(j.ID, func(j *smartrecruiterssim.Job) { j.PostingStatus = "NOT_PUBLISHED" }); err != nil {
		t.Fatal(err)
	}
	if op := opFor(planOf(t, b, ps, false), ps[0].Key); op != ats.OpDrift {
		t.Fatalf("a job a person unpublished: the plan says %s, want drift", op)
	}
	if err := syncErr(b, ps, false); !errors.Is(err, ats.ErrDrift) {
		t.Fatalf("sync: %v, want drift", err)
	}
	if got, _ := sim.Job(j.ID); got.PostingStatus != "NOT_PUBLISHED" {
		t.Errorf("a sync without --overwrite-drift published the job a person unpublished (%s)", got.PostingStatus)
	}

	// jobsync closes the other, then wants it again: a reopen, not drift.
	other := jobOf(t, sim, b, ps[1].Key)
	if err := syncErr(b, ps[:1], false); !errors.Is(err, ats.ErrDrift) {
		t.Fatalf("sync: %v, want drift (the first posting's)", err)
	}
	if got, _ := sim.Job(other.ID); got.PostingStatus != "NOT_PUBLISHED" {
		t.Fatalf("the close left the job %s", got.PostingStatus)
	}
	if op := opFor(planOf(t, b, ps, false), ps[1].Key); op != ats.OpUpdate {
		t.Fatalf("a job jobsync closed, desired again: the plan says %s, want update (reopen)", op)
	}
	if err := syncErr(b, ps[1:], false); err != nil {
		t.Fatal(err)
	}
	if op := opFor(planOf(t, b, ps[1:], false), ps[1].Key); op != ats.OpUnchanged {
		t.Errorf("after the reopen the plan says %s, want unchanged", op)
	}
}

// Issue 18, weak claims: a person copies the marker of jobsync's new job
// onto a job of theirs and the original goes (its marker removed). Before
// its first update the new job's marker held only a nonce, so the copy
// alone was taken for jobsync's. Bound to the job's id at create, the
// copy names another job: its claim is not proved, and nothing is written.
func TestCopiedMarkerOfANewJobProvesNothing(t *testing.T) {
	t.Parallel()
	sim := fastSim(smartrecruiterssim.Options{Empty: true})
	b := newBoard(t, sim, true, smartrecruiters.Options{})
	p := atstest.SamplePosting(0, 0)
	syncTo(t, b, []posting.Posting{p})
	orig := jobOf(t, sim, b, p.Key)
	human := sim.AddHumanJob("Office Manager")
	if err := sim.EditJob(human, func(j *smartrecruiterssim.Job) { j.Properties = slices.Clone(orig.Properties) }); err != nil {
		t.Fatal(err)
	}
	if err := sim.EditJob(orig.ID, func(j *smartrecruiterssim.Job) { j.Properties = nil }); err != nil {
		t.Fatal(err)
	}
	before, _ := sim.Job(human)
	plan := planOf(t, b, []posting.Posting{atstest.SamplePosting(0, 1)}, true)
	if op := opFor(plan, p.Key); op != ats.OpConflict {
		t.Errorf("the copied marker alone: the plan says %s, want conflict", op)
	}
	_ = syncErr(b, []posting.Posting{atstest.SamplePosting(0, 1)}, true)
	if after, _ := sim.Job(human); after.Title != before.Title || after.PostingStatus != before.PostingStatus {
		t.Errorf("the person's job was written: %+v", after)
	}
}

// SmartRecruiters may answer a location with the names of its country and
// region beside the codes jobsync sent: that is no person's edit.
func TestLocationNamesAreNoDrift(t *testing.T) {
	t.Parallel()
	sim := fastSim(smartrecruiterssim.Options{Empty: true})
	b := newBoard(t, sim, true, smartrecruiters.Options{RegionCode: "BE"})
	p := atstest.SamplePosting(0, 0)
	syncTo(t, b, []posting.Posting{p})
	j := jobOf(t, sim, b, p.Key)
	if err := sim.EditJob(j.ID, func(j *smartrecruiterssim.Job) { j.Location.Country, j.Location.Region = "Germany", "Berlin" }); err != nil {
		t.Fatal(err)
	}
	if op := opFor(planOf(t, b, []posting.Posting{p}, false), p.Key); op != ats.OpUnchanged {
		t.Errorf("with the country's and region's names added the plan says %s, want unchanged", op)
	}
	if err := sim.EditJob(j.ID, func(j *smartrecruiterssim.Job) { j.Location.Remote = false }); err != nil {
		t.Fatal(err)
	}
	if op := opFor(planOf(t, b, []posting.Posting{p}, false), p.Key); op != ats.OpDrift {
		t.Errorf("the job made on-site by a person: the plan says %s, want drift", op)
	}
}
