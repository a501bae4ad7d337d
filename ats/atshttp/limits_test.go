package atshttp

import (
	"context"
	"net/http"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"golang.org/x/time/rate"

	"github.com/jobsync/jobsync/ats"
	"github.com/jobsync/jobsync/ats/atstest"
)

// A Limit paces the requests it matches on top of the client's Limiter:
// matching requests keep the lower rate, the others the higher one.
func TestLimitsPaceMatchingRequests(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		var mu sync.Mutex
		arrived := map[string][]time.Time{}
		srv := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			mu.Lock()
			arrived[r.URL.Path] = append(arrived[r.URL.Path], time.Now())
			mu.Unlock()
		})
		slow := func(r *http.Request) bool { return strings.HasSuffix(r.URL.Path, "/publication") }
		c := NewHTTPClient(Options{
			Limiter:   rate.NewLimiter(rate.Every(101*time.Millisecond), 1),
			Limits:    []Limit{{Match: slow, Limiter: rate.NewLimiter(rate.Every(501*time.Millisecond), 1)}},
			Transport: atstest.InMemory(srv),
		})
		var wg sync.WaitGroup
		for range 4 {
			for _, path := range []string{"/jobs/1/publication", "/jobs"} {
				wg.Go(func() {
					resp, err := c.Get("http://board.test" + path)
					if err != nil {
						t.Error(err)
						return
					}
					resp.Body.Close()
				})
			}
		}
		wg.Wait()
		mu.Lock()
		defer mu.Unlock()
		for path, want := range map[string]time.Duration{"/jobs/1/publication": 500 * time.Millisecond, "/jobs": 100 * time.Millisecond} {
			times := arrived[path]
			if len(times) != 4 {
				t.Fatalf("%s: %d requests arrived, want 4", path, len(times))
			}
			for i := 1; i < len(times); i++ {
				if gap := times[i].Sub(times[i-1]); gap < want {
					t.Errorf("%s: requests %d and %d arrived %v apart, want at least %v", path, i, i+1, gap, want)
				}
			}
		}
		// The unmatched requests were not held to the slower pace.
		if last := arrived["/jobs"][3].Sub(arrived["/jobs"][0]); last > time.Second {
			t.Errorf("four unmatched requests took %v: held by the matched requests' limit", last)
		}
	})
}

// MaxInFlight bounds the requests on the wire at once.
func TestMaxInFlight(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		var mu sync.Mutex
		inFlight, peak := 0, 0
		srv := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			mu.Lock()
			inFlight++
			peak = max(peak, inFlight)
			mu.Unlock()
			time.Sleep(50 * time.Millisecond)
			mu.Lock()
			inFlight--
			mu.Unlock()
		})
		c := NewHTTPClient(Options{MaxInFlight: 3, Transport: atstest.InMemory(srv)})
		var wg sync.WaitGroup
		for range 10 {
			wg.Go(func() {
				resp, err := c.Get("http://board.test/x")
				if err != nil {
					t.Error(err)
					return
				}
				resp.Body.Close()
			})
		}
		wg.Wait()
		if peak != 3 {
			t.Errorf("at most %d requests were in flight at once, want 3", peak)
		}
	})
}

// RetryStatuses adds statuses after which reads and idempotent writes are
// sent again; a create still is not.
func TestRetryStatuses(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		kind       Kind
		wantCalls  int
		wantStatus int
	}{
		{Read, 2, 200},
		{Idempotent, 2, 200},
		{Create, 1, 409},
	} {
		t.Run(tc.kind.String(), func(t *testing.T) {
			t.Parallel()
			synctest.Test(t, func(t *testing.T) {
				s := &scripted{script: []int{409, 200}}
				c := NewHTTPClient(Options{RetryStatuses: []int{409}, RetryWaitMin: time.Millisecond, RetryWaitMax: 5 * time.Millisecond, Transport: atstest.InMemory(s)})
				req, _ := http.NewRequestWithContext(WithKind(context.Background(), tc.kind), http.MethodPost, "http://board.test/x", strings.NewReader(`{}`))
				resp, err := c.Do(req)
				if err != nil {
					t.Fatal(err)
				}
				resp.Body.Close()
				if resp.StatusCode != tc.wantStatus || s.count() != tc.wantCalls {
					t.Errorf("status %d after %d calls, want %d after %d", resp.StatusCode, s.count(), tc.wantStatus, tc.wantCalls)
				}
			})
		})
	}
	// Without the option a 409 is final.
	synctest.Test(t, func(t *testing.T) {
		s := &scripted{script: []int{409, 200}}
		resp, err := fastClient(atstest.InMemory(s)).Get("http://board.test/x")
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != 409 || s.count() != 1 {
			t.Errorf("status %d after %d calls, want 409 after 1", resp.StatusCode, s.count())
		}
	})
}

// Header sends the secret in a named header; ContentType replaces the JSON
// media type of a body.
func TestHeaderAuthAndContentType(t *testing.T) {
	t.Parallel()
	b := &board{}
	c := newAPI(t, b)
	c.Auth = Header("X-SmartToken", ats.NewSecret("the-key"))
	patch := []map[string]string{{"op": "add", "path": "/title", "value": "T"}}
	if _, err := c.Do(context.Background(), Request{Method: http.MethodPatch, Path: "/jobs/1", Body: patch, ContentType: "application/json-patch+json"}, nil); err != nil {
		t.Fatal(err)
	}
	r := b.requests()[0]
	if got := r.header.Get("X-SmartToken"); got != "the-key" {
		t.Errorf("X-SmartToken %q", got)
	}
	if got := r.header.Get("Content-Type"); got != "application/json-patch+json" {
		t.Errorf("Content-Type %q", got)
	}
	if r.body != `[{"op":"add","path":"/title","value":"T"}]`+"\n" {
		t.Errorf("body %q", r.body)
	}
}

// A request takes its tokens once it has a place on the wire, not before:
// tokens taken while waiting for a place would all be spent at once when
// places free up, a burst above the pace.
func TestTokensAreTakenWithAPlace(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		var mu sync.Mutex
		var arrived []time.Time
		srv := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			mu.Lock()
			n := len(arrived)
			arrived = append(arrived, time.Now())
			mu.Unlock()
			if n < 3 {
				time.Sleep(time.Second) // the first three are slow, the rest instant
			}
		})
		c := NewHTTPClient(Options{MaxInFlight: 3, Limiter: rate.NewLimiter(rate.Every(100*time.Millisecond), 1), Transport: atstest.InMemory(srv)})
		var wg sync.WaitGroup
		for range 10 {
			wg.Go(func() {
				resp, err := c.Get("http://board.test/x")
				if err != nil {
					t.Error(err)
					return
				}
				resp.Body.Close()
			})
		}
		wg.Wait()
		mu.Lock()
		defer mu.Unlock()
		for i := 1; i < len(arrived); i++ {
			if gap := arrived[i].Sub(arrived[i-1]); gap < 99*time.Millisecond {
				t.Errorf("requests %d and %d arrived %v apart: a burst above the pace of one per 100ms", i, i+1, gap)
			}
		}
	})
}
