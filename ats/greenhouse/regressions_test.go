package greenhouse

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/jobsync/jobsync/ats"
	"github.com/jobsync/jobsync/ats/greenhouse/greenhousesim"
)

// A credential in a malformed base or token URL never comes back in New's
// error, though url.Parse's error quotes its input.
func TestNewErrorRedactsURLCredentials(t *testing.T) {
	for _, o := range []Options{
		{BaseURL: "https://id:s3cr3t-pass@harvest.example.com:bad/v3"},
		{TokenURL: "https://id:s3cr3t-pass@auth.example.com:bad/token"},
	} {
		o.ClientID, o.ClientSecret, o.UserID, o.TemplateJobID = "id", ats.NewSecret("x"), 1, 1
		_, err := New(o)
		if err == nil {
			t.Fatalf("New accepted a malformed URL")
		}
		if strings.Contains(err.Error(), "s3cr3t-pass") {
			t.Errorf("New's error shows the URL's password: %v", err)
		}
	}
}

// failOpenings fails every call to the openings routes, as a network would.
type failOpenings struct{ next http.RoundTripper }

func (f failOpenings) RoundTrip(r *http.Request) (*http.Response, error) {
	if strings.HasPrefix(r.URL.Path, "/v3/openings") {
		return nil, errors.New("connection reset by peer")
	}
	return f.next.RoundTrip(r)
}

// With CloseOpenings, a Close that fails on the openings leaves the post
// live (the openings are closed first), so the next plan closes it again and
// the job does not stay open for good.
func TestCloseWithOpeningsConvergesAfterAFailure(t *testing.T) {
	ctx := context.Background()
	e := setup(t, greenhousesim.Options{}, func(o *Options) { o.CloseOpenings = true })
	p := samples(1)[0]
	r, err := e.board.Create(ctx, p)
	if err != nil {
		t.Fatal(err)
	}
	// Run 1: closing, the openings calls fail (network).
	o := Options{Name: "greenhouse", BaseURL: e.base, ClientID: e.sim.ClientID(), ClientSecret: ats.NewSecret(e.sim.ClientSecret()),
		UserID: e.sim.UserID(), TemplateJobID: e.sim.TemplateJobID(), CloseOpenings: true,
		HTTP: fastHTTP(nil, failOpenings{http.DefaultTransport})}
	b1, _ := New(o)
	if err := b1.Close(ctx, r.ID); err == nil {
		t.Fatal("want the first close to fail")
	}
	// Run 2: the key is still not desired.
	rs := e.mustList(t)
	plan := ats.NewPlan("greenhouse", nil, rs, ats.PlanOptions{})
	closes := 0
	for _, a := range plan.Actions {
		if a.Op == ats.OpClose {
			closes++
		}
	}
	pid, _ := strconv.ParseInt(r.ID, 10, 64)
	jobID, _ := e.board.jobOf(pid)
	open := 0
	for _, op := range e.sim.Openings(jobID) {
		if op.Open {
			open++
		}
	}
	if closes == 0 && open > 0 {
		t.Errorf("run 2 plans no close, yet job %d still has %d open openings: the close never completes", jobID, open)
	}
}
