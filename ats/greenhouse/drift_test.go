package greenhouse

import (
	"context"
	"errors"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/jobsync/jobsync/ats"
	"github.com/jobsync/jobsync/ats/atstest"
	"github.com/jobsync/jobsync/ats/greenhouse/greenhousesim"
	"github.com/jobsync/jobsync/posting"
)

// planFor lists the board and plans desired on it.
func (e *env) planFor(t *testing.T, desired []posting.Posting, overwrite bool) ats.Plan {
	t.Helper()
	return ats.NewPlan("greenhouse", desired, e.mustList(t), ats.PlanOptions{OverwriteDrift: overwrite})
}

// opOf is the plan's action for key.
func opOf(p ats.Plan, key string) ats.Op {
	for _, a := range p.Actions {
		if a.Key == key {
			return a.Op
		}
	}
	return ""
}

// locationTexts is the text of a post's location rows, sorted.
func (e *env) locationTexts(postID int64) []string {
	var out []string
	for _, l := range e.sim.Locations(postID) {
		out = append(out, *l.PlainTextLocation)
	}
	slices.Sort(out)
	return out
}

// Issue 18, finding 3: a person edits a location row of jobsync's post.
// The next plan reports drift, a sync leaves the row as the person made
// it, and only --overwrite-drift writes the posting's locations back.
func TestLocationEditIsDrift(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	e := setup(t, greenhousesim.Options{}, nil)
	p, _, pid := e.createOne(t)
	if op := opOf(e.planFor(t, []posting.Posting{p}, false), p.Key); op != ats.OpUnchanged {
		t.Fatalf("right after the create the plan says %s, want unchanged", op)
	}
	if err := e.sim.EditLocation(pid, "Lisbon, Portugal"); err != nil {
		t.Fatal(err)
	}
	edited := e.locationTexts(pid)
	if op := opOf(e.planFor(t, []posting.Posting{p}, false), p.Key); op != ats.OpDrift {
		t.Fatalf("after a person's location edit the plan says %s, want drift", op)
	}
	syncDrift(t, e.board, []posting.Posting{p})
	if got := e.locationTexts(pid); !slices.Equal(got, edited) {
		t.Errorf("a sync without --overwrite-drift changed the locations to %q", got)
	}
	if _, err := ats.Sync(ctx, ats.Targets(e.board), []posting.Posting{p}, ats.RunOptions{OverwriteDrift: true, Guards: ats.Guards{AllowMassClose: true}}, ats.ApplyOptions{}); err != nil {
		t.Fatal(err)
	}
	want := slices.Sorted(slices.Values(p.Locations))
	if got := e.locationTexts(pid); !slices.Equal(got, want) {
		t.Errorf("after --overwrite-drift the locations are %q, want %q", got, want)
	}
	if op := opOf(e.planFor(t, []posting.Posting{p}, false), p.Key); op != ats.OpUnchanged {
		t.Errorf("after --overwrite-drift the plan says %s, want unchanged", op)
	}
}

// Issue 18, finding 3: a person unpublishes jobsync's post. The next plan
// reports drift instead of reopening it; jobsync's own close is no drift,
// and a posting desired again after it is reopened.
func TestUnpublishedByAPersonIsDrift(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	e := setup(t, greenhousesim.Options{}, nil)
	ps := samples(2)
	var ids []int64
	for _, p := range ps {
		r, err := e.board.Create(ctx, p)
		if err != nil {
			t.Fatal(err)
		}
		id, _ := strconv.ParseInt(r.ID, 10, 64)
		ids = append(ids, id)
	}
	if err := e.sim.UnpublishPost(ids[0]); err != nil {
		t.Fatal(err)
	}
	if op := opOf(e.planFor(t, ps, false), ps[0].Key); op != ats.OpDrift {
		t.Fatalf("a post a person unpublished: the plan says %s, want drift", op)
	}
	syncDrift(t, e.board, ps)
	if post := e.simPost(t, ids[0]); post.Live {
		t.Errorf("a sync without --overwrite-drift republished the post a person unpublished")
	}

	// jobsync closes the other, then wants it again: a reopen, not drift.
	syncDrift(t, e.board, ps[:1])
	if post := e.simPost(t, ids[1]); post.Live {
		t.Fatalf("the close left the post live")
	}
	plan := e.planFor(t, ps, false)
	if op := opOf(plan, ps[1].Key); op != ats.OpUpdate {
		t.Fatalf("a post jobsync closed, desired again: the plan says %s, want update (reopen)", op)
	}
}

