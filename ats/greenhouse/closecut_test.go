package greenhouse

import (
	"context"
	"errors"
	"net/http"
	"testing"

	"github.com/jobsync/jobsync/ats"
	"github.com/jobsync/jobsync/ats/greenhouse/greenhousesim"
	"github.com/jobsync/jobsync/posting"
)

// A close cut short after its state=closed marker leaves a live post under
// that marker; the key is desired again. The next sync writes the marker
// back to state=open, so that a person's unpublishing then is drift (before:
// the marker stayed closed and the post was published again, no drift).
func TestCutShortCloseOfADesiredPosting(t *testing.T) {
	ctx := context.Background()
	e := setup(t, greenhousesim.Options{}, nil)
	p, r, pid := e.createOne(t)
	cut := e.boardOver(t, failPostPatch{http.DefaultTransport}, nil)
	if _, err := cut.List(ctx); err != nil {
		t.Fatal(err)
	}
	if err := cut.Close(ctx, r.ID); err == nil {
		t.Fatal("the close's unpublishing did not fail")
	}
	if !e.simPost(t, pid).Live {
		t.Fatal("post not live after the cut close")
	}
	if _, err := ats.Sync(ctx, ats.Targets(e.board), []posting.Posting{p}, ats.RunOptions{}, ats.ApplyOptions{}); err != nil {
		t.Fatalf("sync after the cut close: %v", err)
	}
	if err := e.sim.UnpublishPost(pid); err != nil { // a person
		t.Fatal(err)
	}
	plans, err := ats.Sync(ctx, ats.Targets(e.board), []posting.Posting{p}, ats.RunOptions{}, ats.ApplyOptions{})
	if !errors.Is(err, ats.ErrDrift) {
		t.Errorf("a person's unpublishing after a cut-short close was undone: err %v, %+v, live %v; want drift",
			err, plans[0].Summary(), e.simPost(t, pid).Live)
	}
}
