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

// simJob reads job id from the simulator as the adapter's wire type.
func (e *env) simJob(t *testing.T, id int64) job {
	t.Helper()
	for _, sj := range e.sim.Jobs() {
		if sj.ID == id {
			var j job
			b, _ := json.Marshal(sj)
			if err := json.Unmarshal(b, &j); err != nil {
				t.Fatal(err)
			}
			return j
		}
	}
	t.Fatalf("no job %d", id)
	return job{}
}

// pasteMarker sets the custom field field of job to text, as a person in
// Greenhouse's UI would.
func (e *env) pasteMarker(t *testing.T, jobID int64, field, text string) {
	t.Helper()
	v, _ := json.Marshal(text)
	req := patchJobRequest{CustomFields: []customFieldWrite{{NameKey: field, Value: v}}}
	if err := e.board.c.do(context.Background(), atshttp.Idempotent, http.MethodPatch, jobRoute(jobID), req, nil); err != nil {
		t.Fatal(err)
	}
}

// Issue 18, finding 1: a person pastes jobsync's marker into another job.
// Pasted into any field but jobsync's, it is text; pasted into jobsync's
// field, it names a post that is not that job's, so the claim is not
// proved: the key is a conflict, and even with --overwrite-drift and
// --allow-mass-close nothing is written, neither to jobsync's post nor to
// the person's.
func TestPastedMarkerClaimsNothing(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	for _, field := range []string{"cost_center", markerNameKey} {
		t.Run(field, func(t *testing.T) {
			t.Parallel()
			e := setup(t, greenhousesim.Options{}, nil)
			p, _, pid := e.createOne(t)
			ourJob, _ := e.board.jobOf(pid)
			marker := fieldText(e.simJob(t, ourJob).CustomFields[markerNameKey])
			theirJob, theirPost := e.sim.AddHumanJob("Staff PM, Berlin")
			e.pasteMarker(t, theirJob, field, marker)
			before := e.sim.Posts()

			rs := e.mustList(t)
			var theirs ats.Remote
			for _, rr := range rs {
				if rr.ID == strconv.FormatInt(theirPost, 10) {
					theirs = rr
				}
			}
			if field != markerNameKey {
				if theirs.Owned {
					t.Fatalf("a marker pasted into %s is read as a claim: %+v", field, theirs)
				}
				return
			}
			if !theirs.Owned || !theirs.Unproved {
				t.Fatalf("the person's post with a pasted marker lists as %+v, want owned and unproved", theirs)
			}
			edited := p
			edited.Title += " (edited)"
			edited.Hash = edited.ContentHash()
			plans, err := ats.Sync(ctx, ats.Targets(e.board), []posting.Posting{edited}, ats.RunOptions{
				OverwriteDrift: true, Guards: ats.Guards{AllowMassClose: true},
			}, ats.ApplyOptions{})
			if !errors.Is(err, ats.ErrConflict) {
				t.Errorf("sync: err = %v, want ErrConflict", err)
			}
			if s := plans[0].Summary(); s.Conflict != 2 || s.Create+s.Update+s.Close != 0 {
				t.Errorf("plan %+v, want 2 conflicts and nothing written", s)
			}
			after := e.sim.Posts()
			for i := range before {
				if before[i].Title != after[i].Title || before[i].Content != after[i].Content || before[i].Live != after[i].Live {
					t.Errorf("post %d was written: %+v -> %+v", before[i].ID, before[i], after[i])
				}
			}
		})
	}
}

// Issue 18, finding 2: an update interrupted after its pending marker, then
// a person's edit: the next sync reports drift and does not overwrite the
// edit without --overwrite-drift. The same interruption without an edit is
// completed.
func TestInterruptedUpdateKeepsAPersonsEdit(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	for _, personEdits := range []bool{false, true} {
		t.Run("person edits="+strconv.FormatBool(personEdits), func(t *testing.T) {
			t.Parallel()
			e := setup(t, greenhousesim.Options{}, nil)
			p, r, pid := e.createOne(t)
			jobID, _ := e.board.jobOf(pid)
			old, _ := jobMarker(e.simJob(t, jobID))

			// The update's first step, then the kill.
			next := samples(2)[1]
			next.Key = p.Key
			done := ats.NewMarker(next, ats.Fingerprint(next.Title, next.HTML)).Continuing(old).Bound(r.ID)
			key, err := e.board.markerField(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if err := e.board.writeMarker(ctx, key, e.simJob(t, jobID), done.Pending(old).String()); err != nil {
				t.Fatal(err)
			}
			const edit = "<p>A recruiter's own words.</p>"
			if personEdits {
				if err := e.sim.EditPostContent(pid, edit); err != nil {
					t.Fatal(err)
				}
			}

			_, err = ats.Sync(ctx, ats.Targets(e.board), []posting.Posting{next}, ats.RunOptions{Guards: ats.DefaultGuards()}, ats.ApplyOptions{})
			var content string
			for _, sp := range e.sim.Posts() {
				if sp.ID == pid {
					content = sp.Content
				}
			}
			if personEdits {
				if !errors.Is(err, ats.ErrDrift) || content != edit {
					t.Errorf("after an interrupted update and a person's edit: err %v, content %q; want drift and the edit kept", err, content)
				}
				return
			}
			if err != nil || content != next.HTML {
				t.Errorf("an interrupted update without an edit: err %v, content %q; want it completed", err, content)
			}
		})
	}
}
