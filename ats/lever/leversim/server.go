// Package leversim is an in-process simulator of Lever API v1's postings
// routes, for jobsync's tests, benchmarks and examples. It follows what
// Lever documents and what recorded sandbox traffic shows (see
// ats/lever/doc.go for sources): Basic auth with the API key as user,
// GET /v1/postings with opaque offset tokens and hasNext/next,
// GET /v1/postings/{id}, POST /v1/postings (201) and POST /v1/postings/{id}
// (200) with a required perform_as, Lever's HTML rules, {code, message}
// errors, and a per-key token bucket (10/s, bursts of 20) that answers 429
// without Retry-After or rate-limit headers. It is built on ats/simkit and
// imports no other jobsync package.
//
// Where Lever's behaviour is unknown the simulator is strict, so an adapter
// that passes here does not rely on leniency: read-only fields on a write,
// a non-JSON body or an unknown perform_as user are 400s.
package leversim

import (
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
	Faults    float64          // the share of requests that fail from the start, as SetFaults; default none
	Latency   time.Duration    // added to every request past auth and the rate limit
	Seed      int64            // seeds ids, tokens and faults
	Now       func() time.Time // default time.Now
	// Empty starts the board without the human-made postings.
	Empty bool
}

// Request is one request the server answered, for tests.
type Request = simkit.Request

// Server is a simulated Lever account. It implements http.Handler with
// routes under /v1.
type Server struct {
	opts    Options
	handler http.Handler // the routes behind the recorder, auth, the bucket and faults
	rec     *simkit.Recorder
	bucket  *simkit.TokenBucket
	faults  *simkit.Faults

	mu       sync.Mutex
	postings map[string]*Posting
	users    map[string]bool
	tokens   map[string]cursor // offset tokens handed out
	rng      *rand.Rand
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
		rec:      simkit.NewRecorder(o.Now),
		// Lever documents 429 and nothing else: no Retry-After, no
		// X-RateLimit-* headers.
		bucket: simkit.NewTokenBucket(simkit.BucketOptions{Rate: o.Rate, Burst: o.Burst, Now: o.Now, Error: errorBody}),
		faults: simkit.NewFaults(simkit.FaultOptions{Policy: faultPolicy, Stream: 0xfa17, Latency: o.Latency, Error: errorBody}),
	}
	s.handler = simkit.Chain(http.HandlerFunc(s.route), s.rec, simkit.Guard(s.authorized), s.bucket, s.faults)
	for _, u := range humanUsers {
		s.users[u] = true
	}
	if !o.Empty {
		s.seed()
	}
	if o.Faults > 0 {
		s.SetFaults(o.Faults, o.Seed)
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
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.handler.ServeHTTP(w, r) }

// authorized checks the API key, sent as Basic auth's user.
func (s *Server) authorized(w http.ResponseWriter, r *http.Request) bool {
	key, _, ok := r.BasicAuth()
	if !ok || key != s.opts.APIKey {
		writeError(w, http.StatusUnauthorized, "UnauthorizedError", "Invalid API key")
		return false
	}
	return true
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
	w.Header().Set("Server", "lever-data-api")
	simkit.WriteJSON(w, status, v)
}

// writeError writes Lever's error body.
func writeError(w http.ResponseWriter, status int, code, msg string) {
	writeJSON(w, status, map[string]string{"code": code, "message": msg})
}

// errorBody is Lever's answer for the errors the kit makes up: the bucket's
// 429, injected failures, and a lost answer where the connection cannot be
// dropped (a 504, just as ambiguous).
func errorBody(w http.ResponseWriter, status int) {
	switch status {
	case http.StatusTooManyRequests:
		writeError(w, status, "TooManyRequestsError", "Too many requests")
	case http.StatusGatewayTimeout:
		writeError(w, status, "GatewayTimeout", "simulated lost response")
	default:
		writeError(w, status, http.StatusText(status), "simulated failure")
	}
}
