package ats

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
	"time"
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

func fastClient() *http.Client {
	return NewHTTPClient(HTTPOptions{RetryMax: 3, RetryWaitMin: time.Millisecond, RetryWaitMax: 5 * time.Millisecond})
}

func TestRetryPolicy(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name       string
		method     string
		idempotent bool
		script     []int
		wantCalls  int
		wantStatus int
	}{
		{"GET retried after 5xx", http.MethodGet, false, []int{502, 503, 200}, 3, 200},
		{"PATCH retried after 5xx", http.MethodPatch, false, []int{500, 200}, 2, 200},
		{"POST not retried after 5xx", http.MethodPost, false, []int{500, 200}, 1, 500},
		{"POST retried after 429", http.MethodPost, false, []int{429, 201}, 2, 201},
		{"idempotent POST retried after 5xx", http.MethodPost, true, []int{503, 200}, 2, 200},
		{"4xx not retried", http.MethodGet, false, []int{422, 200}, 1, 422},
		{"gives up with the last response", http.MethodGet, false, []int{500}, 4, 500},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			s := &scripted{script: tc.script}
			srv := httptest.NewServer(s)
			defer srv.Close()
			ctx := context.Background()
			if tc.idempotent {
				ctx = Idempotent(ctx)
			}
			req, _ := http.NewRequestWithContext(ctx, tc.method, srv.URL, strings.NewReader(`{}`))
			resp, err := fastClient().Do(req)
			if err != nil {
				t.Fatalf("Do: %v", err)
			}
			resp.Body.Close()
			if resp.StatusCode != tc.wantStatus || s.count() != tc.wantCalls {
				t.Errorf("status %d after %d calls, want %d after %d", resp.StatusCode, s.count(), tc.wantStatus, tc.wantCalls)
			}
		})
	}
}

func TestPostWithLostResponseIsNotResent(t *testing.T) {
	t.Parallel()
	var mu sync.Mutex
	calls := 0
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		calls++
		mu.Unlock()
		// The write happened; the answer never comes: drop the connection.
		conn, _, err := w.(http.Hijacker).Hijack()
		if err == nil {
			conn.Close()
		}
	}))
	defer srv.Close()
	for _, method := range []string{http.MethodPost, http.MethodPatch} {
		mu.Lock()
		calls = 0
		mu.Unlock()
		req, _ := http.NewRequest(method, srv.URL, strings.NewReader(`{}`))
		if _, err := fastClient().Do(req); err == nil {
			t.Fatalf("%s: want an error for a dropped connection", method)
		}
		mu.Lock()
		want := 1
		if method != http.MethodPost {
			want = 4 // idempotent: retried (RetryMax 3)
		}
		if calls != want {
			t.Errorf("%s sent %d times after a lost response, want %d", method, calls, want)
		}
		mu.Unlock()
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
	c := NewHTTPClient(HTTPOptions{RetryMax: 3, RetryWaitMin: time.Millisecond, RetryWaitMax: 5 * time.Millisecond,
		Transport: roundTripFunc(func(r *http.Request) (*http.Response, error) {
			attempts.Add(1)
			return http.DefaultTransport.RoundTrip(r)
		})})
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

func TestRetryAfterHoldsEveryRequest(t *testing.T) {
	t.Parallel()
	s := &scripted{script: []int{429, 200}, headers: func(n int, h http.Header) {
		if n == 0 {
			h.Set("Retry-After", "1")
		}
	}}
	srv := httptest.NewServer(s)
	defer srv.Close()
	c := fastClient()
	var wg sync.WaitGroup
	for range 3 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			resp, err := c.Get(srv.URL)
			if err == nil {
				resp.Body.Close()
			}
		}()
		time.Sleep(20 * time.Millisecond) // the first request meets the 429 first
	}
	wg.Wait()
	s.mu.Lock()
	defer s.mu.Unlock()
	first := s.times[0]
	for i, at := range s.times[1:] {
		if gap := at.Sub(first); gap < 950*time.Millisecond {
			t.Errorf("request %d went out %v after the 429, before Retry-After (1s)", i+1, gap)
		}
	}
}

func TestRemainingZeroWaitsForReset(t *testing.T) {
	t.Parallel()
	var mu sync.Mutex
	var resetAt time.Time
	s := &scripted{script: []int{200}, headers: func(n int, h http.Header) {
		mu.Lock()
		defer mu.Unlock()
		if n == 0 {
			resetAt = time.Now().Truncate(time.Second).Add(time.Second)
			h.Set("X-RateLimit-Remaining", "0")
		} else {
			h.Set("X-RateLimit-Remaining", "10")
		}
		h.Set("X-RateLimit-Limit", "10")
		h.Set("X-RateLimit-Reset", strconv.FormatInt(resetAt.Unix(), 10))
	}}
	srv := httptest.NewServer(s)
	defer srv.Close()
	c := fastClient()
	for range 2 {
		resp, err := c.Get(srv.URL)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	mu.Lock()
	defer mu.Unlock()
	if s.times[1].Before(resetAt) {
		t.Errorf("second request at %v, before the window reset at %v", s.times[1], resetAt)
	}
}
