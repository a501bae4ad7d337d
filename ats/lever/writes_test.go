package lever

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/jobsync/jobsync/ats/atstest"
	"github.com/jobsync/jobsync/ats/lever/leversim"
	"github.com/jobsync/jobsync/posting"
)

func TestWritesOnTheBoard(t *testing.T) {
	t.Parallel()
	e := newEnv(t, leversim.Options{Empty: true}, nil)
	ctx := t.Context()
	p := atstest.SamplePosting(3, 0)
	r, err := e.board.Create(ctx, p)
	if err != nil {
		t.Fatal(err)
	}
	if !r.Owned || r.Drifted || !r.Open || r.Key != p.Key || r.Hash != p.Hash || r.Title != p.Title {
		t.Fatalf("created %+v", r)
	}
	got, _ := e.sim.Posting(r.ID)
	if got.State != "published" || got.WorkplaceType != "remote" || got.SalaryRange == nil || got.User != e.sim.PerformAs() ||
		len(got.Content.Lists) != 2 || !strings.Contains(got.Content.Closing, "Grade") || len(got.DistributionChannels) != 2 {
		t.Errorf("on the board: %+v", got)
	}

	// A person adds a tag; an update keeps it and rewrites the marker.
	if err := e.sim.EditPosting(r.ID, leversim.Edit{AddTags: []string{"Hot"}}); err != nil {
		t.Fatal(err)
	}
	p2 := atstest.SamplePosting(3, 1)
	u, err := e.board.Update(ctx, r.ID, p2)
	if err != nil {
		t.Fatal(err)
	}
	got, _ = e.sim.Posting(r.ID)
	if u.Hash != p2.Hash || u.Drifted || got.Text != p2.Title || !contains(got.Tags, "Hot") || len(got.Tags) != 3 {
		t.Errorf("after update: remote %+v, tags %q", u, got.Tags)
	}

	// Close keeps the tags; closing again makes no write; update reopens.
	if err := e.board.Close(ctx, r.ID); err != nil {
		t.Fatal(err)
	}
	posts := len(e.writes)
	if err := e.board.Close(ctx, r.ID); err != nil {
		t.Fatal(err)
	}
	if len(e.writes) != posts {
		t.Errorf("closing a closed posting wrote")
	}
	got, _ = e.sim.Posting(r.ID)
	if got.State != "closed" || !contains(got.Tags, keyTag(p.Key)) || !contains(got.Tags, "Hot") {
		t.Errorf("after close: state %s, tags %q", got.State, got.Tags)
	}
	rs, _ := e.board.List(ctx)
	if len(rs) != 1 || rs[0].Open || !rs[0].Owned || rs[0].Drifted {
		t.Errorf("closed posting listed %+v", rs)
	}
	if _, err := e.board.Update(ctx, r.ID, p2); err != nil {
		t.Fatal(err)
	}
	if got, _ = e.sim.Posting(r.ID); got.State != "published" {
		t.Errorf("update did not reopen: %s", got.State)
	}

	// Every write sends state explicitly, and only Lever's HTML; but the
	// create's second request (write 1), which binds the marker to the id
	// Lever gave, sends the tags alone.
	for i, data := range e.writes {
		var w apiWrite
		if err := json.Unmarshal(data, &w); err != nil {
			t.Fatal(err)
		}
		if i == 1 {
			if w.Text != "" || w.State != "" || w.Content != nil || len(w.Tags) != 2 {
				t.Errorf("write 1 (the binding) is not the tags alone: %s", data)
			}
			continue
		}
		if !strings.Contains(string(data), `"state":`) {
			t.Errorf("write %d has no state: %s", i, data)
		}
		if err := checkWriteHTML(w); err != nil {
			t.Errorf("write %d: %v", i, err)
		}
	}

	// A found key is owned and matches.
	found, err := e.board.Find(ctx, p.Key)
	if err != nil || len(found) != 1 || found[0].ID != r.ID {
		t.Errorf("Find = %+v, %v", found, err)
	}
	if found, err := e.board.Find(ctx, "no/such/key"); err != nil || len(found) != 0 {
		t.Errorf("Find of an unknown key = %+v, %v", found, err)
	}
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// TestRichPostingAccepted: markdown of every kind renders to HTML the
// simulator's Lever rules accept, and comes back undrifted.
func TestRichPostingAccepted(t *testing.T) {
	t.Parallel()
	e := newEnv(t, leversim.Options{Empty: true}, nil)
	p := richPosting()
	p.Hash = p.ContentHash()
	r, err := e.board.Create(t.Context(), p)
	if err != nil {
		t.Fatal(err)
	}
	rs, err := e.board.List(t.Context())
	if err != nil || len(rs) != 1 || rs[0].ID != r.ID || rs[0].Drifted || !strings.Contains(rs[0].Body, "Prose beside the list.") {
		t.Fatalf("listed %+v, %v", rs, err)
	}
}

// TestBodyMatchesList: Body(p) is exactly the Body List reports for p once
// written, one line per block.
func TestBodyMatchesList(t *testing.T) {
	t.Parallel()
	e := newEnv(t, leversim.Options{Empty: true}, nil)
	for _, p := range []posting.Posting{atstest.SamplePosting(0, 0), richPosting()} {
		r, err := e.board.Create(t.Context(), p)
		if err != nil {
			t.Fatal(err)
		}
		if want := e.board.Body(p); r.Body != want {
			t.Errorf("%s: created Body\n%s\nwant\n%s", p.Key, r.Body, want)
		}
		if !strings.Contains(r.Body, "- Excellent written and verbal communication in English.") {
			t.Errorf("%s: Body lacks a requirement line:\n%s", p.Key, r.Body)
		}
	}
	rs, err := e.board.List(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rs {
		if strings.Contains(r.Body, "\n\n") {
			t.Errorf("Body has blank lines:\n%s", r.Body)
		}
	}
}
