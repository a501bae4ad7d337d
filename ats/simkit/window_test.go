package simkit

import (
	"net/http"
	"reflect"
	"strconv"
	"testing"
	"time"
)

func TestFixedWindow(t *testing.T) {
	t.Parallel()
	t0 := time.Unix(1_700_000_000, 0) // a 2 s window starts here
	c := newClock(t0.Add(500 * time.Millisecond))
	rec := NewRecorder(c.Now)
	l := NewFixedWindow(WindowOptions{Limit: 2, Window: 2 * time.Second, Now: c.Now, Error: jsonError})
	h := Chain(status(200), rec, l)
	for i, tt := range []struct {
		advance    time.Duration
		code       int
		remaining  string
		reset      int64
		retryAfter string
	}{
		{0, 200, "1", 1_700_000_002, ""},
		{0, 200, "0", 1_700_000_002, ""},
		{0, 429, "0", 1_700_000_002, "2"},                       // 1.5 s left, rounded up
		{1400 * time.Millisecond, 429, "0", 1_700_000_002, "1"}, // 0.1 s left
		{100 * time.Millisecond, 200, "1", 1_700_000_004, ""},   // a new window
		{4 * time.Second, 200, "1", 1_700_000_008, ""},          // two windows on, one empty
	} {
		c.Add(tt.advance)
		w := serve(t, h, "GET", "/v3/jobs")
		hd := w.Header()
		if w.Code != tt.code || hd.Get("X-RateLimit-Limit") != "2" || hd.Get("X-RateLimit-Remaining") != tt.remaining ||
			hd.Get("X-RateLimit-Reset") != strconv.FormatInt(tt.reset, 10) || hd.Get("Retry-After") != tt.retryAfter {
			t.Errorf("request %d: %d %v, want %d remaining %s reset %d retry after %q", i, w.Code, hd, tt.code, tt.remaining, tt.reset, tt.retryAfter)
		}
		if tt.code == 429 && body(w) != `{"error":429}` {
			t.Errorf("request %d: 429 body %s", i, body(w))
		}
	}
	if got, want := l.Admitted(), []int{2, 1, 0, 1}; !reflect.DeepEqual(got, want) {
		t.Errorf("Admitted %v, want %v", got, want)
	}
	if l.MaxAdmitted() != 2 || l.Refused() != 2 {
		t.Errorf("MaxAdmitted %d, Refused %d", l.MaxAdmitted(), l.Refused())
	}
	if n, w := l.Limit(); n != 2 || w != 2*time.Second {
		t.Errorf("Limit %d %v", n, w)
	}
	rs := rec.Requests()
	if !rs[2].Limited || !rs[2].RetryAt.Equal(t0.Add(2500*time.Millisecond)) || rs[3].RetryAt != t0.Add(2900*time.Millisecond) || rs[0].Limited {
		t.Errorf("recorded %+v", rs)
	}
	l.ResetStats()
	if l.Admitted() != nil || l.MaxAdmitted() != 0 || l.Refused() != 0 {
		t.Errorf("after ResetStats: %v %d %d", l.Admitted(), l.MaxAdmitted(), l.Refused())
	}
	// The window's budget is not reset: one left of two.
	if w := serve(t, h, "GET", "/"); w.Code != 200 || w.Header().Get("X-RateLimit-Remaining") != "0" {
		t.Errorf("after ResetStats: %d, remaining %s", w.Code, w.Header().Get("X-RateLimit-Remaining"))
	}
}

// Headers named otherwise, a reset in seconds from now, and a window that
// does not end on a whole second.
func TestFixedWindowHeaderStyles(t *testing.T) {
	t.Parallel()
	at := time.Unix(1_700_000_001, 600_000_000) // the 1.5 s window runs to …002.5
	for _, tt := range []struct {
		name    string
		o       WindowOptions
		limit   string
		reset   string
		headers HeaderNames
	}{
		{"unix, rounded up", WindowOptions{}, "X-RateLimit-Limit", "1700000003", XRateLimit},
		{"seconds left, rounded up", WindowOptions{Reset: ResetDelta}, "X-RateLimit-Limit", "1", XRateLimit},
		{"dashed names", WindowOptions{Headers: XRateLimitDashed}, "X-Rate-Limit-Limit", "1700000003", XRateLimitDashed},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			o := tt.o
			o.Limit, o.Window, o.Now = 5, 1500*time.Millisecond, func() time.Time { return at }
			w := serve(t, NewFixedWindow(o).Wrap(status(200)), "GET", "/")
			h := w.Header()
			if h.Get(tt.limit) != "5" || h.Get(tt.headers.Remaining) != "4" || h.Get(tt.headers.Reset) != tt.reset {
				t.Errorf("headers %v, want reset %s", h, tt.reset)
			}
			if len(h) != 3 {
				t.Errorf("headers %v: more than the limit's three", h)
			}
		})
	}
}

// A service that sends no reset header and no Retry-After (SmartRecruiters)
// gets neither, and its refusals record no retry hint.
func TestFixedWindowWithoutResetOrRetryAfter(t *testing.T) {
	t.Parallel()
	c := newClock(time.Unix(1_700_000_000, 0))
	rec := NewRecorder(c.Now)
	l := NewFixedWindow(WindowOptions{Limit: 1, Window: time.Second, Now: c.Now, NoRetryAfter: true,
		Headers: HeaderNames{Limit: "X-RateLimit-Limit", Remaining: "X-RateLimit-Remaining"}})
	h := Chain(status(200), rec, l)
	for i, want := range []int{200, 429} {
		w := serve(t, h, "GET", "/jobs")
		hd := w.Header()
		if w.Code != want || hd.Get("X-RateLimit-Limit") != "1" || hd.Get("X-RateLimit-Remaining") != "0" {
			t.Errorf("request %d: %d %v, want %d with limit 1, remaining 0", i, w.Code, hd, want)
		}
		if _, ok := hd["Retry-After"]; ok {
			t.Errorf("request %d: Retry-After %q", i, hd.Get("Retry-After"))
		}
		if _, ok := hd["X-Ratelimit-Reset"]; ok || len(hd.Values("")) > 0 {
			t.Errorf("request %d: a reset header %v", i, hd)
		}
	}
	if rs := rec.Requests(); !rs[1].Limited || !rs[1].RetryAt.IsZero() {
		t.Errorf("recorded %+v", rs)
	}
}

// Only applies a layer to the requests it matches.
func TestOnly(t *testing.T) {
	t.Parallel()
	c := newClock(time.Unix(1_700_000_000, 0))
	l := NewFixedWindow(WindowOptions{Limit: 1, Window: time.Second, Now: c.Now})
	h := Chain(status(200), Only(func(r *http.Request) bool { return r.Method == "POST" }, l))
	for i, tt := range []struct {
		method string
		code   int
		header bool
	}{{"POST", 200, true}, {"GET", 200, false}, {"POST", 429, true}, {"GET", 200, false}} {
		w := serve(t, h, tt.method, "/x")
		if w.Code != tt.code || (w.Header().Get("X-RateLimit-Limit") != "") != tt.header {
			t.Errorf("request %d (%s): %d %v, want %d, limit header %t", i, tt.method, w.Code, w.Header(), tt.code, tt.header)
		}
	}
	if l.Refused() != 1 || l.MaxAdmitted() != 1 {
		t.Errorf("Refused %d MaxAdmitted %d", l.Refused(), l.MaxAdmitted())
	}
}
