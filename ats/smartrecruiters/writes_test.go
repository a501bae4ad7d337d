package smartrecruiters_test

import (
	"bytes"
	"errors"
	"maps"
	"strings"
	"testing"

	"go.uber.org/zap"

	"github.com/jobsync/jobsync/ats"
	"github.com/jobsync/jobsync/ats/atstest"
	"github.com/jobsync/jobsync/ats/smartrecruiters"
	"github.com/jobsync/jobsync/ats/smartrecruiters/smartrecruiterssim"
)

// A wrong key is a 401 that names the variable to fix, and never shows the
// key.
func TestWrongKeyNamesTheVariable(t *testing.T) {
	t.Parallel()
	sim := fastSim(smartrecruiterssim.Options{})
	b, err := smartrecruiters.New(smartrecruiters.Options{
		Name: "sr-eu", BaseURL: "http://sr.test", APIKey: ats.NewSecret("DCRA1-not-the-right-key-000000000000"),
		HTTP: newBoardHTTP(sim),
	})
	if err != nil {
		t.Fatal(err)
	}
	_, err = b.List(t.Context())
	if err == nil || !strings.Contains(err.Error(), "401") || !strings.Contains(err.Error(), "JOBSYNC_SR_EU_API_KEY") {
		t.Errorf("List with a wrong key: %v, want a 401 naming JOBSYNC_SR_EU_API_KEY", err)
	}
	if strings.Contains(err.Error(), "not-the-right-key") {
		t.Errorf("the error shows the key: %v", err)
	}
}

// A validation error keeps the API's message; nothing is published.
func TestValidationErrorKeepsTheMessage(t *testing.T) {
	t.Parallel()
	sim := fastSim(smartrecruiterssim.Options{})
	b := newBoard(t, sim, true, smartrecruiters.Options{ExperienceLevel: "guru"})
	_, err := b.Create(t.Context(), atstest.SamplePosting(0, 0))
	if err == nil || !strings.Contains(err.Error(), "400 Bad Request: INVALID_FIELD: Input validation fails (experienceLevel: unknown id") {
		t.Errorf("create with an unknown level: %v, want the API's validation message", err)
	}
	if n := routes(sim, 0)["POST /jobs/{id}/publication"]; n != 0 {
		t.Errorf("%d publications after a refused create", n)
	}
}

// A board without a new job's settings says which, and sends nothing.
func TestCreateNeedsItsSettings(t *testing.T) {
	t.Parallel()
	sim := fastSim(smartrecruiterssim.Options{})
	b, err := smartrecruiters.New(smartrecruiters.Options{BaseURL: "http://sr.test", APIKey: ats.NewSecret(sim.APIKey()), HTTP: newBoardHTTP(sim)})
	if err != nil {
		t.Fatal(err)
	}
	_, err = b.Create(t.Context(), atstest.SamplePosting(0, 0))
	if err == nil || !strings.Contains(err.Error(), "function, industry, country_code, city") {
		t.Errorf("create without settings: %v", err)
	}
	if n := len(sim.Requests()); n != 0 {
		t.Errorf("%d requests sent", n)
	}
}

// A marker field the company has not configured stops every create before
// a job is made: the API would make the job and drop the marker.
func TestMissingMarkerFieldRefusesToCreate(t *testing.T) {
	t.Parallel()
	sim := fastSim(smartrecruiterssim.Options{Empty: true})
	b := newBoard(t, sim, true, smartrecruiters.Options{MarkerField: "jobsync-marker"})
	_, err := b.Create(t.Context(), atstest.SamplePosting(0, 0))
	if err == nil || !strings.Contains(err.Error(), `"jobsync-marker"`) || !strings.Contains(err.Error(), "create a free-text job field") {
		t.Errorf("create with no such field: %v", err)
	}
	if len(sim.Jobs()) != 0 {
		t.Errorf("%d jobs made", len(sim.Jobs()))
	}
}

