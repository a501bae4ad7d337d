package lever

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/time/rate"

	"github.com/jobsync/jobsync/ats"
	"github.com/jobsync/jobsync/ats/atshttp"
	"github.com/jobsync/jobsync/ats/atstest"
	"github.com/jobsync/jobsync/ats/lever/leversim"
	"github.com/jobsync/jobsync/posting"
)

// testEnv is a board talking to a simulator that records write bodies.
type testEnv struct {
	sim   *leversim.Server
	board *Board
	url   string

	mu     sync.Mutex
	writes [][]byte // bodies of every POST, in order
}

func newEnv(t *testing.T, so leversim.Options, edit func(*Options)) *testEnv {
	t.Helper()
	if so.Rate == 0 {
		so.Rate, so.Burst = 1000, 1000
	}
	e := &testEnv{sim: leversim.New(so)}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodPost {
			data, _ := io.ReadAll(r.Body)
			e.mu.Lock()
			e.writes = append(e.writes, data)
			e.mu.Unlock()
			r.Body = io.NopCloser(bytes.NewReader(data))
		}
		e.sim.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	e.url = srv.URL + "/v1"
	o := Options{
		Name: "lever", BaseURL: e.url, APIKey: ats.NewSecret(e.sim.APIKey()), PerformAs: e.sim.PerformAs(),
		HTTP: atshttp.Options{Limiter: rate.NewLimiter(rate.Limit(so.Rate), so.Burst),
			RetryMax: 4, RetryWaitMin: time.Millisecond, RetryWaitMax: 5 * time.Millisecond},
	}
	if edit != nil {
		edit(&o)
	}
	b, err := New(o)
	if err != nil {
		t.Fatal(err)
	}
	e.board = b
	return e
}

// sync is one `jobsync sync` of desired (ats.Sync, closes allowed),
// failing t on any error.
func (e *testEnv) sync(t *testing.T, desired []posting.Posting) ats.Plan {
	t.Helper()
	plans, err := ats.Sync(t.Context(), ats.Targets(e.board), desired, ats.RunOptions{Guards: ats.Guards{AllowMassClose: true}}, ats.ApplyOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return plans[0]
}

func TestNewValidates(t *testing.T) {
	t.Parallel()
	const key = "s3cr3t-key-value"
	tests := []struct {
		name string
		o    Options
		want []string
	}{
		{"no key", Options{Name: "my-lever", PerformAs: "u"}, []string{"JOBSYNC_MY_LEVER_API_KEY"}},
		{"no perform_as", Options{Name: "my-lever", APIKey: ats.NewSecret(key)}, []string{"JOBSYNC_MY_LEVER_PERFORM_AS"}},
		{"default name", Options{APIKey: ats.NewSecret(key)}, []string{"JOBSYNC_LEVER_PERFORM_AS"}},
		{"relative base URL", Options{APIKey: ats.NewSecret(key), PerformAs: "u", BaseURL: "/v1"}, []string{"JOBSYNC_LEVER_BASE_URL"}},
		{"credentials in base URL", Options{APIKey: ats.NewSecret(key), PerformAs: "u", BaseURL: "https://" + key + "@api.lever.co/v1"}, []string{"JOBSYNC_LEVER_BASE_URL"}},
		{"bad channel", Options{APIKey: ats.NewSecret(key), PerformAs: "u", DistributionChannels: []string{"everywhere"}}, []string{"everywhere"}},
		{"everything missing", Options{Name: "my-lever", BaseURL: "/v1"},
			[]string{"JOBSYNC_MY_LEVER_API_KEY", "JOBSYNC_MY_LEVER_PERFORM_AS", "JOBSYNC_MY_LEVER_BASE_URL"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := New(tt.o)
			if err == nil {
				t.Fatalf("New accepted %s", tt.name)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("New: %v, want an error naming %s", err, w)
				}
			}
			if strings.Contains(err.Error(), key) {
				t.Errorf("error shows the key: %v", err)
			}
		})
	}
	b, err := New(Options{APIKey: ats.NewSecret(key), PerformAs: "u"})
	if err != nil || b.Name() != "lever" || b.MaxConcurrency() < 1 {
		t.Fatalf("New with defaults: %v %+v", err, b)
	}
}

