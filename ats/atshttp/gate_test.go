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

	"github.com/jobsync/jobsync/ats/atstest"
)

// The gate waits inside http.Client.Timeout, so a create that queues behind
// another worker's 429 for longer than the per-attempt timeout times out
// without having been sent. It was never sent, so it is retried, and goes
// out once the pause is over.
func TestCreateHeldInTheGateIsRetried(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		var mu sync.Mutex
		posts, gets := 0, 0
		var pauseEnd time.Time
		srv := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			mu.Lock()
			defer mu.Unlock()
			if r.Method == http.MethodPost {
				posts++
				if time.Now().Before(pauseEnd) {
					t.Errorf("the create went out during the 429's pause")
				}
				w.WriteHeader(http.StatusCreated)
				return
			}
			gets++
			if gets == 1 {
				pauseEnd = time.Now().Add(time.Second)
				w.Header().Set("Retry-After", "1")
				w.WriteHeader(http.StatusTooManyRequests)
			}
		})
		c := NewHTTPClient(Options{Timeout: 300 * time.Millisecond, RetryMax: 4, RetryWaitMin: time.Millisecond, RetryWaitMax: 2 * time.Second,
			Transport: atstest.InMemory(srv)})

		// Worker 1: a GET answered 429, Retry-After 1s: the gate closes for 1s.
		var wg sync.WaitGroup
		wg.Go(func() {
			resp, err := c.Get("http://board.test/x")
			if err != nil {
				t.Error(err)
				return
			}
			resp.Body.Close()
		})
		time.Sleep(100 * time.Millisecond)

		// Worker 2: a create, queued in the gate past its attempt's timeout.
		req, _ := http.NewRequest(http.MethodPost, "http://board.test/x", strings.NewReader(`{}`))
		resp, err := c.Do(req)
		if err != nil {
			t.Fatalf("create failed after queueing in the gate: %v", err)
		}
		resp.Body.Close()
		wg.Wait()
		mu.Lock()
		defer mu.Unlock()
		if resp.StatusCode != http.StatusCreated || posts != 1 {
			t.Errorf("create answered %d, the board saw %d POSTs; want 201 and 1", resp.StatusCode, posts)
		}
	})
}

// A 429 pause that begins while a request waits for a limiter token holds
// that request too: the gate is checked again after the token.
func TestLimiterWaitHonoursAPauseThatBeganMeanwhile(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		var mu sync.Mutex
		var sent time.Time
		rt := roundTripFunc(func(*http.Request) (*http.Response, error) {
			mu.Lock()
			sent = time.Now()
			mu.Unlock()
			return &http.Response{StatusCode: 200, Header: http.Header{}, Body: http.NoBody}, nil
		})
		lim := rate.NewLimiter(rate.Every(300*time.Millisecond), 1)
		lim.Allow() // the bucket is empty: the next request waits 300ms
		g := &gate{next: rt, limiter: lim, now: time.Now}

		done := make(chan struct{})
		go func() {
			req, _ := http.NewRequest(http.MethodGet, "http://x/", nil)
			_, _ = g.RoundTrip(req)
			close(done)
		}()
		time.Sleep(50 * time.Millisecond)
		// Another worker's request answered 429 with Retry-After: 1.
		if err := g.wait(context.Background()); err != nil {
			t.Fatal(err)
		}
		pauseEnd := time.Now().Add(time.Second)
		g.done(&http.Response{StatusCode: 429, Header: http.Header{"Retry-After": {"1"}}})
		<-done
		mu.Lock()
		defer mu.Unlock()
		if sent.Before(pauseEnd) {
			t.Fatalf("request sent %v before the 429's Retry-After ended", pauseEnd.Sub(sent))
		}
	})
}