// Jobs people made are refused by Update and Close after one read, with
// ats.ErrNotOwned; a person's text in the marker field is no marker.
func TestJobsPeopleMadeAreNotTouched(t *testing.T) {
	t.Parallel()
	sim := fastSim(smartrecruiterssim.Options{})
	b := newBoard(t, sim, true, smartrecruiters.Options{})
	before := map[string][]byte{}
	for _, j := range sim.Jobs() {
		before[j.ID] = sim.Snapshot(j.ID)
		if _, err := b.Update(t.Context(), j.ID, atstest.SamplePosting(0, 0)); !errors.Is(err, ats.ErrNotOwned) {
			t.Errorf("update of %s (%s): %v, want ats.ErrNotOwned", j.ID, j.Title, err)
		}
		if err := b.Close(t.Context(), j.ID); !errors.Is(err, ats.ErrNotOwned) {
			t.Errorf("close of %s (%s): %v, want ats.ErrNotOwned", j.ID, j.Title, err)
		}
	}
	if got := routes(sim, 0); !maps.Equal(got, map[string]int{"GET /jobs/{id}": 6}) {
		t.Errorf("requests %s, want only the 6 reads", show(got))
	}
	for id, snap := range before {
		if !bytes.Equal(sim.Snapshot(id), snap) {
			t.Errorf("job %s changed", id)
		}
	}
}

// A 409 (another request on the job still running) is sent again; the
// write then goes through.
func TestConflictIsRetried(t *testing.T) {
	t.Parallel()
	sim := fastSim(smartrecruiterssim.Options{Empty: true})
	b := newBoard(t, sim, true, smartrecruiters.Options{})
	r, err := b.Create(t.Context(), atstest.SamplePosting(0, 0))
	if err != nil {
		t.Fatal(err)
	}
	sim.ConflictNext(r.ID, 2)
	skip := len(sim.Requests())
	if err := b.Close(t.Context(), r.ID); err != nil {
		t.Fatalf("close after two conflicts: %v", err)
	}
	// The close's writes: the marker (state=closed) and the unpublication,
	// two answered 409 and sent again.
	got := routes(sim, skip)
	if n := got["PATCH /jobs/{id}"] + got["DELETE /jobs/{id}/publication"]; n != 4 || got["DELETE /jobs/{id}/publication"] == 0 {
		t.Errorf("writes %s, want 4 (two 409s, then the marker and the unpublication)", show(got))
	}
	if j, _ := sim.Job(r.ID); j.PostingStatus != "NOT_PUBLISHED" {
		t.Errorf("posting status %s", j.PostingStatus)
	}
}

