// Package leversim is an in-process simulator of Lever API v1's postings
// routes, for jobsync's tests, benchmarks and examples. It follows what
// Lever documents and what recorded sandbox traffic shows (see
// ats/lever/doc.go for sources): Basic auth with the API key as user,
// GET /v1/postings with opaque offset tokens and hasNext/next,
// GET /v1/postings/{id}, POST /v1/postings (201) and POST /v1/postings/{id}
// (200) with a required perform_as, Lever's HTML rules, {code, message}
// errors, and a per-key token bucket (10/s, bursts of 20) that answers 429
// without Retry-After or rate-limit headers.
//
// Where Lever's behaviour is unknown the simulator is strict, so an adapter
// that passes here does not rely on leniency: read-only fields on a write,
// a non-JSON body or an unknown perform_as user are 400s.
package leversim

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/jobsync/jobsync/ats/simkit"
)

// Options configure a Server.
type Options struct {
	APIKey    string           // the one valid key; default "test-lever-key"
	PerformAs string           // the service user's id; default a fixed uuid
	PageSize  int              // the most postings a page holds, whatever limit asks: Lever's 100 by default; tests lower it
	Rate      float64          // bucket refill per second; default 10
	Burst     int              // bucket size; default 20
	Seed      int64            // seeds ids, tokens and faults
	Now       func() time.Time // default time.Now
	// Empty starts the board without the human-made postings.
	Empty bool
}

// Request is one request the server answered, for tests.
type Request struct {
	Method string
	Path   string
	Query  string
	Status int // 0 when the response was lost on purpose
}

// Server is a simulated Lever account. It implements http.Handler with
// routes under /v1.
type Server struct {
	opts Options

	mu       sync.Mutex
	postings map[string]*Posting
	users    map[string]bool
	tokens   map[string]cursor // offset tokens handed out
	rng      *rand.Rand
	bucket   bucket
	faults   faults
	log      []Request
	n429     int
}

// New returns a Server holding a few human-made postings (unless o.Empty).
func New(o Options) *Server {
	if o.APIKey == "" {
		o.APIKey = "test-lever-key"
	}
	if o.PerformAs == "" {
		o.PerformAs = "8d49b010-cc6a-4f40-ace5-e86061c677ed"
	}
	if o.PageSize <= 0 || o.PageSize > 100 {
		o.PageSize = 100
	}
	if o.Rate <= 0 {
		o.Rate = 10
	}
	if o.Burst <= 0 {
		o.Burst = 20
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	s := &Server{
		opts:     o,
		postings: map[string]*Posting{},
		users:    map[string]bool{o.PerformAs: true},
		tokens:   map[string]cursor{},
		rng:      rand.New(rand.NewPCG(uint64(o.Seed), 0x1e7e5)),
		bucket:   bucket{rate: o.Rate, burst: float64(o.Burst), tokens: float64(o.Burst), last: o.Now()},
	}
	for _, u := range humanUsers {
		s.users[u] = true
	}
	if !o.Empty {
		s.seed()
	}
	return s
}

// Env returns the environment that points the board whose variables start
// with prefix ("JOBSYNC_LEVER") at the server served at root
// ("http://127.0.0.1:8082"), one KEY=VALUE per line.
func (s *Server) Env(prefix, root string) []string {
	return simkit.Env(prefix,
		simkit.Var{Name: "BASE_URL", Value: simkit.BaseURL(root, "/v1")},
		simkit.Var{Name: "API_KEY", Value: s.opts.APIKey},
		simkit.Var{Name: "PERFORM_AS", Value: s.opts.PerformAs},
	)
}

// APIKey returns the key the server accepts.
func (s *Server) APIKey() string { return s.opts.APIKey }

// PerformAs returns the service user's id.
func (s *Server) PerformAs() string { return s.opts.PerformAs }

// ServeHTTP answers one request: auth, the rate limit, injected faults, then
// the route.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	rec := &statusWriter{ResponseWriter: w}
	defer func() {
		s.mu.Lock()
		s.log = append(s.log, Request{Method: r.Method, Path: r.URL.Path, Query: r.URL.RawQuery, Status: rec.status})
		if rec.status == http.StatusTooManyRequests {
			s.n429++
		}
		s.mu.Unlock()
	}()

	key, _, ok := r.BasicAuth()
	if !ok || key != s.opts.APIKey {
		writeError(rec, http.StatusUnauthorized, "UnauthorizedError", "Invalid API key")
		return
	}
	s.mu.Lock()
	allowed := s.bucket.take(s.opts.Now())
	s.mu.Unlock()
	if !allowed {
		// Lever documents 429 and nothing else: no Retry-After, no
		// X-RateLimit-* headers.
		writeError(rec, http.StatusTooManyRequests, "TooManyRequestsError", "Too many requests")
		return
	}
	f := s.pickFault(r)
	if f.latency > 0 {
		time.Sleep(f.latency)
	}
	if f.status != 0 {
		writeError(rec, f.status, http.StatusText(f.status), "simulated failure")
		return
	}
	if f.lose {
		// The write happens, then the connection drops before any answer.
		s.route(&discardWriter{header: http.Header{}}, r)
		loseResponse(rec)
		return
	}
	s.route(rec, r)
}