// syncDrift is one sync of desired that must report drift and exit 1.
func syncDrift(t *testing.T, b ats.Board, desired []posting.Posting) {
	t.Helper()
	_, err := ats.Sync(context.Background(), ats.Targets(b), desired, ats.RunOptions{Guards: ats.Guards{AllowMassClose: true}}, ats.ApplyOptions{})
	if err == nil || !strings.Contains(err.Error(), "edited outside jobsync") {
		t.Fatalf("sync: %v, want a drift error", err)
	}
}

// simPost is post id as the simulator holds it.
func (e *env) simPost(t *testing.T, id int64) greenhousesim.JobPost {
	t.Helper()
	for _, p := range e.sim.Posts() {
		if p.ID == id {
			return p
		}
	}
	t.Fatalf("no post %d", id)
	return greenhousesim.JobPost{}
}

// failPostPatch fails every PATCH of a job post, as a network would.
type failPostPatch struct{ next http.RoundTripper }

func (f failPostPatch) RoundTrip(r *http.Request) (*http.Response, error) {
	if r.Method == http.MethodPatch && strings.HasPrefix(r.URL.Path, "/v3/job_posts/") {
		return nil, errors.New("connection reset by peer")
	}
	return f.next.RoundTrip(r)
}

// An update that moves a posting's locations, cut short after the rows
// were written: the next sync completes it (the pending marker holds the
// locations being written), unless a person edited a row meanwhile, which
// is drift.
func TestInterruptedLocationsUpdate(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	for _, personEdits := range []bool{false, true} {
		t.Run("person edits="+strconv.FormatBool(personEdits), func(t *testing.T) {
			t.Parallel()
			e := setup(t, greenhousesim.Options{}, nil)
			_, _, pid := e.createOne(t)
			next := atstest.SamplePosting(0, 1)
			next.Locations = []string{"Remote, APAC"}
			next.Hash = next.ContentHash()

			cut := e.boardOver(t, failPostPatch{http.DefaultTransport}, nil)
			if _, err := ats.Sync(ctx, ats.Targets(cut), []posting.Posting{next}, ats.RunOptions{Guards: ats.DefaultGuards()}, ats.ApplyOptions{}); err == nil {
				t.Fatal("the cut update succeeded")
			}
			if got := e.locationTexts(pid); !slices.Equal(got, next.Locations) {
				t.Fatalf("the cut update left locations %q, want %q", got, next.Locations)
			}
			if personEdits {
				if err := e.sim.EditLocation(pid, "Lisbon, Portugal"); err != nil {
					t.Fatal(err)
				}
			}
			_, err := ats.Sync(ctx, ats.Targets(e.board), []posting.Posting{next}, ats.RunOptions{Guards: ats.DefaultGuards()}, ats.ApplyOptions{})
			if personEdits {
				if !errors.Is(err, ats.ErrDrift) || !slices.Equal(e.locationTexts(pid), []string{"Lisbon, Portugal"}) {
					t.Errorf("after a cut update and a person's edit: err %v, locations %q; want drift and the edit kept", err, e.locationTexts(pid))
				}
				return
			}
			if err != nil || e.simPost(t, pid).Content != next.HTML {
				t.Errorf("a cut update without an edit: err %v; want it completed", err)
			}
			if op := opOf(e.planFor(t, []posting.Posting{next}, false), next.Key); op != ats.OpUnchanged {
				t.Errorf("after the completed update the plan says %s, want unchanged", op)
			}
		})
	}
}
