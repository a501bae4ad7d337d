package greenhouse

import (
	"context"
	"slices"
	"strconv"
	"testing"

	"github.com/jobsync/jobsync/ats"
	"github.com/jobsync/jobsync/ats/atstest"
	"github.com/jobsync/jobsync/ats/greenhouse/greenhousesim"
	"github.com/jobsync/jobsync/posting"
)

// updateFloor is the fewest requests an update can take (see
// TestRequestCounts).
const updateFloor = 3

// The requests each kind of sync makes, counted by the simulator's
// recorder. The floors: List is every page of GET /jobs and of GET
// /job_posts, 2 for up to 500 posts, and the location rows of jobsync's
// posts, one request per 50 of them (3 for 20 postings): Harvest lists a
// post's locations apart from it, and a person's edit of them is drift. An
// update is 3, updateFloor: the pending marker, the post, the final marker
// (the marker lives on the job and the words on the post, so two
// resources, and the pending marker is what keeps a half-done update from
// reading as a person's edit); the job, its posts and its location rows
// come from List, so nothing is read again. Locations that changed add
// their writes. A close is 2: the marker (state=closed, so that a post a
// person unpublishes is told from one jobsync closed) and the post to
// draft. The test fails when a count grows.
func TestRequestCounts(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	e := setup(t, greenhousesim.Options{RateLimit: 1 << 20, PageSize: 500}, nil)
	got, err := atstest.CountRequests(ctx, e.board, e.sim.Requests, 20)
	if err != nil {
		t.Fatal(err)
	}
	// A create: POST /jobs, 2 markers, GET its posts, GET locations, 2 POST
	// and 1 DELETE locations, the post; once per board: a token, the
	// marker field and the template's posts; once per run that created:
	// the List that looks for duplicates (ats/settle.go).
	if want := (atstest.Requests{Noop: 3, Create: 9 + (3.0+3)/20, Update: updateFloor}); got != want {
		t.Errorf("requests %+v, want %+v", got, want)
	}

	// New locations for every posting: each update adds one row and drops
	// one, on top of the floor (List read the rows).
	moved := make([]posting.Posting, 20)
	for i := range moved {
		moved[i] = atstest.SamplePosting(i, 1)
		moved[i].Locations = []string{"Remote, EMEA", "Remote, APAC"}
		moved[i].Hash = moved[i].ContentHash()
	}
	before := e.sim.Requests()
	syncAll(t, e.board, moved)
	if n := e.sim.Requests() - before - got.Noop; n != 20*(updateFloor+2) {
		t.Errorf("20 updates with new locations made %d requests, want %d", n, 20*(updateFloor+2))
	}
	for _, r := range e.mustList(t) {
		if !r.Owned {
			continue
		}
		id, _ := strconv.ParseInt(r.ID, 10, 64)
		var texts []string
		for _, l := range e.sim.Locations(id) {
			texts = append(texts, *l.PlainTextLocation)
		}
		slices.Sort(texts)
		if !slices.Equal(texts, []string{"Remote, APAC", "Remote, EMEA"}) {
			t.Errorf("post %d has locations %q", id, texts)
		}
	}

	// One close: List, the marker and the post to draft.
	before = e.sim.Requests()
	syncAll(t, e.board, moved[1:])
	if n := e.sim.Requests() - before; n != got.Noop+2 {
		t.Errorf("a sync closing one posting made %d requests, want %d", n, got.Noop+2)
	}
}

// syncAll is one sync of desired, closes allowed.
func syncAll(t *testing.T, b ats.Board, desired []posting.Posting) {
	t.Helper()
	if _, err := ats.Sync(context.Background(), ats.Targets(b), desired, ats.RunOptions{Guards: ats.Guards{AllowMassClose: true}}, ats.ApplyOptions{}); err != nil {
		t.Fatal(err)
	}
}

// List reads the location rows of jobsync's posts 50 posts a request (the
// filter's limit): 51 postings are two requests on top of the jobs and the
// posts, and a board without postings of jobsync's reads none.
func TestListReadsLocationsFiftyPostsARequest(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	e := setup(t, greenhousesim.Options{RateLimit: 1 << 20, PageSize: 500}, nil)
	before := e.sim.Requests()
	e.mustList(t)
	if n := e.sim.Requests() - before; n != 2 { // the jobs, the posts
		t.Errorf("a list of a board without jobsync's posts made %d requests, want 2", n)
	}
	for _, p := range atstest.SamplePostings(51) {
		if _, err := e.board.Create(ctx, p); err != nil {
			t.Fatal(err)
		}
	}
	before = e.sim.Requests()
	rs := e.mustList(t)
	if n := e.sim.Requests() - before; n != 2+2 {
		t.Errorf("a list of 51 postings of jobsync's made %d requests, want 4", n)
	}
	if got := len(owned(rs)); got != 51 {
		t.Fatalf("listed %d postings of jobsync's, want 51", got)
	}
	for _, r := range owned(rs) {
		if r.Drifted || len(r.Locations) != 2 {
			t.Fatalf("listed %+v, want its two locations and no drift", r)
		}
	}
}

// Find, the look-up after a failed create and for the duplicates of a few
// keys a run created, is the jobs' pages and the posts of the key's jobs:
// 2 requests, no location rows (its callers judge claims, not drift).
func TestFindRequests(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	e := setup(t, greenhousesim.Options{RateLimit: 1 << 20, PageSize: 500}, nil)
	p := samples(1)[0]
	if _, err := e.board.Create(ctx, p); err != nil {
		t.Fatal(err)
	}
	before := e.sim.Requests()
	found, err := e.board.Find(ctx, p.Key)
	if err != nil {
		t.Fatal(err)
	}
	if n := e.sim.Requests() - before; n != 2 {
		t.Errorf("Find made %d requests, want 2", n)
	}
	if len(found) != 1 || found[0].Drifted || found[0].Unproved {
		t.Errorf("found %+v, want the one posting, not drifted", found)
	}
}
