// Package smartrecruiterssim is an in-process simulator of the
// SmartRecruiters Job API routes jobsync's SmartRecruiters adapter uses:
// GET /jobs (cursor pages: limit, pageId, nextPageId), GET, POST and PATCH
// (JSON Patch) of a job, PUT /jobs/{id}/status, POST and DELETE
// /jobs/{id}/publication, and the job properties of
// /configuration/job-properties; with the X-SmartToken API key, the
// documented limits as the service reports them (10 requests per second,
// 2 per second on the publication calls, 8 at once, X-RateLimit-* and
// X-RateLimit-Concurrent-* on every answer, 429 without Retry-After),
// SmartRecruiters' {message, errors[{code, message}]} error bodies, the
// required fields of a new job, job and posting statuses, a 409 for a write
// that conflicts with another, and a few jobs people made that jobsync must
// never touch. Tests, benchmarks and `jobsync simulate smartrecruiters` run
// against it; it is built on ats/simkit and imports no other jobsync
// package.
//
// The API is served at the root, as api.smartrecruiters.com serves it: a
// server at http://127.0.0.1:PORT has that base URL.
//
// Where SmartRecruiters' behaviour is not documented the simulator picks the
// stricter plausible behaviour, so that an adapter relying on leniency fails
// here first (ats/smartrecruiters's package doc lists those choices): a
// PATCH must be a JSON Patch (application/json-patch+json), unknown fields
// and query parameters are 400s, a publication call counts against both
// limits, a cancelled, filled or held job cannot be published.
package smartrecruiterssim

import (
	"fmt"
	"math/rand/v2"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/jobsync/jobsync/ats/simkit"
)

// Options configure a Server. The zero value follows the real service.
type Options struct {
	APIKey           string        // the one valid key; default DefaultAPIKey
	PageSize         int           // the largest page, whatever limit asks: 100 by default; tests lower it
	RateLimit        int           // requests per Window on every route; default 10
	PublicationLimit int           // requests per Window on POST and DELETE /jobs/{id}/publication; default 2
	Window           time.Duration // the limits' window, aligned to the Unix epoch; default 1s
	Concurrency      int           // requests served at once; default 8
	Faults           float64       // the share of requests that fail from the start, as SetFaults; default none
	Latency          time.Duration // added to every request past the limits and auth
	Seed             int64         // seeds ids and faults
	Now              func() time.Time
	// Empty starts the account without the jobs people made.
	Empty bool
}

// DefaultAPIKey is the key a Server accepts unless Options say otherwise:
// SmartRecruiters' keys are 32 characters after a "DCRA1-" prefix.
const DefaultAPIKey = "DCRA1-5f0c1d2e3a4b5c6d7e8f9a0b1c2d3e4f"

// MarkerFieldID is the id of the free-text job property "jobsync" the
// simulated company has configured for jobsync's marker.
const MarkerFieldID = "65a1c0de00000000000000a1"

// Request is one request the server answered, for tests.
type Request = simkit.Request

// Server is a simulated SmartRecruiters company. It implements
// http.Handler.
type Server struct {
	o       Options
	handler http.Handler // the routes behind the recorder, limits, auth and faults
	rec     *simkit.Recorder
	conc    *simkit.ConcurrencyLimit
	limit   *simkit.FixedWindow
	pubs    *simkit.FixedWindow
	faults  *simkit.Faults

	mu       sync.Mutex
	jobs     map[string]*Job
	order    []string // job ids in creation order: the list's order
	props    map[string]PropertyDefinition
	conflict map[string]int // job id → writes still to answer 409 (ConflictNext)
	rng      *rand.Rand
}