func TestListPaginates(t *testing.T) {
	t.Parallel()
	e := newEnv(t, leversim.Options{PageSize: 2}, nil)
	for i := range 4 {
		e.sim.AddHumanPosting(leversim.HumanPosting{Title: "Extra " + string(rune('A'+i))})
	}
	rs, err := e.board.List(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	// 5 seeded postings, one of them confidential and not asked for, plus 4.
	if len(rs) != 8 {
		t.Fatalf("listed %d postings, want 8", len(rs))
	}
	seen := map[string]bool{}
	for _, r := range rs {
		if seen[r.ID] {
			t.Errorf("posting %s listed twice", r.ID)
		}
		seen[r.ID] = true
		if r.Title == "Chief of Staff" {
			t.Errorf("the confidential posting was listed")
		}
	}
	var gets []leversim.Request
	for _, r := range e.sim.Requests() {
		if r.Method == http.MethodGet {
			gets = append(gets, r)
		}
	}
	if len(gets) != 4 {
		t.Fatalf("%d GETs for 8 postings in pages of 2, want 4: %+v", len(gets), gets)
	}
	if strings.Contains(gets[0].Query, "offset") || !strings.Contains(gets[1].Query, "offset=0.") {
		t.Errorf("offsets: first %q, second %q", gets[0].Query, gets[1].Query)
	}
	if strings.Contains(gets[0].Query, "confidentiality") {
		t.Errorf("list asks for confidential postings: %q", gets[0].Query)
	}
}

// TestListStopsOnBadNext: a hasNext without a next token, or a token that
// comes back, ends the list with an error instead of looping, and never
// passes for a complete list: a plan from a partial list would create the
// owned postings it did not see again.
func TestListStopsOnBadNext(t *testing.T) {
	t.Parallel()
	for _, next := range []string{"", "same"} {
		calls := 0
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			calls++
			body := map[string]any{"data": []map[string]any{{"id": "p" + string(rune('0'+calls)), "text": "T", "state": "published"}}, "hasNext": true}
			if next != "" {
				body["next"] = next
			}
			_ = json.NewEncoder(w).Encode(body)
		}))
		b, err := New(Options{BaseURL: srv.URL, APIKey: ats.NewSecret("k"), PerformAs: "u"})
		if err != nil {
			t.Fatal(err)
		}
		rs, err := b.List(t.Context())
		srv.Close()
		if err == nil || !strings.Contains(err.Error(), "incomplete") {
			t.Errorf("next %q: %d postings, err %v; want an error saying the list is incomplete", next, len(rs), err)
		}
		if want := map[string]int{"": 1, "same": 2}[next]; calls != want {
			t.Errorf("next %q: %d calls, want %d", next, calls, want)
		}
	}
}

func TestErrors(t *testing.T) {
	t.Parallel()
	e := newEnv(t, leversim.Options{Empty: true}, nil)
	ctx := t.Context()

	_, err := e.board.Update(ctx, "no-such-id", atstest.SamplePosting(0, 0))
	var ae *atshttp.Error
	if !errors.Is(err, ats.ErrNotFound) || !errors.As(err, &ae) || ae.StatusCode != 404 || ae.Code != "ResourceNotFound" || ae.Path != "/v1/postings/no-such-id" {
		t.Errorf("update of unknown id: %v (%+v)", err, ae)
	}
	if err := e.board.Close(ctx, "no-such-id"); !errors.Is(err, ats.ErrNotFound) {
		t.Errorf("close of unknown id: %v", err)
	}
	// An id is one escaped path segment: it never reaches another route.
	for _, id := range []string{"../users", "a/b", "x?y=1", "%2e%2e"} {
		if err := e.board.Close(ctx, id); !errors.Is(err, ats.ErrNotFound) {
			t.Errorf("close of id %q: %v", id, err)
		}
	}
	for _, r := range e.sim.Requests() {
		if !strings.HasPrefix(r.Path, "/v1/postings") || r.Query != "" && r.Method == http.MethodGet && strings.Contains(r.Query, "y=1") {
			t.Errorf("request escaped its route: %+v", r)
		}
	}

	// Lever's 400 message reaches the caller.
	bad := atstest.SamplePosting(0, 0)
	bad.Title = ""
	_, err = e.board.Create(ctx, bad)
	if !errors.As(err, &ae) || ae.StatusCode != 400 || ae.Code != "BadRequestError" || !strings.Contains(err.Error(), "text") {
		t.Errorf("create without title: %v", err)
	}
	if errors.Is(err, ats.ErrNotFound) {
		t.Errorf("a 400 matches ErrNotFound")
	}

	other := newEnv(t, leversim.Options{Empty: true}, func(o *Options) { o.PerformAs = "not-a-user" })
	_, err = other.board.Create(ctx, atstest.SamplePosting(0, 0))
	if err == nil || !strings.Contains(err.Error(), "perform_as") {
		t.Errorf("create as an unknown user: %v", err)
	}
}
