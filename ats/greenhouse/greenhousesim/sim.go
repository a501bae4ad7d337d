// Package greenhousesim is an in-process simulator of the Greenhouse Harvest
// v3 routes jobsync's Greenhouse adapter uses: the OAuth token endpoint,
// jobs, job posts, job post locations, openings and custom fields, with
// Greenhouse's JSON shapes, cursor pagination through the Link header, a
// fixed-window rate limit with X-RateLimit-* headers and 429 + Retry-After,
// and Greenhouse's error bodies. Tests, benchmarks and the CLI's examples run
// against it; it is built on ats/simkit and imports no other jobsync
// package.
//
// The API is served under /v3 and the token endpoint at /token, so a server
// at http://127.0.0.1:PORT has the base URL http://127.0.0.1:PORT/v3.
//
// Where Greenhouse's behaviour is not documented, the simulator picks the
// stricter plausible behaviour so that an adapter relying on leniency fails
// here first; ats/greenhouse's package doc lists those choices.
package greenhousesim

import (
	"fmt"
	"math/rand/v2"
	"net"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/jobsync/jobsync/ats/simkit"
)

// Options configures a simulator. The zero value is usable.
type Options struct {
	ClientID     string        // default "sim-client-id"
	ClientSecret string        // default "sim-client-secret"
	UserID       int64         // the user a token may act as (sub); default 1001
	PageSize     int           // largest page served, and per_page's default; default 100 (the real service: up to 500)
	RateLimit    int           // requests per window; default 50
	Window       time.Duration // rate-limit window; default 30s; windows are aligned to the Unix epoch
	TokenTTL     time.Duration // access token lifetime; default 1h
	Faults       float64       // the share of API requests that fail from the start, as SetFaults; default none
	Latency      time.Duration // added to every API request
	Seed         int64         // seeds token values and fault draws
	Now          func() time.Time
}

// Server is a simulated Harvest v3 account. It is an http.Handler; mount it
// with httptest.NewServer or Serve.
type Server struct {
	o      Options
	mux    *http.ServeMux
	api    http.Handler // the /v3 routes behind the recorder, limit, auth and faults
	rec    *simkit.Recorder
	limit  *simkit.FixedWindow
	faults *simkit.Faults

	mu         sync.Mutex
	seq        map[string]int64
	jobs       map[int64]*Job
	posts      map[int64]*JobPost
	locations  map[int64]*JobPostLocation
	openings   map[int64]*Opening
	fields     map[int64]*CustomField
	templateID int64
	tokens     map[string]time.Time // access token → expiry
	tokenRNG   *rand.Rand
	n401       int
	tokenCalls int
}

// New returns a simulator holding a template job and a few jobs people made
// in Greenhouse's UI, with live posts.
func New(o Options) *Server {
	if o.ClientID == "" {
		o.ClientID = "sim-client-id"
	}
	if o.ClientSecret == "" {
		o.ClientSecret = "sim-client-secret"
	}
	if o.UserID == 0 {
		o.UserID = 1001
	}
	if o.PageSize <= 0 {
		o.PageSize = 100
	}
	if o.RateLimit <= 0 {
		o.RateLimit = 50
	}
	if o.Window <= 0 {
		o.Window = 30 * time.Second
	}
	if o.TokenTTL <= 0 {
		o.TokenTTL = time.Hour
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	s := &Server{
		o:         o,
		seq:       map[string]int64{},
		jobs:      map[int64]*Job{},
		posts:     map[int64]*JobPost{},
		locations: map[int64]*JobPostLocation{},
		openings:  map[int64]*Opening{},
		fields:    map[int64]*CustomField{},
		tokens:    map[string]time.Time{},
		tokenRNG:  rand.New(rand.NewPCG(uint64(o.Seed), 0x746f6b656e)), // "token"
	}
	s.routes()
	s.seed()
	if o.Faults > 0 {
		s.SetFaults(o.Faults, o.Seed)
	}
	return s
}

func (s *Server) routes() {
	m := http.NewServeMux()
	m.HandleFunc("GET /v3/jobs", s.listJobs)
	m.HandleFunc("POST /v3/jobs", s.createJob)
	m.HandleFunc("PATCH /v3/jobs/{id}", s.patchJob)
	m.HandleFunc("GET /v3/job_posts", s.listPosts)
	m.HandleFunc("PATCH /v3/job_posts/{id}", s.patchPost)
	m.HandleFunc("GET /v3/job_post_locations", s.listLocations)
	m.HandleFunc("POST /v3/job_post_locations", s.createLocation)
	m.HandleFunc("DELETE /v3/job_post_locations/{id}", s.deleteLocation)
	m.HandleFunc("GET /v3/openings", s.listOpenings)
	m.HandleFunc("PATCH /v3/openings/{id}", s.patchOpening)
	m.HandleFunc("GET /v3/custom_fields", s.listFields)
	m.HandleFunc("POST /v3/custom_fields", s.createField)
	s.mux = m

	// Every API request is recorded and counts against the limit, whose
	// headers go on every answer, a 401 included; faults fall on known
	// routes only, after the token check.
	s.rec = simkit.NewRecorder(s.o.Now)
	s.limit = simkit.NewFixedWindow(simkit.WindowOptions{Limit: s.o.RateLimit, Window: s.o.Window, Now: s.o.Now, Error: errorBody})
	s.faults = simkit.NewFaults(simkit.FaultOptions{Latency: s.o.Latency, Route: simkit.MuxRoute(m), Error: errorBody})
	known := simkit.Guard(func(w http.ResponseWriter, r *http.Request) bool {
		if _, pattern := m.Handler(r); pattern == "" {
			notFound(w)
			return false
		}
		return true
	})
	// The mux, not a route's handler alone: it sets the path values.
	s.api = simkit.Chain(m, s.rec, s.limit, simkit.Guard(s.authorized), known, s.faults)
}

// ServeHTTP serves the token endpoint and the /v3 API: rate limit, bearer
// check and injected faults first, then the route.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	switch {
	case r.URL.Path == "/token":
		s.token(w, r)
	case strings.HasPrefix(r.URL.Path, "/v3/"):
		s.api.ServeHTTP(w, r)
	default:
		notFound(w)
	}
}

