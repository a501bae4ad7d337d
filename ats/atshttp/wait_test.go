package atshttp

import (
	"net/http"
	"strconv"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"go.uber.org/zap"
	"go.uber.org/zap/zaptest/observer"

	"github.com/jobsync/jobsync/ats/atstest"
)

// A board that asks for an hour's wait (Retry-After: 3600, or an
// X-RateLimit-Reset an hour away) holds the run for MaxWait at most, and the
// run says at info level how long it waits and why, once per wait.
func TestServerWaitsAreCapped(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name    string
		maxWait time.Duration
		limit   func(h http.Header, now time.Time) int // the first answer's status
		want    time.Duration                          // the longest the run may take
	}{
		{"Retry-After an hour", 0, func(h http.Header, _ time.Time) int {
			h.Set("Retry-After", "3600")
			return http.StatusTooManyRequests
		}, DefaultMaxWait},
		{"Retry-After a date an hour away", 0, func(h http.Header, now time.Time) int {
			h.Set("Retry-After", now.Add(time.Hour).UTC().Format(http.TimeFormat))
			return http.StatusServiceUnavailable
		}, DefaultMaxWait},
		{"X-RateLimit-Reset an hour away", 0, func(h http.Header, now time.Time) int {
			h.Set("X-RateLimit-Remaining", "0")
			h.Set("X-RateLimit-Reset", strconv.FormatInt(now.Add(time.Hour).Unix(), 10))
			return http.StatusTooManyRequests
		}, DefaultMaxWait + time.Second},
		{"a configured cap", 10 * time.Second, func(h http.Header, _ time.Time) int {
			h.Set("Retry-After", "3600")
			return http.StatusTooManyRequests
		}, 10 * time.Second},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			synctest.Test(t, func(t *testing.T) {
				var mu sync.Mutex
				calls := 0
				srv := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
					mu.Lock()
					defer mu.Unlock()
					calls++
					if calls == 1 {
						w.WriteHeader(tc.limit(w.Header(), time.Now()))
					}
				})
				core, logs := observer.New(zap.InfoLevel)
				c := NewHTTPClient(Options{Transport: atstest.InMemory(srv), MaxWait: tc.maxWait, Logger: zap.New(core), Timeout: 2 * time.Hour})
				start := time.Now()
				var wg sync.WaitGroup
				for range 3 { // three workers, one wait: one line
					wg.Go(func() {
						resp, err := c.Get("http://board.test/jobs")
						if err != nil {
							t.Error(err)
							return
						}
						resp.Body.Close()
					})
					time.Sleep(time.Millisecond)
				}
				wg.Wait()
				if took := time.Since(start); took > tc.want {
					t.Errorf("the run waited %s, want at most %s", took, tc.want)
				}
				lines := logs.FilterMessageSnippet("waiting").All()
				if len(lines) != 1 {
					t.Fatalf("%d info lines about the wait, want 1: %v", len(lines), logs.All())
				}
				f := lines[0].ContextMap()
				if f["wait"] == nil || !strings.Contains(lines[0].Message, "board") || f["asked"] == nil {
					t.Errorf("line %q %v: want the wait, what the board asked", lines[0].Message, f)
				}
			})
		})
	}
}

// Short waits stay at debug: a run paced by its board is not news.
func TestShortServerWaitsAreQuiet(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		calls := 0
		srv := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			calls++
			if calls == 1 {
				w.Header().Set("Retry-After", "2")
				w.WriteHeader(http.StatusTooManyRequests)
			}
		})
		core, logs := observer.New(zap.InfoLevel)
		c := NewHTTPClient(Options{Transport: atstest.InMemory(srv), Logger: zap.New(core)})
		resp, err := c.Get("http://board.test/jobs")
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if logs.Len() != 0 {
			t.Errorf("info lines for a 2s wait: %v", logs.All())
		}
	})
}
