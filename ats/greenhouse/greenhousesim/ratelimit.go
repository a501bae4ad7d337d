package greenhousesim

import (
	"net/http"
	"strconv"
	"time"
)

// stats is what the server counts; guarded by Server.mu.
type stats struct {
	requests   int
	n429       int
	n401       int
	tokenCalls int
	log        []Request
	windows    map[int64]int // window index → requests admitted
}

// Request is one API request as the server saw it arrive.
type Request struct {
	At      time.Time
	Method  string
	Path    string
	Limited bool      // answered 429
	RetryAt time.Time // for a 429: when its Retry-After ends
}

// admit applies the fixed-window rate limit to one API request: every
// response carries X-RateLimit-Limit, -Remaining and -Reset (Unix seconds
// when the window ends); past the limit the answer is 429 with Retry-After
// (whole seconds, rounded up). Refused requests do not use the budget.
func (s *Server) admit(w http.ResponseWriter) bool {
	s.mu.Lock()
	now := s.o.Now()
	idx := now.UnixNano() / int64(s.o.Window)
	end := time.Unix(0, (idx+1)*int64(s.o.Window))
	reset := end.Unix()
	if end.After(time.Unix(reset, 0)) {
		reset++ // round up: never announce a reset before the window really ends
	}
	s.stats.requests++
	if idx != s.limitWindow {
		s.limitWindow, s.limitUsed = idx, 0
	}
	used := s.limitUsed
	rec := Request{At: now}
	limited := used >= s.o.RateLimit
	if !limited {
		used++
		s.limitUsed = used
		s.stats.windows[idx]++
	} else {
		s.stats.n429++
		rec.Limited = true
	}
	h := w.Header()
	h.Set("X-RateLimit-Limit", strconv.Itoa(s.o.RateLimit))
	h.Set("X-RateLimit-Remaining", strconv.Itoa(max(s.o.RateLimit-used, 0)))
	h.Set("X-RateLimit-Reset", strconv.FormatInt(reset, 10))
	var wait int64
	if limited {
		wait = int64((end.Sub(now) + time.Second - 1) / time.Second)
		wait = max(wait, 1)
		rec.RetryAt = now.Add(time.Duration(wait) * time.Second)
	}
	s.stats.log = append(s.stats.log, rec)
	s.mu.Unlock()
	if limited {
		h.Set("Retry-After", strconv.FormatInt(wait, 10))
		writeJSON(w, http.StatusTooManyRequests, apiError{Message: "Rate limit exceeded"})
		return false
	}
	return true
}

// logRoute fills in the method and path of the last logged request; called
// by serveWithFaults once the route is known.
func (s *Server) logRoute(r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if n := len(s.stats.log); n > 0 && s.stats.log[n-1].Method == "" {
		s.stats.log[n-1].Method, s.stats.log[n-1].Path = r.Method, r.URL.Path
	}
}

// Requests returns how many API requests (not token requests) arrived,
// refused ones included.
func (s *Server) Requests() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.stats.requests
}

// Count429 returns how many API requests were refused by the rate limit.
func (s *Server) Count429() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.stats.n429
}

// RequestLog returns every API request in the order it arrived.
func (s *Server) RequestLog() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Request(nil), s.stats.log...)
}

// MaxRatePerWindow returns the most requests admitted in any one window.
func (s *Server) MaxRatePerWindow() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	m := 0
	for _, n := range s.stats.windows {
		m = max(m, n)
	}
	return m
}

// WindowCounts returns the requests admitted per window, from the first
// window that saw a request to the last, empty windows included.
func (s *Server) WindowCounts() []int {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.stats.windows) == 0 {
		return nil
	}
	lo, hi := int64(-1), int64(-1)
	for i := range s.stats.windows {
		if lo < 0 || i < lo {
			lo = i
		}
		if i > hi {
			hi = i
		}
	}
	out := make([]int, hi-lo+1)
	for i, n := range s.stats.windows {
		out[i-lo] = n
	}
	return out
}

// RateLimit returns the requests allowed per window and the window.
func (s *Server) RateLimit() (int, time.Duration) { return s.o.RateLimit, s.o.Window }

// ResetStats forgets the counted requests (not the state of the account,
// nor the current window's budget).
func (s *Server) ResetStats() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.stats = stats{windows: map[int64]int{}}
}