// Serve listens on addr and serves the simulator until the listener fails.
func (s *Server) Serve(addr string) error {
	l, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	return (&http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second}).Serve(l)
}

// Env returns the environment that points the board whose variables start
// with prefix ("JOBSYNC_GREENHOUSE") at the simulator served at root
// ("http://127.0.0.1:8081"), one KEY=VALUE per line.
func (s *Server) Env(prefix, root string) []string {
	return simkit.Env(prefix,
		simkit.Var{Name: "BASE_URL", Value: simkit.BaseURL(root, "/v3")},
		simkit.Var{Name: "CLIENT_ID", Value: s.o.ClientID},
		simkit.Var{Name: "CLIENT_SECRET", Value: s.o.ClientSecret},
		simkit.Var{Name: "USER_ID", Value: fmt.Sprint(s.o.UserID)},
		simkit.Var{Name: "TEMPLATE_JOB_ID", Value: fmt.Sprint(s.TemplateJobID())},
	)
}

// TemplateJobID is the id of the template job new jobs are copied from.
func (s *Server) TemplateJobID() int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.templateID
}

// ClientID returns the client id the token endpoint accepts.
func (s *Server) ClientID() string { return s.o.ClientID }

// ClientSecret returns the client secret the token endpoint accepts.
func (s *Server) ClientSecret() string { return s.o.ClientSecret }

// UserID returns the user id tokens may act as.
func (s *Server) UserID() int64 { return s.o.UserID }

// nextID hands out ids per resource kind, in separate ranges so that a job
// id passed where a post id belongs is caught.
func (s *Server) nextID(kind string) int64 {
	base := map[string]int64{"job": 4_000_000, "post": 5_000_000, "location": 6_000_000, "opening": 7_000_000, "field": 8_000_000}[kind]
	s.seq[kind]++
	return base + s.seq[kind]
}

// stamp formats t as Greenhouse does: ISO 8601 UTC with milliseconds.
func stamp(t time.Time) string {
	return t.UTC().Format("2006-01-02T15:04:05.000Z")
}

func (s *Server) now() string { return stamp(s.o.Now()) }

var writeJSON = simkit.WriteJSON

// errorBody is Greenhouse's answer for the errors the kit makes up: a rate
// limit's 429 and injected failures.
func errorBody(w http.ResponseWriter, status int) {
	msg, ok := map[int]string{
		http.StatusTooManyRequests:     "Rate limit exceeded",
		http.StatusInternalServerError: "Internal server error",
		http.StatusBadGateway:          "Bad gateway",
		http.StatusServiceUnavailable:  "Service unavailable",
		http.StatusGatewayTimeout:      "Gateway timeout",
	}[status]
	if !ok {
		msg = http.StatusText(status)
	}
	writeJSON(w, status, apiError{Message: msg})
}

func unprocessable(w http.ResponseWriter, field, msg string) {
	writeJSON(w, http.StatusUnprocessableEntity, apiError{
		Message: "Validation error",
		Errors:  []fieldError{{Message: msg, Field: field}},
	})
}

func notFound(w http.ResponseWriter) {
	writeJSON(w, http.StatusNotFound, apiError{Message: "Resource not found"})
}

func ptr[T any](v T) *T { return &v }