// New returns a Server holding a few jobs people made (unless o.Empty).
func New(o Options) *Server {
	if o.APIKey == "" {
		o.APIKey = DefaultAPIKey
	}
	if o.PageSize <= 0 || o.PageSize > maxPageSize {
		o.PageSize = maxPageSize
	}
	if o.RateLimit <= 0 {
		o.RateLimit = 10
	}
	if o.PublicationLimit <= 0 {
		o.PublicationLimit = 2
	}
	if o.Window <= 0 {
		o.Window = time.Second
	}
	if o.Concurrency <= 0 {
		o.Concurrency = 8
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	// SmartRecruiters documents X-RateLimit-Limit and -Remaining on every
	// answer, no reset header and no Retry-After.
	headers := simkit.HeaderNames{Limit: "X-RateLimit-Limit", Remaining: "X-RateLimit-Remaining"}
	s := &Server{
		o:        o,
		rec:      simkit.NewRecorder(o.Now),
		conc:     simkit.NewConcurrencyLimit(simkit.ConcurrencyOptions{Max: o.Concurrency, Now: o.Now, Error: errorBody, Headers: simkit.XRateLimitConcurrent}),
		limit:    simkit.NewFixedWindow(simkit.WindowOptions{Limit: o.RateLimit, Window: o.Window, Now: o.Now, Headers: headers, NoRetryAfter: true, Error: errorBody}),
		pubs:     simkit.NewFixedWindow(simkit.WindowOptions{Limit: o.PublicationLimit, Window: o.Window, Now: o.Now, Headers: headers, NoRetryAfter: true, Error: errorBody}),
		jobs:     map[string]*Job{},
		props:    map[string]PropertyDefinition{},
		conflict: map[string]int{},
		rng:      rand.New(rand.NewPCG(uint64(o.Seed), 0x5a127)),
	}
	mux := s.routes()
	s.faults = simkit.NewFaults(simkit.FaultOptions{Latency: o.Latency, Route: simkit.MuxRoute(mux), Error: errorBody})
	s.handler = simkit.Chain(mux, s.rec, s.conc, s.limit, simkit.Only(IsPublication, s.pubs), simkit.Guard(s.authorized), s.faults)
	s.seedConfig()
	if !o.Empty {
		s.seedHumanJobs()
	}
	if o.Faults > 0 {
		s.SetFaults(o.Faults, o.Seed)
	}
	return s
}

// IsPublication reports whether r is one of the calls SmartRecruiters
// limits to 2 per second: POST or DELETE /jobs/{id}/publication.
func IsPublication(r *http.Request) bool {
	if r.Method != http.MethodPost && r.Method != http.MethodDelete {
		return false
	}
	rest, ok := strings.CutPrefix(r.URL.Path, "/jobs/")
	id, tail, _ := strings.Cut(rest, "/")
	return ok && id != "" && tail == "publication"
}

func (s *Server) routes() *http.ServeMux {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /jobs", s.handleList)
	mux.HandleFunc("POST /jobs", s.handleCreate)
	mux.HandleFunc("GET /jobs/{id}", s.handleGet)
	mux.HandleFunc("PATCH /jobs/{id}", s.handlePatch)
	mux.HandleFunc("PUT /jobs/{id}/status", s.handleStatus)
	mux.HandleFunc("POST /jobs/{id}/publication", s.handlePublish)
	mux.HandleFunc("DELETE /jobs/{id}/publication", s.handleUnpublish)
	mux.HandleFunc("GET /configuration/job-properties", s.handleProperties)
	mux.HandleFunc("GET /configuration/job-properties/{id}", s.handleProperty)
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusNotFound, "NOT_FOUND", fmt.Sprintf("%s %s: no such endpoint", r.Method, r.URL.Path))
	})
	return mux
}

// ServeHTTP answers one request: the recorder, the concurrency and rate
// limits, auth, injected faults, then the route.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.handler.ServeHTTP(w, r) }

// Env returns the environment that points the board whose variables start
// with prefix ("JOBSYNC_SMARTRECRUITERS") at the server served at root
// ("http://127.0.0.1:8084").
func (s *Server) Env(prefix, root string) []string {
	return simkit.Env(prefix,
		simkit.Var{Name: "BASE_URL", Value: strings.TrimSuffix(root, "/")},
		simkit.Var{Name: "API_KEY", Value: s.o.APIKey},
	)
}

// APIKey returns the key the server accepts.
func (s *Server) APIKey() string { return s.o.APIKey }

// authorized checks the X-SmartToken header.
func (s *Server) authorized(w http.ResponseWriter, r *http.Request) bool {
	if r.Header.Get("X-SmartToken") != s.o.APIKey {
		writeError(w, http.StatusUnauthorized, "UNAUTHORIZED", "No valid API credential provided")
		return false
	}
	return true
}

// writeError writes SmartRecruiters' error body.
func writeError(w http.ResponseWriter, status int, code, msg string) {
	simkit.WriteJSON(w, status, apiError{Message: msg, Errors: []errorDetail{{Code: code, Message: msg}}})
}

// errorBody is the answer for the errors the kit makes up: the limits'
// 429s, injected failures and lost answers.
func errorBody(w http.ResponseWriter, status int) {
	switch status {
	case http.StatusTooManyRequests:
		writeError(w, status, "TOO_MANY_REQUESTS", "Too many requests hit the API too quickly")
	case http.StatusGatewayTimeout:
		writeError(w, status, "GATEWAY_TIMEOUT", "simulated lost response")
	default:
		writeError(w, status, "SERVER_ERROR", "simulated failure")
	}
}

// newID returns a fresh 24-hex-digit id, as SmartRecruiters' ids look.
// Call with s.mu held.
func (s *Server) newID() string {
	return fmt.Sprintf("%08x%016x", s.rng.Uint32(), s.rng.Uint64())
}
