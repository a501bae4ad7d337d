package smartrecruiterssim

import (
	"net/http"

	"github.com/jobsync/jobsync/ats/simkit"
)

// SetFaults makes a share rate of requests fail from now on (errors, slow
// answers, and writes whose answer is lost), drawn from seed; 0 turns
// faults off.
func (s *Server) SetFaults(rate float64, seed int64) { s.faults.Set(rate, seed) }

// LoseNextResponse makes the next request with method and a path starting
// with pathPrefix run and lose its answer (a 504, or with dropConn a
// closed connection).
func (s *Server) LoseNextResponse(method, pathPrefix string, dropConn bool) {
	s.faults.LoseNext(method, pathPrefix, dropConn)
}

// FaultCounts returns the faults injected, by kind.
func (s *Server) FaultCounts() map[string]int { return s.faults.Counts() }

// Recorder is the record of every request answered, refusals included,
// for tests and benchmarks to count.
func (s *Server) Recorder() *simkit.Recorder { return s.rec }

// Requests returns every request answered, in arrival order.
func (s *Server) Requests() []Request { return s.rec.Requests() }

// Count429 returns the requests refused for going too fast: by the rate
// limit, the publication limit or the concurrency limit.
func (s *Server) Count429() int {
	return s.rec.Count(simkit.Status(http.StatusTooManyRequests))
}

// Limits are the simulator's limiters, for tests that measure how close a
// client keeps to them.
type Limits struct {
	Rate        *simkit.FixedWindow      // every request
	Publication *simkit.FixedWindow      // POST and DELETE /jobs/{id}/publication
	Concurrency *simkit.ConcurrencyLimit // requests at once
}

// Limits returns the server's limiters.
func (s *Server) Limits() Limits {
	return Limits{Rate: s.limit, Publication: s.pubs, Concurrency: s.conc}
}

// ResetStats forgets the requests recorded and the limiters' counts.
func (s *Server) ResetStats() {
	s.rec.Reset()
	s.limit.ResetStats()
	s.pubs.ResetStats()
	s.conc.ResetStats()
}
