// Package teamtailorsim is an in-process simulator of Teamtailor's public
// API (JSON:API, v1) for jobs, for jobsync's tests, benchmarks and
// `jobsync simulate teamtailor`. It follows what Teamtailor documents (see
// ats/teamtailor/doc.go for the sources and their strength):
// `Authorization: Token token=KEY`, a required dated X-Api-Version header
// echoed on success and a 406 for a missing or invalid one, the JSON:API
// media type, GET/POST /v1/jobs and GET/PATCH /v1/jobs/{id} with
// department and locations relationships and include, GET /v1/departments
// and /v1/locations, page[size] (default 10, at most 30) and page[number]
// with links.first/prev/next/last and meta.record-count/page-count,
// filter[status] and filter[feed], job statuses and their human status,
// tags readable and writable with an Admin key only, JSON:API error
// documents, and X-Rate-Limit-Limit/-Remaining/-Reset (seconds left) on
// every answer. It is built on ats/simkit and imports no other jobsync
// package.
//
// Where Teamtailor's behaviour is not documented the simulator behaves as
// JSONAPI::Resources, the Rails library whose shapes the API shows
// (record-count, page-count, paged links), does, and is strict otherwise:
// an Accept without the JSON:API media type is a 406, a write's
// Content-Type must be application/vnd.api+json (415), unknown or
// read-only attributes are 400s, a relationship to an unknown id is a 404,
// and a missing title, body or user is a 422. The numeric rate limit is not
// documented: the simulator's 50 requests per 10 seconds is its own choice,
// and its 429 carries Retry-After, which Teamtailor may not send.
package teamtailorsim

import (
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/jobsync/jobsync/ats/simkit"
)

// Options configure a Server. The zero value follows the real service where
// it is known.
type Options struct {
	APIKey      string        // the Admin read/write key; default "tt-sim-admin-key"
	InternalKey string        // an Internal read/write key (no tags); default "tt-sim-internal-key"
	RateLimit   int           // requests per window; default 50
	Window      time.Duration // the rate-limit window, aligned to the Unix epoch; default 10s
	Faults      float64       // the share of requests that fail from the start, as SetFaults
	Latency     time.Duration // added to every request past the checks
	Seed        int64         // seeds the fault draws
	Now         func() time.Time
	// Empty starts the account with no jobs: only its users, departments
	// and locations.
	Empty bool
}

// Request is one request the server answered, for tests.
type Request = simkit.Request

// Server is a simulated Teamtailor account. It is an http.Handler serving
// the API under /v1.
type Server struct {
	o       Options
	handler http.Handler
	rec     *simkit.Recorder
	limit   *simkit.FixedWindow
	faults  *simkit.Faults

	mu          sync.Mutex
	jobs        map[string]*Job
	departments map[string]*Department
	locations   map[string]*Location
	users       map[string]string // id → name
	nextID      int
}

// scope is what a key may do.
type scope int

const (
	admin    scope = iota // every resource, tags included
	internal              // public and internal jobs, no tags
)

type scopeKey struct{}

