package greenhousesim

import (
	"time"

	"github.com/jobsync/jobsync/ats/simkit"
)

// Request is one API request as the server saw it arrive (token requests
// are not API requests).
type Request = simkit.Request

// Requests returns how many API requests arrived, refused ones included.
func (s *Server) Requests() int { return s.rec.Len() }

// RequestLog returns every API request in the order it arrived.
func (s *Server) RequestLog() []Request { return s.rec.Requests() }

// Count429 returns how many API requests were refused by the rate limit.
func (s *Server) Count429() int { return s.limit.Refused() }

// MaxRatePerWindow returns the most requests admitted in any one window.
func (s *Server) MaxRatePerWindow() int { return s.limit.MaxAdmitted() }

// WindowCounts returns the requests admitted per window, from the first
// window that saw a request to the last, empty windows included.
func (s *Server) WindowCounts() []int { return s.limit.Admitted() }

// RateLimit returns the requests allowed per window and the window.
func (s *Server) RateLimit() (int, time.Duration) { return s.limit.Limit() }

// ResetStats forgets the counted requests, 401s and token calls (not the
// state of the account, nor the current window's budget, nor the faults
// injected).
func (s *Server) ResetStats() {
	s.rec.Reset()
	s.limit.ResetStats()
	s.mu.Lock()
	defer s.mu.Unlock()
	s.n401, s.tokenCalls = 0, 0
}

// SetFaults makes a share rate of API requests from now on fail, drawn with
// seed: answered 500, 502 or 503 before running; delayed; or run and then
// answered 504 or cut off, so that a write happens but its answer is lost.
// Rate 0 turns faults off. The token endpoint is never faulted.
func (s *Server) SetFaults(rate float64, seed int64) { s.faults.Set(rate, seed) }

// LoseNextResponse makes the next API request with method whose path
// starts with pathPrefix run, and then lose its answer: a 504, or with
// dropConn the connection cut. The change it makes stays made.
func (s *Server) LoseNextResponse(method, pathPrefix string, dropConn bool) {
	s.faults.LoseNext(method, pathPrefix, dropConn)
}

// FaultCounts returns how many faults of each kind were injected, by name
// ("500", "lost-504", "dropped", …).
func (s *Server) FaultCounts() map[string]int { return s.faults.Counts() }

// LostResponses returns, per route ("POST /v3/jobs"), how many requests ran
// and then lost their answer.
func (s *Server) LostResponses() map[string]int { return s.faults.Lost() }
