package local

import (
	"context"
	"fmt"
	"testing"

	"github.com/jobsync/jobsync/ats"
	"github.com/jobsync/jobsync/posting"
)

// A board synced before owners, claims and attribute drift holds markers
// of the old format ("jobsync/v1 key= hash= fp="): the default owner sees
// nothing to do, another owner sees another owner's postings and nothing
// to do, and an update of the default owner writes the new format.
func TestOldFormatMarkerIsTheDefaultOwners(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	b := newTestBoard(t, "")
	desired := testPostings(3)
	for _, p := range desired {
		r, err := b.Create(ctx, p)
		if err != nil {
			t.Fatal(err)
		}
		editRecord(t, b, r.ID, func(m map[string]any) {
			m["marker"] = fmt.Sprintf("jobsync/v1 key=%s hash=%s fp=%s", p.Key, p.Hash, ats.Fingerprint(p.Title, p.HTML))
		})
	}
	plan := func(owner string, desired []posting.Posting) ats.Plan {
		t.Helper()
		run, err := ats.Start(ctx, ats.Targets(b), desired, ats.RunOptions{Owner: owner, DefaultOwner: "gitlab"})
		if err != nil {
			t.Fatal(err)
		}
		defer run.Close()
		return run.Plans()[0]
	}
	if p := plan("gitlab", desired); p.HasChanges() || p.Owned != 3 {
		t.Errorf("the default owner's plan of a board synced before: %+v, want 3 owned, nothing to do", p.Summary())
	}
	if p := plan("team-a", nil); p.HasChanges() || p.OtherOwners != 3 {
		t.Errorf("another owner's plan: %+v, want 3 of another owner, nothing to do", p.Summary())
	}

	revised := []posting.Posting{testPosting(0, 1)}
	if _, err := ats.Sync(ctx, ats.Targets(b), append(revised, desired[1:]...), ats.RunOptions{Owner: "gitlab", DefaultOwner: "gitlab"}, ats.ApplyOptions{}); err != nil {
		t.Fatal(err)
	}
	rec := readRecord(t, b, listByKey(t, b)[revised[0].Key].ID)
	m, _ := ats.ParseMarker(rec.Marker)
	if m.Owner != "gitlab" || m.ID != rec.ID || m.State != ats.StateOpen {
		t.Errorf("updated marker %q: want owner gitlab, bound to %s, state open", rec.Marker, rec.ID)
	}
}

func listByKey(t *testing.T, b *Board) map[string]ats.Remote {
	t.Helper()
	out := map[string]ats.Remote{}
	for _, r := range listByID(t, b) {
		out[r.Key] = r
	}
	return out
}
