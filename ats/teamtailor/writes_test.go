package teamtailor_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/jobsync/jobsync/ats"
	"github.com/jobsync/jobsync/ats/atstest"
	"github.com/jobsync/jobsync/ats/teamtailor"
	"github.com/jobsync/jobsync/ats/teamtailor/teamtailorsim"
	"github.com/jobsync/jobsync/posting"
)

// markerTags are the tags of a job that parse as jobsync markers.
func markerTags(j teamtailorsim.Job) []string {
	var out []string
	for _, tag := range j.Attributes.Tags {
		if _, ok := ats.ParseMarker(tag); ok {
			out = append(out, tag)
		}
	}
	return out
}

// A create writes the marker in its tags, with the department and
// locations as the account names them; an update replaces the marker and
// sends back the tags a person added; when the person removes the marker
// tag, the job is theirs and a sync creates the posting again.
func TestMarkerTagAndPeoplesTags(t *testing.T) {
	t.Parallel()
	sim := fastSim(teamtailorsim.Options{Empty: true})
	b := newBoard(t, sim, teamtailor.Options{})
	p := atstest.SamplePosting(0, 0)
	r, err := b.Create(t.Context(), p)
	if err != nil {
		t.Fatal(err)
	}
	j, _ := sim.Job(r.ID)
	if m := markerTags(j); len(m) != 1 || !strings.Contains(m[0], "key="+p.Key+" ") || j.Attributes.Status != "open" || j.UserID != sim.UserID() {
		t.Fatalf("created job: tags %q, status %s, user %s", j.Attributes.Tags, j.Attributes.Status, j.UserID)
	}
	if d, ls := sim.DepartmentName(j.DepartmentID), sim.LocationNames(j.LocationIDs); d != p.Department || !slices.Equal(ls, p.Locations) {
		t.Errorf("created job in %q at %q, want %q at %q", d, ls, p.Department, p.Locations)
	}
	if r.Department != p.Department || !slices.Equal(r.Locations, p.Locations) || !r.Owned || !r.Open || r.Drifted {
		t.Errorf("Create returned %+v", r)
	}

	if err := sim.EditJob(r.ID, teamtailorsim.Edit{AddTags: []string{"Remote-first", "Hiring sprint"}}); err != nil {
		t.Fatal(err)
	}
	p1 := atstest.SamplePosting(0, 1)
	if _, err := b.Update(t.Context(), r.ID, p1); err != nil {
		t.Fatal(err)
	}
	j, _ = sim.Job(r.ID)
	if m := markerTags(j); len(m) != 1 || !strings.Contains(m[0], "hash="+p1.Hash+" ") {
		t.Errorf("updated job's markers: %q, want one with the new hash", m)
	}
	if !slices.Contains(j.Attributes.Tags, "Remote-first") || !slices.Contains(j.Attributes.Tags, "Hiring sprint") {
		t.Errorf("updated job's tags %q lost the person's", j.Attributes.Tags)
	}

	if err := sim.EditJob(r.ID, teamtailorsim.Edit{RemoveTags: []string{"jobsync/*"}}); err != nil {
		t.Fatal(err)
	}
	before := sim.Snapshot(r.ID)
	plan := atstest.SyncTo(t, b, []posting.Posting{p1})
	if plan.Summary().Create != 1 || sim.Snapshot(r.ID) != before {
		t.Errorf("after the marker tag was removed: %+v, and the job changed: %v", plan.Summary(), sim.Snapshot(r.ID) != before)
	}
}

// Close archives by default, or unlists with close_as; an update opens
// the job again either way, and also one a person archived.
func TestCloseAndReopen(t *testing.T) {
	t.Parallel()
	for _, closeAs := range []string{"", "unlisted"} {
		sim := fastSim(teamtailorsim.Options{Empty: true})
		b := newBoard(t, sim, teamtailor.Options{CloseAs: closeAs})
		p := atstest.SamplePosting(0, 0)
		r, err := b.Create(t.Context(), p)
		if err != nil {
			t.Fatal(err)
		}
		status := func() string { j, _ := sim.Job(r.ID); return j.Attributes.Status }
		if err := b.Close(t.Context(), r.ID); err != nil {
			t.Fatal(err)
		}
		want := closeAs
		if want == "" {
			want = "archived"
		}
		if got := status(); got != want {
			t.Errorf("close_as %q: closed job is %s, want %s", closeAs, got, want)
		}
		edits := len(sim.Requests())
		if err := b.Close(t.Context(), r.ID); err != nil || routes(sim, edits)["PATCH /v1/jobs/{id}"] != 0 {
			t.Errorf("close_as %q: closing a closed job: %v, %s", closeAs, err, atstest.ShowCounts(routes(sim, edits)))
		}
		if _, err := b.Update(t.Context(), r.ID, atstest.SamplePosting(0, 1)); err != nil || status() != "open" {
			t.Errorf("close_as %q: update of a closed job: %v, status %s", closeAs, err, status())
		}
		if err := sim.EditJob(r.ID, teamtailorsim.Edit{Status: "archived"}); err != nil {
			t.Fatal(err)
		}
		if _, err := b.Update(t.Context(), r.ID, atstest.SamplePosting(0, 2)); err != nil || status() != "open" {
			t.Errorf("close_as %q: update of a job a person archived: %v, status %s", closeAs, err, status())
		}
	}
}