// A create whose answer is lost made the job: the engine's look-up finds
// it by reading only the jobs with its title, and adopts it; no duplicate.
func TestLostCreateIsAdopted(t *testing.T) {
	t.Parallel()
	sim := fastSim(smartrecruiterssim.Options{})
	b := newBoard(t, sim, true, smartrecruiters.Options{})
	sim.AddHumanJob("Staff Backend Engineer") // another title: not read by the look-up
	syncTo(t, b, atstest.SamplePostings(1))
	skip := len(sim.Requests())
	p := atstest.SamplePosting(1, 0)
	sim.LoseNextResponse("POST", "/jobs", false)
	syncTo(t, b, append(atstest.SamplePostings(1), p))
	got := routes(sim, skip)
	// List (1 page, 5 jobs), the lost create, the look-up (1 page and the
	// one job with that title), the adoption: an update (one patch, on the
	// job as the look-up read it) that publishes it and then marks it open
	// (a second patch), and the look-up for duplicates after the run.
	want := map[string]int{"GET /jobs": 3, "GET /jobs/{id}": 5 + 1 + 1, "POST /jobs": 1, "PATCH /jobs/{id}": 2, "POST /jobs/{id}/publication": 1}
	if !maps.Equal(got, want) {
		t.Errorf("requests %s\nwant %s", show(got), show(want))
	}
	rs, err := b.List(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, r := range rs {
		if r.Owned && r.Key == p.Key {
			n++
			if !r.Open || r.Drifted || r.Hash != p.Hash {
				t.Errorf("adopted job %+v", r)
			}
		}
	}
	if n != 1 {
		t.Errorf("%d jobs carry key %s, want 1", n, p.Key)
	}
}

// An update rewrites what jobsync owns and nothing else: the company
// description and the other job fields a person set stay.
func TestUpdateLeavesPeoplesFieldsAlone(t *testing.T) {
	t.Parallel()
	sim := fastSim(smartrecruiterssim.Options{Empty: true})
	b := newBoard(t, sim, true, smartrecruiters.Options{})
	r, err := b.Create(t.Context(), atstest.SamplePosting(0, 0))
	if err != nil {
		t.Fatal(err)
	}
	company := &smartrecruiterssim.Section{Title: "Company Description", Text: "<p>Written by our employer brand team.</p>"}
	if err := sim.EditJob(r.ID, func(j *smartrecruiterssim.Job) {
		j.JobAd.Sections.CompanyDescription = company
		j.RefNumber = "REQ-4711"
		j.Properties = append(j.Properties, smartrecruiterssim.Property{ID: "65a1c0de00000000000000b2", Label: "Cost center", Value: smartrecruiterssim.PropertyValue{Label: "CC-1"}})
	}); err != nil {
		t.Fatal(err)
	}
	p := atstest.SamplePosting(0, 1)
	p.Pay = nil
	u, err := b.Update(t.Context(), r.ID, p)
	if err != nil {
		t.Fatal(err)
	}
	j, _ := sim.Job(r.ID)
	if j.JobAd.Sections.CompanyDescription == nil || *j.JobAd.Sections.CompanyDescription != *company || j.RefNumber != "REQ-4711" || len(j.Properties) != 2 {
		t.Errorf("a person's fields after the update: %+v %q %+v", j.JobAd.Sections.CompanyDescription, j.RefNumber, j.Properties)
	}
	if j.Title != p.Title || j.Compensation != nil || u.Hash != p.Hash || u.Drifted || !u.Open {
		t.Errorf("updated job %q, pay %+v, remote %+v", j.Title, j.Compensation, u)
	}
}

// With close_status, a close unpublishes and sets the status; the next
// update sets it back to SOURCING and publishes again.
func TestCloseStatusAndReopen(t *testing.T) {
	t.Parallel()
	sim := fastSim(smartrecruiterssim.Options{Empty: true})
	b := newBoard(t, sim, true, smartrecruiters.Options{CloseStatus: "CANCELLED", Visibility: "INTERNAL"})
	p := atstest.SamplePosting(0, 0)
	r, err := b.Create(t.Context(), p)
	if err != nil {
		t.Fatal(err)
	}
	if err := b.Close(t.Context(), r.ID); err != nil {
		t.Fatal(err)
	}
	if j, _ := sim.Job(r.ID); j.Status != "CANCELLED" || j.PostingStatus != "NOT_PUBLISHED" {
		t.Errorf("closed job %s/%s, want CANCELLED/NOT_PUBLISHED", j.Status, j.PostingStatus)
	}
	u, err := b.Update(t.Context(), r.ID, p)
	if err != nil {
		t.Fatal(err)
	}
	if j, _ := sim.Job(r.ID); j.Status != "SOURCING" || j.PostingStatus != "INTERNAL" || !u.Open {
		t.Errorf("reopened job %s/%s, open %t", j.Status, j.PostingStatus, u.Open)
	}
}

// Debug logs of a whole sync, a refused key included, never hold the key.
func TestDebugLogsHoldNoKey(t *testing.T) {
	t.Parallel()
	sim := fastSim(smartrecruiterssim.Options{})
	log, logs := atstest.Logger(zap.DebugLevel)
	b := newBoard(t, sim, true, smartrecruiters.Options{Logger: log})
	syncTo(t, b, atstest.SamplePostings(3))
	sim.SetFaults(0.5, 7)
	_, _ = b.List(t.Context())
	atstest.CheckLogsHoldNo(t, logs, sim.APIKey(), sim.APIKey()[6:])
}

// Body (ats.BodyLayout) is the text List reports once jobsync wrote p, so
// that plan diffs show edits, not layout.
func TestBodyLayoutMatchesList(t *testing.T) {
	t.Parallel()
	sim := fastSim(smartrecruiterssim.Options{Empty: true})
	b := newBoard(t, sim, true, smartrecruiters.Options{})
	p := atstest.SamplePosting(2, 0)
	r, err := b.Create(t.Context(), p)
	if err != nil {
		t.Fatal(err)
	}
	rs, err := b.List(t.Context())
	if err != nil || len(rs) != 1 {
		t.Fatalf("list: %v %v", rs, err)
	}
	if want := b.Body(p); rs[0].Body != want || r.Body != want {
		t.Errorf("listed body\n%s\ncreate's\n%s\nwant\n%s", rs[0].Body, r.Body, want)
	}
	if rs[0].Department != "" || len(rs[0].Locations) != 1 || rs[0].Locations[0] != "Berlin, DE (remote)" {
		t.Errorf("listed %+v", rs[0])
	}
}
