package greenhousesim

import (
	"math/rand/v2"
	"net/http"
	"strings"
	"time"
)

// fault is what goes wrong with one request.
type fault int

const (
	faultNone    fault = iota
	fault500           // 500 before the request runs
	fault502           // 502 before the request runs
	fault503           // 503 before the request runs
	faultSlow          // 5–25 ms late, then served normally
	faultLost504       // runs, then answers 504: the change happened, the answer is lost
	faultDropped       // runs, then the connection is dropped without an answer
	faultKinds
)

var faultNames = [...]string{"none", "500", "502", "503", "slow", "lost-504", "dropped"}

// faults draws a fault per API request; guarded by Server.mu.
type faults struct {
	rate  float64
	rng   *rand.Rand
	count [faultKinds]int
	lose  []loseRule     // one-shot lost answers, for deterministic tests
	lost  map[string]int // route pattern → answers lost after the request ran
}

// loseRule loses the answer of the next request with a method and path
// prefix.
type loseRule struct {
	method, prefix string
	dropped        bool // cut the connection rather than answer 504
}

// LoseNextResponse makes the next API request with method whose path
// starts with pathPrefix run, and then lose its answer: a 504, or with
// dropConn the connection cut. The change it makes stays made.
func (s *Server) LoseNextResponse(method, pathPrefix string, dropConn bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults.lose = append(s.faults.lose, loseRule{method: method, prefix: pathPrefix, dropped: dropConn})
}

// SetFaults makes a share rate of API requests from now on fail, drawn with
// seed: answered 500, 502 or 503 before running; delayed; or run and then
// answered 504 or cut off, so that a write happens but its answer is lost.
// Rate 0 turns faults off. The token endpoint is never faulted.
func (s *Server) SetFaults(rate float64, seed int64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults.rate = rate
	s.faults.rng = rand.New(rand.NewPCG(uint64(seed), 0x6661756c74)) // "fault"
}

// FaultCounts returns how many faults of each kind were injected, by name
// ("500", "lost-504", "dropped", …).
func (s *Server) FaultCounts() map[string]int {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := map[string]int{}
	for k := fault500; k < faultKinds; k++ {
		if n := s.faults.count[k]; n > 0 {
			out[faultNames[k]] = n
		}
	}
	return out
}

// LostResponses returns, per route ("POST /v3/jobs"), how many requests ran
// and then lost their answer.
func (s *Server) LostResponses() map[string]int {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make(map[string]int, len(s.faults.lost))
	for k, v := range s.faults.lost {
		out[k] = v
	}
	return out
}

func (s *Server) drawFault(r *http.Request) (fault, time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	f := &s.faults
	for i, l := range f.lose {
		if l.method == r.Method && strings.HasPrefix(r.URL.Path, l.prefix) {
			f.lose = append(f.lose[:i], f.lose[i+1:]...)
			k := faultLost504
			if l.dropped {
				k = faultDropped
			}
			f.count[k]++
			return k, 0
		}
	}
	if f.rate <= 0 || f.rng == nil || f.rng.Float64() >= f.rate {
		return faultNone, 0
	}
	k := fault500 + fault(f.rng.IntN(int(faultKinds-fault500)))
	f.count[k]++
	return k, time.Duration(5+f.rng.IntN(20)) * time.Millisecond
}

// serveWithFaults runs the route h, unless a fault is drawn.
func (s *Server) serveWithFaults(w http.ResponseWriter, r *http.Request, h http.Handler, pattern string) {
	s.logRoute(r)
	k, delay := s.drawFault(r)
	if k == faultLost504 || k == faultDropped {
		s.mu.Lock()
		if s.faults.lost == nil {
			s.faults.lost = map[string]int{}
		}
		s.faults.lost[pattern]++
		s.mu.Unlock()
	}
	switch k {
	case faultNone:
		h.ServeHTTP(w, r)
	case fault500:
		writeJSON(w, http.StatusInternalServerError, apiError{Message: "Internal server error"})
	case fault502:
		writeJSON(w, http.StatusBadGateway, apiError{Message: "Bad gateway"})
	case fault503:
		writeJSON(w, http.StatusServiceUnavailable, apiError{Message: "Service unavailable"})
	case faultSlow:
		time.Sleep(delay)
		h.ServeHTTP(w, r)
	case faultLost504:
		h.ServeHTTP(&discard{h: http.Header{}}, r)
		writeJSON(w, http.StatusGatewayTimeout, apiError{Message: "Gateway timeout"})
	case faultDropped:
		h.ServeHTTP(&discard{h: http.Header{}}, r)
		hj, ok := w.(http.Hijacker)
		if !ok {
			writeJSON(w, http.StatusGatewayTimeout, apiError{Message: "Gateway timeout"})
			return
		}
		conn, _, err := hj.Hijack()
		if err != nil {
			writeJSON(w, http.StatusGatewayTimeout, apiError{Message: "Gateway timeout"})
			return
		}
		_ = conn.Close()
	}
}

// discard is a ResponseWriter that drops what the route answers.
type discard struct{ h http.Header }

func (d *discard) Header() http.Header         { return d.h }
func (d *discard) Write(b []byte) (int, error) { return len(b), nil }
func (d *discard) WriteHeader(int)             {}