// New returns a Server holding a few users, departments and locations, and
// jobs made by people (unless o.Empty).
func New(o Options) *Server {
	if o.APIKey == "" {
		o.APIKey = "tt-sim-admin-key"
	}
	if o.InternalKey == "" {
		o.InternalKey = "tt-sim-internal-key"
	}
	if o.RateLimit <= 0 {
		o.RateLimit = 50
	}
	if o.Window <= 0 {
		o.Window = 10 * time.Second
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	s := &Server{
		o:           o,
		jobs:        map[string]*Job{},
		departments: map[string]*Department{},
		locations:   map[string]*Location{},
		users:       map[string]string{},
		nextID:      7200,
	}
	s.rec = simkit.NewRecorder(o.Now)
	// The docs: the rate-limit headers are in every response, Reset the
	// seconds left in the period.
	s.limit = simkit.NewFixedWindow(simkit.WindowOptions{
		Limit: o.RateLimit, Window: o.Window, Now: o.Now,
		Headers: simkit.XRateLimitDashed, Reset: simkit.ResetDelta, Error: errorBody,
	})
	mux := s.routes()
	s.faults = simkit.NewFaults(simkit.FaultOptions{Route: simkit.MuxRoute(mux), Latency: o.Latency, Error: errorBody})
	s.handler = simkit.Chain(mux, s.rec, s.limit, simkit.Guard(s.authorized), simkit.Guard(s.negotiated), s.faults)
	s.seedAccount()
	if !o.Empty {
		s.seedJobs()
	}
	if o.Faults > 0 {
		s.SetFaults(o.Faults, o.Seed)
	}
	return s
}

// Env returns the environment that points the board whose variables start
// with prefix ("JOBSYNC_TEAMTAILOR") at the server served at root.
func (s *Server) Env(prefix, root string) []string {
	return simkit.Env(prefix,
		simkit.Var{Name: "BASE_URL", Value: simkit.BaseURL(root, "/v1")},
		simkit.Var{Name: "API_KEY", Value: s.o.APIKey},
		simkit.Var{Name: "USER_ID", Value: s.UserID()},
	)
}

// APIKey returns the Admin read/write key.
func (s *Server) APIKey() string { return s.o.APIKey }

// InternalKey returns the Internal read/write key, which sees no tags.
func (s *Server) InternalKey() string { return s.o.InternalKey }

// UserID returns the id of the account's admin user, whom new jobs can be
// assigned to.
func (s *Server) UserID() string { return "819" }

// ServeHTTP answers one request: the rate limit, the key, the version and
// media types, injected faults, then the route.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.handler.ServeHTTP(w, r) }

// authorized checks "Authorization: Token token=KEY" and notes the key's
// scope in the request's context.
func (s *Server) authorized(w http.ResponseWriter, r *http.Request) bool {
	key, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Token token=")
	var sc scope
	switch {
	case ok && key == s.o.APIKey:
		sc = admin
	case ok && key == s.o.InternalKey:
		sc = internal
	default:
		writeErrors(w, http.StatusUnauthorized, apiError{Title: "Unauthorized", Detail: "Invalid or missing API key"})
		return false
	}
	*r = *r.WithContext(contextWith(r.Context(), sc))
	return true
}

// firstVersion is the first dated API version (the docs' changelog:
// 2016-11-08, first public version).
const firstVersion = "20161108"

// negotiated checks the X-Api-Version header, required on every request,
// and the Accept header as JSONAPI::Resources does. A good version is
// echoed in the answer.
func (s *Server) negotiated(w http.ResponseWriter, r *http.Request) bool {
	v := r.Header.Get("X-Api-Version")
	if !validVersion(v) {
		detail := "X-Api-Version " + quote(v) + " is not a valid API version: send a date (YYYYMMDD) from " + firstVersion + " on"
		if v == "" {
			detail = "The X-Api-Version header is required"
		}
		writeErrors(w, http.StatusNotAcceptable, apiError{Title: "Invalid API version", Detail: detail, Status: "406"})
		return false
	}
	if !acceptsJSONAPI(r.Header.Get("Accept")) {
		writeErrors(w, http.StatusNotAcceptable, apiError{Title: "Not acceptable", Code: "406", Status: "406",
			Detail: "All requests must use the '" + mediaType + "' Accept without media type parameters. This request specified '" + r.Header.Get("Accept") + "'."})
		return false
	}
	w.Header().Set("X-Api-Version", v)
	return true
}

// validVersion reports whether v is a dated version Teamtailor has: a real
// date, no earlier than the first version.
func validVersion(v string) bool {
	if len(v) != 8 || v < firstVersion {
		return false
	}
	_, err := time.Parse("20060102", v)
	return err == nil
}

// mediaType is JSON:API's media type.
const mediaType = "application/vnd.api+json"

// acceptsJSONAPI is JSONAPI::Resources' check: no Accept, or one listing
// the JSON:API media type without parameters, or */*.
func acceptsJSONAPI(accept string) bool {
	if strings.TrimSpace(accept) == "" {
		return true
	}
	for part := range strings.SplitSeq(accept, ",") {
		mt := strings.TrimSpace(part)
		if mt == mediaType || strings.HasPrefix(mt, "*/*") {
			return true
		}
	}
	return false
}

func quote(s string) string { return "'" + s + "'" }
