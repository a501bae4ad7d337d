package simkit

import (
	"net/http"
	"strconv"
	"sync"
	"time"
)

// HeaderNames are the names of a rate limit's headers.
type HeaderNames struct {
	Limit     string // requests allowed per window
	Remaining string // requests left in this window
	Reset     string // when the window ends (see ResetStyle); "" sends none
}

// XRateLimit are the usual names: X-RateLimit-Limit, -Remaining, -Reset
// (Greenhouse).
var XRateLimit = HeaderNames{Limit: "X-RateLimit-Limit", Remaining: "X-RateLimit-Remaining", Reset: "X-RateLimit-Reset"}

// XRateLimitDashed are X-Rate-Limit-Limit, -Remaining, -Reset (Teamtailor).
var XRateLimitDashed = HeaderNames{Limit: "X-Rate-Limit-Limit", Remaining: "X-Rate-Limit-Remaining", Reset: "X-Rate-Limit-Reset"}

// ResetStyle is how the reset header says when the window ends.
type ResetStyle int

const (
	// ResetUnix: the Unix time in seconds, rounded up, so that a client
	// never waits too little.
	ResetUnix ResetStyle = iota
	// ResetDelta: the seconds left until the window ends, rounded up.
	ResetDelta
)

// WindowOptions configure a FixedWindow.
type WindowOptions struct {
	Limit   int              // requests admitted per window; must be positive
	Window  time.Duration    // the window; windows are aligned to the Unix epoch; must be positive
	Now     func() time.Time // default time.Now
	Headers HeaderNames      // default XRateLimit
	Reset   ResetStyle       // default ResetUnix
	Error   ErrorBody        // writes the 429's body; default plain text
	// NoRetryAfter answers a refusal with a 429 and no Retry-After, for a
	// service that documents none (SmartRecruiters).
	NoRetryAfter bool
}

// FixedWindow is a Layer admitting Limit requests per window. Every answer
// carries the limit, the requests remaining and the window's reset; past the
// limit the answer is 429 with Retry-After (whole seconds until the window
// ends, rounded up, at least 1). Refused requests do not use the budget.
type FixedWindow struct {
	o WindowOptions

	mu       sync.Mutex
	window   int64 // the window used counts
	used     int
	admitted map[int64]int // window index → requests admitted
	refused  int
}

// NewFixedWindow returns a limiter with the whole budget of the current
// window.
func NewFixedWindow(o WindowOptions) *FixedWindow {
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Headers == (HeaderNames{}) {
		o.Headers = XRateLimit
	}
	o.Error = orPlain(o.Error)
	return &FixedWindow{o: o, admitted: map[int64]int{}}
}

// Wrap applies the limit, then serves what it admits with next.
func (l *FixedWindow) Wrap(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		l.mu.Lock()
		now := l.o.Now()
		idx := now.UnixNano() / int64(l.o.Window)
		end := time.Unix(0, (idx+1)*int64(l.o.Window))
		if idx != l.window {
			l.window, l.used = idx, 0
		}
		limited := l.used >= l.o.Limit
		if limited {
			l.refused++
		} else {
			l.used++
			l.admitted[idx]++
		}
		remaining := max(l.o.Limit-l.used, 0)
		l.mu.Unlock()

		h := w.Header()
		h.Set(l.o.Headers.Limit, strconv.Itoa(l.o.Limit))
		h.Set(l.o.Headers.Remaining, strconv.Itoa(remaining))
		if l.o.Headers.Reset != "" {
			h.Set(l.o.Headers.Reset, strconv.FormatInt(l.reset(now, end), 10))
		}
		if !limited {
			next.ServeHTTP(w, r)
			return
		}
		if l.o.NoRetryAfter {
			note(r, func(e *Request) { e.Limited = true })
		} else {
			wait := max(ceilSeconds(end.Sub(now)), 1)
			note(r, func(e *Request) { e.Limited, e.RetryAt = true, now.Add(time.Duration(wait)*time.Second) })
			h.Set("Retry-After", strconv.FormatInt(wait, 10))
		}
		l.o.Error(w, http.StatusTooManyRequests)
	})
}

// reset is the reset header's value for a window ending at end.
func (l *FixedWindow) reset(now, end time.Time) int64 {
	if l.o.Reset == ResetDelta {
		return ceilSeconds(end.Sub(now))
	}
	reset := end.Unix()
	if end.After(time.Unix(reset, 0)) {
		reset++ // never announce a reset before the window really ends
	}
	return reset
}

// ceilSeconds is d in whole seconds, rounded up.
func ceilSeconds(d time.Duration) int64 {
	return int64((d + time.Second - 1) / time.Second)
}

// Limit returns the requests admitted per window and the window.
func (l *FixedWindow) Limit() (int, time.Duration) { return l.o.Limit, l.o.Window }

// Refused returns how many requests were answered 429.
func (l *FixedWindow) Refused() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.refused
}

// Admitted returns the requests admitted per window, from the first window
// that admitted one to the last, empty windows included.
func (l *FixedWindow) Admitted() []int {
	l.mu.Lock()
	defer l.mu.Unlock()
	if len(l.admitted) == 0 {
		return nil
	}
	lo, hi := int64(0), int64(0)
	first := true
	for i := range l.admitted {
		if first || i < lo {
			lo = i
		}
		if first || i > hi {
			hi = i
		}
		first = false
	}
	out := make([]int, hi-lo+1)
	for i, n := range l.admitted {
		out[i-lo] = n
	}
	return out
}

// MaxAdmitted returns the most requests admitted in any one window.
func (l *FixedWindow) MaxAdmitted() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	m := 0
	for _, n := range l.admitted {
		m = max(m, n)
	}
	return m
}

// ResetStats forgets what was admitted and refused, but not the budget the
// current window has used.
func (l *FixedWindow) ResetStats() {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.admitted, l.refused = map[int64]int{}, 0
}