// route dispatches /v1/postings routes; anything else is Lever's 404 for an
// unknown method and path.
func (s *Server) route(w http.ResponseWriter, r *http.Request) {
	path := strings.TrimSuffix(r.URL.Path, "/")
	rest, ok := strings.CutPrefix(path, "/v1/postings")
	switch {
	case !ok:
	case rest == "" && r.Method == http.MethodGet:
		s.handleList(w, r)
		return
	case rest == "" && r.Method == http.MethodPost:
		s.handleCreate(w, r)
		return
	case strings.HasPrefix(rest, "/") && !strings.Contains(rest[1:], "/"):
		id := rest[1:]
		switch r.Method {
		case http.MethodGet:
			s.handleGet(w, id)
			return
		case http.MethodPost:
			s.handleUpdate(w, r, id)
			return
		}
	}
	writeError(w, http.StatusNotFound, "ResourceNotFound", fmt.Sprintf("%s %s was not found", r.Method, r.URL.Path))
}

// writeJSON writes v with status.
func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Server", "lever-data-api")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

// writeError writes Lever's error body.
func writeError(w http.ResponseWriter, status int, code, msg string) {
	writeJSON(w, status, map[string]string{"code": code, "message": msg})
}

// statusWriter remembers the status written.
type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	return w.ResponseWriter.Write(b)
}

// discardWriter swallows a response that is to be lost.
type discardWriter struct{ header http.Header }

func (w *discardWriter) Header() http.Header         { return w.header }
func (w *discardWriter) Write(b []byte) (int, error) { return len(b), nil }
func (w *discardWriter) WriteHeader(int)             {}

// loseResponse drops the connection without answering; where the writer
// cannot be hijacked it answers 504, which is just as ambiguous.
func loseResponse(w *statusWriter) {
	if hj, ok := w.ResponseWriter.(http.Hijacker); ok {
		if conn, _, err := hj.Hijack(); err == nil {
			_ = conn.Close()
			return
		}
	}
	writeError(w, http.StatusGatewayTimeout, "GatewayTimeout", "simulated lost response")
}

// bucket is a token bucket: rate tokens a second up to burst.
type bucket struct {
	rate, burst, tokens float64
	last                time.Time
}

// take refills the bucket for the time since the last call and takes one
// token, reporting whether there was one.
func (b *bucket) take(now time.Time) bool {
	if el := now.Sub(b.last).Seconds(); el > 0 {
		b.tokens = min(b.burst, b.tokens+el*b.rate)
		b.last = now
	}
	if b.tokens < 1 {
		return false
	}
	b.tokens--
	return true
}
