package greenhouse

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"sync"
	"testing"
	"time"

	"go.uber.org/zap"

	"github.com/jobsync/jobsync/ats"
	"github.com/jobsync/jobsync/ats/atshttp"
	"github.com/jobsync/jobsync/ats/atstest"
	"github.com/jobsync/jobsync/ats/greenhouse/greenhousesim"
	"github.com/jobsync/jobsync/posting"
)

// env is a simulator behind an httptest server and a board on it.
type env struct {
	sim   *greenhousesim.Server
	srv   *httptest.Server
	board *Board
	base  string
}

// setup starts a simulator with so and a board with the lead's retrying
// client (short waits); mod may adjust the board's options.
func setup(t testing.TB, so greenhousesim.Options, mod func(*Options)) *env {
	t.Helper()
	sim := greenhousesim.New(so)
	srv := httptest.NewServer(sim)
	t.Cleanup(srv.Close)
	e := &env{sim: sim, srv: srv, base: srv.URL + "/v3"}
	o := Options{
		Name:          "greenhouse",
		BaseURL:       e.base,
		ClientID:      sim.ClientID(),
		ClientSecret:  ats.NewSecret(sim.ClientSecret()),
		UserID:        sim.UserID(),
		TemplateJobID: sim.TemplateJobID(),
		HTTP:          fastHTTP(nil, nil),
	}
	if mod != nil {
		mod(&o)
	}
	b, err := New(o)
	if err != nil {
		t.Fatal(err)
	}
	e.board = b
	return e
}

// fastHTTP tunes the board's retrying client with waits short enough for
// tests, over rt (nil: the network).
func fastHTTP(log *zap.Logger, rt http.RoundTripper) atshttp.Options {
	return atshttp.Options{Logger: log, RetryWaitMin: time.Millisecond, RetryWaitMax: 20 * time.Millisecond, RetryMax: 6, Transport: rt}
}

func samples(n int) []posting.Posting { return atstest.SamplePostings(n) }

// createOne creates the first sample posting on e's board and returns it,
// the board's answer and its post's id.
func (e *env) createOne(t testing.TB) (posting.Posting, ats.Remote, int64) {
	t.Helper()
	p := samples(1)[0]
	r, err := e.board.Create(t.Context(), p)
	if err != nil {
		t.Fatal(err)
	}
	pid, err := strconv.ParseInt(r.ID, 10, 64)
	if err != nil {
		t.Fatal(err)
	}
	return p, r, pid
}

// boardOver is another board on e's simulator, its requests through rt
// (see fastHTTP); mod may adjust its options.
func (e *env) boardOver(t testing.TB, rt http.RoundTripper, mod func(*Options)) *Board {
	t.Helper()
	o := Options{Name: "greenhouse", BaseURL: e.base, ClientID: e.sim.ClientID(), ClientSecret: ats.NewSecret(e.sim.ClientSecret()),
		UserID: e.sim.UserID(), TemplateJobID: e.sim.TemplateJobID(), HTTP: fastHTTP(nil, rt)}
	if mod != nil {
		mod(&o)
	}
	b, err := New(o)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// owned returns the owned remotes of rs, by key.
func owned(rs []ats.Remote) map[string]ats.Remote {
	out := map[string]ats.Remote{}
	for _, r := range rs {
		if r.Owned {
			out[r.Key] = r
		}
	}
	return out
}

// mustList lists the board or fails the test.
func (e *env) mustList(t testing.TB) []ats.Remote {
	t.Helper()
	rs, err := e.board.List(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return rs
}

// ownerOfSim reads a simulator job's ownership as the adapter does.
func (e *env) ownerOfSim(j greenhousesim.Job) ats.Marker {
	var jj job
	b, _ := json.Marshal(j)
	_ = json.Unmarshal(b, &jj)
	return ownerOf(jj, e.sim.TemplateJobID())
}

// taggedJobs counts jobsync's jobs per posting key: marked, or orphans of a
// create whose answer was lost.
func (e *env) taggedJobs() map[string]int {
	out := map[string]int{}
	for _, j := range e.sim.Jobs() {
		if m := e.ownerOfSim(j); ats.Owns(m) {
			out[m.Key]++
		}
	}
	return out
}

// humanJobs returns the ids of the jobs the simulator seeded as made by
// people (neither the template nor jobsync's).
func (e *env) humanJobs() []int64 {
	var ids []int64
	for _, j := range e.sim.Jobs() {
		if (j.IsTemplate == nil || !*j.IsTemplate) && !ats.Owns(e.ownerOfSim(j)) {
			ids = append(ids, j.ID)
		}
	}
	return ids
}

// fakeClock is a settable clock shared by a simulator and a board.
type fakeClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *fakeClock) Add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

func mustURL(s string) *url.URL {
	u, err := url.Parse(s)
	if err != nil {
		panic(err)
	}
	return u
}
