package atshttp

import (
	"context"
	"errors"
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"

	"github.com/jobsync/jobsync/ats/atstest"
)

// scripted answers each request with the next status in its script (the
// last one repeats) and records when each request arrived.
type scripted struct {
	mu      sync.Mutex
	script  []int
	headers func(n int, h http.Header)
	times   []time.Time
}

func (s *scripted) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	n := len(s.times)
	s.times = append(s.times, time.Now())
	code := s.script[min(n, len(s.script)-1)]
	s.mu.Unlock()
	if s.headers != nil {
		s.headers(n, w.Header())
	}
	w.WriteHeader(code)
	_, _ = w.Write([]byte(`{"message":"scripted"}`))
}

func (s *scripted) count() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.times)
}

// arrivals returns when each request arrived.
func (s *scripted) arrivals() []time.Time {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]time.Time(nil), s.times...)
}

// fastClient is the retrying client with short backoff over rt (nil: the
// network).
func fastClient(rt http.RoundTripper) *http.Client {
	return NewHTTPClient(Options{RetryMax: 3, RetryWaitMin: time.Millisecond, RetryWaitMax: 5 * time.Millisecond, Transport: rt})
}

func TestRetryPolicy(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name       string
		method     string
		kind       Kind
		script     []int
		wantCalls  int
		wantStatus int
	}{
		{"GET retried after 5xx", http.MethodGet, ByMethod, []int{502, 503, 200}, 3, 200},
		{"PATCH retried after 5xx", http.MethodPatch, ByMethod, []int{500, 200}, 2, 200},
		{"POST not retried after 5xx", http.MethodPost, ByMethod, []int{500, 200}, 1, 500},
		{"POST retried after 429", http.MethodPost, ByMethod, []int{429, 201}, 2, 201},
		{"idempotent POST retried after 5xx", http.MethodPost, Idempotent, []int{503, 200}, 2, 200},
		{"read POST retried after 5xx", http.MethodPost, Read, []int{503, 502, 200}, 3, 200},
		{"create PUT not retried after 5xx", http.MethodPut, Create, []int{500, 200}, 1, 500},
		{"create PUT retried after 429", http.MethodPut, Create, []int{429, 200}, 2, 200},
		{"4xx not retried", http.MethodGet, ByMethod, []int{422, 200}, 1, 422},
		{"gives up with the last response", http.MethodGet, ByMethod, []int{500}, 4, 500},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			synctest.Test(t, func(t *testing.T) {
				s := &scripted{script: tc.script}
				ctx := WithKind(context.Background(), tc.kind)
				req, _ := http.NewRequestWithContext(ctx, tc.method, "http://board.test/x", strings.NewReader(`{}`))
				resp, err := fastClient(atstest.InMemory(s)).Do(req)
				if err != nil {
					t.Fatalf("Do: %v", err)
				}
				resp.Body.Close()
				if resp.StatusCode != tc.wantStatus || s.count() != tc.wantCalls {
					t.Errorf("status %d after %d calls, want %d after %d", resp.StatusCode, s.count(), tc.wantStatus, tc.wantCalls)
				}
			})
		})
	}
}

// A request whose answer is lost (the connection drops after the server
// read it) is sent again only when its kind allows: a create never is.
func TestLostResponseIsResentByKind(t *testing.T) {
	t.Parallel()
	var calls atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		// The write happened; the answer never comes: drop the connection.
		conn, _, err := w.(http.Hijacker).Hijack()
		if err == nil {
			conn.Close()
		}
	}))
	defer srv.Close()
	for _, tc := range []struct {
		method string
		kind   Kind
		want   int32
	}{
		{http.MethodPost, ByMethod, 1},
		{http.MethodPost, Create, 1},
		{http.MethodPatch, ByMethod, 4}, // idempotent: retried (RetryMax 3)
		{http.MethodPost, Read, 4},
		{http.MethodPut, Create, 1},
	} {
		calls.Store(0)
		ctx := WithKind(context.Background(), tc.kind)
		req, _ := http.NewRequestWithContext(ctx, tc.method, srv.URL, strings.NewReader(`{}`))
		if _, err := fastClient(nil).Do(req); err == nil {
			t.Fatalf("%s (%s): want an error for a dropped connection", tc.method, tc.kind)
		}
		if n := calls.Load(); n != tc.want {
			t.Errorf("%s (%s) sent %d times after a lost response, want %d", tc.method, tc.kind, n, tc.want)
		}
	}
}

func TestPostRetriedWhenNeverSent(t *testing.T) {
	t.Parallel()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close() // nothing listens: the dial fails, the server saw nothing
	var attempts atomic.Int32
	c := fastClient(roundTripFunc(func(r *http.Request) (*http.Response, error) {
		attempts.Add(1)
		return http.DefaultTransport.RoundTrip(r)
	}))
	req, _ := http.NewRequest(http.MethodPost, "http://"+addr, strings.NewReader(`{}`))
	_, err = c.Do(req)
	var op *net.OpError
	if !errors.As(err, &op) || !isDialError(err) {
		t.Fatalf("want a dial error, got %v", err)
	}
	if n := attempts.Load(); n != 4 {
		t.Errorf("POST tried %d times after failed dials, want 4 (a dial failure is safe to retry)", n)
	}
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

// After a 429 with Retry-After, no worker's request goes out before the
// wait has passed.
func TestRetryAfterHoldsEveryRequest(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		s := &scripted{script: []int{429, 200}, headers: func(n int, h http.Header) {
			if n == 0 {
				h.Set("Retry-After", "1")
			}
		}}
		c := fastClient(atstest.InMemory(s))
		var wg sync.WaitGroup
		for range 3 {
			wg.Go(func() {
				resp, err := c.Get("http://board.test/x")
				if err != nil {
					t.Error(err)
					return
				}
				resp.Body.Close()
			})
			time.Sleep(20 * time.Millisecond) // the first request meets the 429 first
		}
		wg.Wait()
		times := s.arrivals()
		if len(times) != 4 {
			t.Fatalf("%d requests, want 4 (one 429, its retry, two more)", len(times))
		}
		for i, at := range times[1:] {
			if gap := at.Sub(times[0]); gap < time.Second {
				t.Errorf("request %d went out %v after the 429, before Retry-After (1s)", i+1, gap)
			}
		}
	})
}

// With X-RateLimit-Remaining at 0, the next request waits for the window's
// reset.
func TestRemainingZeroWaitsForReset(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		resetAt := time.Now().Truncate(time.Second).Add(time.Second)
		s := &scripted{script: []int{200}, headers: func(n int, h http.Header) {
			h.Set("X-RateLimit-Remaining", strconv.Itoa(min(n, 1)*10))
			h.Set("X-RateLimit-Limit", "10")
			h.Set("X-RateLimit-Reset", strconv.FormatInt(resetAt.Unix(), 10))
		}}
		c := fastClient(atstest.InMemory(s))
		for range 2 {
			resp, err := c.Get("http://board.test/x")
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
		}
		if times := s.arrivals(); times[1].Before(resetAt) {
			t.Errorf("second request at %v, before the window reset at %v", times[1], resetAt)
		}
	})
}
