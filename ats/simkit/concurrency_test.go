package simkit

import (
	"net/http"
	"sync"
	"testing"
	"time"
)

// Requests past Max in flight are refused at once; a finished one frees its
// place. Handlers block on channels: nothing here waits on time.
func TestConcurrencyLimit(t *testing.T) {
	t.Parallel()
	c := newClock(time.Unix(1_700_000_000, 0))
	rec := NewRecorder(c.Now)
	l := NewConcurrencyLimit(ConcurrencyOptions{Max: 2, RetryAfter: 1500 * time.Millisecond, Now: c.Now, Error: jsonError})
	entered, release := make(chan struct{}), make(chan struct{})
	h := Chain(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/block" {
			entered <- struct{}{}
			<-release
		}
		w.WriteHeader(200)
	}), rec, l)

	var wg sync.WaitGroup
	done := make(chan int, 2)
	for range 2 {
		wg.Go(func() { done <- serve(t, h, "GET", "/block").Code })
	}
	<-entered
	<-entered
	if l.InFlight() != 2 {
		t.Errorf("InFlight %d, want 2", l.InFlight())
	}
	w := serve(t, h, "GET", "/now")
	if w.Code != 429 || w.Header().Get("Retry-After") != "2" || body(w) != `{"error":429}` {
		t.Errorf("a third request: %d %v %s", w.Code, w.Header(), body(w))
	}
	release <- struct{}{}
	if code := <-done; code != 200 { // it has left: the limit's count drops before ServeHTTP returns
		t.Errorf("a blocked request: %d", code)
	}
	if w := serve(t, h, "GET", "/now"); w.Code != 200 {
		t.Errorf("with a place free: %d", w.Code)
	}
	close(release)
	wg.Wait()
	if code := <-done; code != 200 {
		t.Errorf("a blocked request: %d", code)
	}
	if l.InFlight() != 0 || l.Peak() != 2 || l.Refused() != 1 {
		t.Errorf("InFlight %d Peak %d Refused %d", l.InFlight(), l.Peak(), l.Refused())
	}
	limited := rec.Count(func(r Request) bool {
		return r.Limited && r.Path == "/now" && r.RetryAt.Equal(time.Unix(1_700_000_002, 0))
	})
	if limited != 1 {
		t.Errorf("recorded %+v", rec.Requests())
	}
	l.ResetStats()
	if l.Peak() != 0 || l.Refused() != 0 {
		t.Errorf("after ResetStats: Peak %d Refused %d", l.Peak(), l.Refused())
	}
}

func TestConcurrencyLimitStatus(t *testing.T) {
	t.Parallel()
	l := NewConcurrencyLimit(ConcurrencyOptions{Max: 1, Status: http.StatusServiceUnavailable})
	var inner *int
	h := l.Wrap(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		code := serve(t, l.Wrap(status(200)), "GET", "/inner").Code // a second request while this one runs
		inner = &code
	}))
	serve(t, h, "GET", "/outer")
	if inner == nil || *inner != 503 {
		t.Errorf("the second request: %v, want 503", inner)
	}
}

// With Headers, every answer, a refusal too, carries the limit and the room
// left.
func TestConcurrencyLimitHeaders(t *testing.T) {
	t.Parallel()
	l := NewConcurrencyLimit(ConcurrencyOptions{Max: 2, Headers: XRateLimitConcurrent})
	var inner, innermost http.Header
	var innerCode int
	h := l.Wrap(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// A second request while this one runs, and a third while both run.
		w2 := serve(t, l.Wrap(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w3 := serve(t, l.Wrap(status(200)), "GET", "/third")
			innermost, innerCode = w3.Header(), w3.Code
		})), "GET", "/second")
		inner = w2.Header()
	}))
	outer := serve(t, h, "GET", "/first").Header()
	for _, tt := range []struct {
		name      string
		h         http.Header
		remaining string
	}{{"first", outer, "1"}, {"second", inner, "0"}, {"third (refused)", innermost, "0"}} {
		if tt.h.Get("X-RateLimit-Concurrent-Limit") != "2" || tt.h.Get("X-RateLimit-Concurrent-Remaining") != tt.remaining {
			t.Errorf("%s: %v, want limit 2, remaining %s", tt.name, tt.h, tt.remaining)
		}
	}
	if innerCode != 429 {
		t.Errorf("third request: %d, want 429", innerCode)
	}
}