// List sees every job an Admin key sees: archived, unlisted, internal,
// draft and expired ones too, none of them owned; only open ones are open.
func TestListSeesEveryJob(t *testing.T) {
	t.Parallel()
	sim := fastSim(teamtailorsim.Options{})
	rs, err := newBoard(t, sim, teamtailor.Options{}).List(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if len(rs) != len(sim.Jobs()) {
		t.Fatalf("listed %d jobs of %d", len(rs), len(sim.Jobs()))
	}
	for _, r := range rs {
		j, _ := sim.Job(r.ID)
		if r.Owned || r.Open != (j.Attributes.Status == "open") || r.Title != j.Attributes.Title || r.Department != sim.DepartmentName(j.DepartmentID) {
			t.Errorf("job %s (%s, %s) listed as %+v", j.ID, j.Attributes.Title, j.Attributes.Status, r)
		}
	}
}

// A posting whose marker is longer than a tag (a long key, with its owner,
// nonce and binding): the simulator keeps tags of 255 characters, and the
// marker, split over tags, reads back owned and undrifted after a create
// and an update.
func TestLongMarkerOverSeveralTags(t *testing.T) {
	t.Parallel()
	sim := fastSim(teamtailorsim.Options{Empty: true})
	b := newBoard(t, sim, teamtailor.Options{})
	p := atstest.SamplePosting(59, 0)
	p.Key += "/san-francisco-ca-united-states"
	p.Owner = "gitlab-handbook-careers"
	r, err := b.Create(t.Context(), p)
	if err != nil {
		t.Fatal(err)
	}
	p1 := atstest.SamplePosting(59, 1)
	p1.Key, p1.Owner = p.Key, p.Owner
	if _, err := b.Update(t.Context(), r.ID, p1); err != nil {
		t.Fatal(err)
	}
	j, _ := sim.Job(r.ID)
	if n := len(markerTagsOf(j)); n < 2 {
		t.Errorf("the marker is in %d tags: %q", n, j.Attributes.Tags)
	}
	rs, err := b.List(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if len(rs) != 1 || !rs[0].Owned || rs[0].Key != p.Key || rs[0].Hash != p1.Hash || rs[0].Drifted || rs[0].Unproved {
		t.Errorf("listed %+v", rs)
	}
}

// markerTagsOf are a job's tags that start like a marker.
func markerTagsOf(j teamtailorsim.Job) []string {
	var out []string
	for _, tag := range j.Attributes.Tags {
		if strings.HasPrefix(tag, "jobsync/v1 key=") {
			out = append(out, tag)
		}
	}
	return out
}

// A person's close of a job jobsync left open, or a person's move of it to
// another department, is drift: the marker says open and fingerprints the
// department and locations. jobsync's own close is not.
func TestPeoplesCloseAndMoveAreDrift(t *testing.T) {
	t.Parallel()
	sim := fastSim(teamtailorsim.Options{Empty: true})
	b := newBoard(t, sim, teamtailor.Options{})
	ps := atstest.SamplePostings(3)
	var ids []string
	for _, p := range ps {
		r, err := b.Create(t.Context(), p)
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, r.ID)
	}
	if err := sim.EditJob(ids[0], teamtailorsim.Edit{Status: "archived"}); err != nil {
		t.Fatal(err)
	}
	if err := sim.EditJob(ids[1], teamtailorsim.Edit{Department: "People"}); err != nil {
		t.Fatal(err)
	}
	if err := b.Close(t.Context(), ids[2]); err != nil {
		t.Fatal(err)
	}
	rs, err := b.List(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	drifted := map[string]bool{}
	for _, r := range rs {
		drifted[r.ID] = r.Drifted
	}
	if !drifted[ids[0]] || !drifted[ids[1]] || drifted[ids[2]] {
		t.Errorf("drifted: archived by a person %v, moved by a person %v, closed by jobsync %v; want true, true, false",
			drifted[ids[0]], drifted[ids[1]], drifted[ids[2]])
	}
	if _, err := b.Update(t.Context(), ids[2], ps[2]); err != nil {
		t.Fatal(err)
	}
	if rs, _ := b.List(t.Context()); slices.ContainsFunc(rs, func(r ats.Remote) bool { return r.ID == ids[2] && (r.Drifted || !r.Open) }) {
		t.Errorf("reopened by jobsync: drifted or closed")
	}
}
