package smartrecruiters_test

import (
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/jobsync/jobsync/ats"
	"github.com/jobsync/jobsync/ats/atstest"
	"github.com/jobsync/jobsync/ats/smartrecruiters"
	"github.com/jobsync/jobsync/ats/smartrecruiters/smartrecruiterssim"
	"github.com/jobsync/jobsync/posting"
)

// failUnpublish drops every unpublishing request, as a lost connection.
type failUnpublish struct{ next http.RoundTripper }

func (f failUnpublish) RoundTrip(r *http.Request) (*http.Response, error) {
	if r.Method == http.MethodDelete && strings.HasSuffix(r.URL.Path, "/publication") {
		return nil, errors.New("connection reset by peer")
	}
	return f.next.RoundTrip(r)
}

// A close cut short after its state=closed marker, the key desired again:
// the next sync writes the marker back to state=open, so that a person's
// unpublishing then is drift (before: undone, no drift).
func TestCutShortCloseOfADesiredPosting(t *testing.T) {
	sim := fastSim(smartrecruiterssim.Options{Empty: true})
	b := newBoard(t, sim, true, smartrecruiters.Options{})
	p := atstest.SamplePosting(0, 0)
	syncTo(t, b, []posting.Posting{p})
	j := jobOf(t, sim, b, p.Key)
	o := boardSettings(smartrecruiters.Options{})
	o.BaseURL, o.APIKey = "http://sr.test", ats.NewSecret(sim.APIKey())
	o.HTTP = newBoardHTTP(sim)
	o.HTTP.Transport = failUnpublish{atstest.InMemory(sim)}
	o.HTTP.RetryMax = -1
	cut, err := smartrecruiters.New(o)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := cut.List(t.Context()); err != nil {
		t.Fatal(err)
	}
	if err := cut.Close(t.Context(), j.ID); err == nil {
		t.Fatal("the close's unpublishing did not fail")
	}
	syncTo(t, newBoard(t, sim, true, smartrecruiters.Options{}), []posting.Posting{p})
	if err := sim.EditJob(j.ID, func(j *smartrecruiterssim.Job) { j.PostingStatus = "NOT_PUBLISHED" }); err != nil {
		t.Fatal(err)
	}
	err = syncErr(newBoard(t, sim, true, smartrecruiters.Options{}), []posting.Posting{p}, false)
	got, _ := sim.Job(j.ID)
	if !errors.Is(err, ats.ErrDrift) {
		t.Errorf("a person's unpublishing after a cut-short close was undone: err %v, status now %s; want drift", err, got.PostingStatus)
	}
}
