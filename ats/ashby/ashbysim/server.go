// Package ashbysim is an in-process simulator of the Ashby API routes
// jobsync's Ashby adapter uses, for tests, benchmarks and `jobsync simulate
// ashby`. It follows what Ashby documents and what recorded traffic shows
// (see ats/ashby/doc.go for sources):
//
//   - RPC style: every call is POST /<category.method> with a JSON body,
//     reads included; Basic auth with the API key as user and a blank
//     password (a missing key is a 401, a wrong one a 403);
//   - the envelope: {"success": true, "results": …}, or what would be a 4xx
//     as a 200 with {"success": false, "errorInfo": {code, message,
//     requestId}} and the deprecated "errors" list;
//   - the Ashby-Version request header, and Ashby-Version and
//     Ashby-Version-Status on every answer;
//   - jobs (Draft, Open, Closed, Archived, with Ashby's transitions), job
//     postings (Draft or Published; jobPosting.list lists published ones
//     unless asked for unpublished ones too), the description's tag
//     allow-list, job posting custom fields, compensation tiers;
//   - cursor paging (cursor, limit ≤ 100, moreDataAvailable, nextCursor,
//     syncToken) on job.list, location.list, department.list and
//     customField.list;
//   - a fixed-window rate limit with X-RateLimit-* headers and a 429 in the
//     envelope (Ashby documents no per-key numbers: 1000 requests a minute
//     is this simulator's choice);
//   - faults: errors, delays and lost answers, from ats/simkit.
//
// The account holds a few jobs and postings a person made, which a sync
// must never touch. Where Ashby's behaviour is not documented the simulator
// is strict: unknown fields in a body are invalid_input, a draft is not
// listed or read without includeUnpublishedJobPostings. It is built on
// ats/simkit and imports no other jobsync package.
package ashbysim

import (
	"crypto/subtle"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/jobsync/jobsync/ats/simkit"
)

// Version is the API version the simulator serves by default: Ashby's
// newest active one.
const Version = "2026-01-01"

// Options configure a Server. The zero value follows the real service.
type Options struct {
	APIKey string // the one valid key; default "test-ashby-key"
	// VersionStatus is the lifecycle status Version is reported with
	// (Ashby-Version-Status): "active" by default; "deprecated" or
	// "unsupported" to see a client warn.
	VersionStatus string
	RateLimit     int           // requests per window and key; default 1000
	Window        time.Duration // the rate-limit window; default a minute
	PageSize      int           // the most a page of a paged list holds; default and most 100
	// PostingPageSize pages jobPosting.list too, with this many a page;
	// 0 (the default) serves it whole, as recorded answers show.
	PostingPageSize int
	// RequireCompensation makes publishing a posting whose job has no
	// compensation tier fail, as an organisation's pay-transparency setting
	// does.
	RequireCompensation bool
	// ReadOnly makes the key lack the jobsWrite permission: every write is
	// a 403 missing_endpoint_permission.
	ReadOnly bool
	Faults   float64       // the share of requests that fail from the start, as SetFaults; default none
	Latency  time.Duration // added to every request past auth and the rate limit
	Seed     int64         // seeds ids, cursors and faults
	Now      func() time.Time
	Empty    bool // start without the postings a person made
}

// Request is one request the server answered, for tests.
type Request = simkit.Request

// Server is a simulated Ashby organisation. It is an http.Handler serving
// the API at its root.
type Server struct {
	o       Options
	handler http.Handler
	rec     *simkit.Recorder
	limit   *simkit.FixedWindow
	faults  *simkit.Faults
	routes  map[string]route

	mu          sync.Mutex
	rng         *rand.Rand
	locations   []*Location
	departments []*Department
	fields      []*FieldDef
	jobs        map[string]*Job
	postings    map[string]*Posting
	order       []string          // posting ids, oldest first
	jobOrder    []string          // job ids, oldest first
	cursors     map[string]cursor // cursors handed out
}

// route is one API method: whether it writes, and its handler, called with
// the lock held.
type route struct {
	write bool
	fn    func(s *Server, c *call) (any, *apiError)
}

// New returns a Server holding an organisation's locations, departments,
// interview plan and jobsync's marker field, and a few postings a person
// made (unless o.Empty).
func New(o Options) *Server {
	if o.APIKey == "" {
		o.APIKey = "test-ashby-key"
	}
	if o.VersionStatus == "" {
		o.VersionStatus = "active"
	}
	if o.RateLimit <= 0 {
		o.RateLimit = 1000
	}
	if o.Window <= 0 {
		o.Window = time.Minute
	}
	if o.PageSize <= 0 || o.PageSize > 100 {
		o.PageSize = 100
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	s := &Server{
		o:        o,
		rng:      rand.New(rand.NewPCG(uint64(o.Seed), 0xa5b1)),
		jobs:     map[string]*Job{},
		postings: map[string]*Posting{},
		cursors:  map[string]cursor{},
		rec:      simkit.NewRecorder(o.Now),
		limit: simkit.NewFixedWindow(simkit.WindowOptions{
			Limit: o.RateLimit, Window: o.Window, Now: o.Now, Error: s429,
		}),
		faults: simkit.NewFaults(simkit.FaultOptions{Latency: o.Latency, Error: faultBody, Stream: 0xa5b1fa}),
	}
	s.routes = routes()
	s.handler = simkit.Chain(http.HandlerFunc(s.serve), s.rec, simkit.LayerFunc(s.versionHeaders),
		simkit.Guard(s.authorized), s.limit, s.faults)
	s.seedOrg()
	if !o.Empty {
		s.seedHuman()
	}
	if o.Faults > 0 {
		s.SetFaults(o.Faults, o.Seed)
	}
	return s
}

// Env returns the environment that points the board whose variables start
// with prefix ("JOBSYNC_ASHBY") at the server served at root
// ("http://127.0.0.1:8083"), one KEY=VALUE a line.
func (s *Server) Env(prefix, root string) []string {
	return simkit.Env(prefix,
		simkit.Var{Name: "BASE_URL", Value: strings.TrimRight(root, "/")}, // the API is at the root
		simkit.Var{Name: "API_KEY", Value: s.o.APIKey},
	)
}

// APIKey returns the key the server accepts.
func (s *Server) APIKey() string { return s.o.APIKey }

// ServeHTTP answers one request.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.handler.ServeHTTP(w, r) }

// versionHeaders puts the version used on every answer, refusals included.
func (s *Server) versionHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Ashby-Version", Version)
		w.Header().Set("Ashby-Version-Status", s.o.VersionStatus)
		next.ServeHTTP(w, r)
	})
}

// authorized checks the key, sent as Basic auth's user with a blank
// password: none is a 401, a wrong one a 403.
func (s *Server) authorized(w http.ResponseWriter, r *http.Request) bool {
	key, pass, ok := r.BasicAuth()
	switch {
	case !ok || key == "":
		writeError(w, http.StatusUnauthorized, "missing_api_key", "No API key was provided: send it as the basic auth username", s.requestID())
		return false
	case pass != "" || subtle.ConstantTimeCompare([]byte(key), []byte(s.o.APIKey)) != 1:
		writeError(w, http.StatusForbidden, "invalid_api_key", "The API key is invalid or has been deactivated", s.requestID())
		return false
	}
	return true
}

// serve checks the method and version, decodes the body and runs the
// route under the lock.
func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	name := strings.TrimPrefix(r.URL.Path, "/")
	rt, ok := s.routes[name]
	if r.Method != http.MethodPost || !ok {
		writeError(w, http.StatusNotFound, "not_found", fmt.Sprintf("%s %s is not an API endpoint", r.Method, r.URL.Path), s.requestID())
		return
	}
	id := s.requestID()
	if v := r.Header.Get("Ashby-Version"); v != "" && v != Version {
		writeError(w, http.StatusOK, "invalid_api_version", fmt.Sprintf("Ashby-Version %q is not a version this API serves", v), id)
		return
	}
	if rt.write && s.o.ReadOnly {
		writeError(w, http.StatusForbidden, "missing_endpoint_permission", "The API key lacks the jobsWrite permission for "+name, id)
		return
	}
	data, err := io.ReadAll(io.LimitReader(r.Body, 4<<20))
	if err != nil {
		writeError(w, http.StatusOK, "invalid_input", "unreadable request body", id)
		return
	}
	c := &call{name: name, body: data}
	s.mu.Lock()
	res, aerr := rt.fn(s, c)
	s.mu.Unlock()
	if aerr != nil {
		writeError(w, http.StatusOK, aerr.code, aerr.msg, id)
		return
	}
	if p, ok := res.(page); ok {
		more := p.more
		simkit.WriteJSON(w, http.StatusOK, envelope{Success: true, Results: p.items, MoreDataAvailable: &more, NextCursor: p.next, SyncToken: p.syncToken})
		return
	}
	simkit.WriteJSON(w, http.StatusOK, envelope{Success: true, Results: res})
}

// call is one request's body, decoded by a route.
type call struct {
	name string
	body []byte
}

// decode reads the body into v strictly: a JSON object with only the
// fields v has.
func (c *call) decode(v any) *apiError {
	dec := json.NewDecoder(strings.NewReader(string(c.body)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return invalid("Request payload is malformed: %v", err)
	}
	return nil
}

// apiError is an unsuccessful answer.
type apiError struct{ code, msg string }

func invalid(format string, args ...any) *apiError {
	return &apiError{code: "invalid_input", msg: fmt.Sprintf(format, args...)}
}

func notFound(what, id string) *apiError {
	return &apiError{code: what + "_not_found", msg: fmt.Sprintf("%s %s not found", strings.ReplaceAll(what, "_", " "), id)}
}

// writeError writes the envelope of a failed call.
func writeError(w http.ResponseWriter, status int, code, msg, requestID string) {
	simkit.WriteJSON(w, status, envelope{Errors: []string{code}, ErrorInfo: &ErrorInfo{Code: code, Message: msg, RequestID: requestID}})
}

// s429 is the rate limit's refusal: Ashby's 429 in the envelope.
func s429(w http.ResponseWriter, status int) {
	writeError(w, status, "rate_limit_exceeded", "Rate limit exceeded for this API key. Try again later.", "sim-429")
}

// faultBody is an injected failure or a lost answer's 504.
func faultBody(w http.ResponseWriter, status int) {
	writeError(w, status, "internal_error", "simulated failure", "sim-fault")
}

// requestID returns a new opaque request id.
func (s *Server) requestID() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	const digits = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
	b := make([]byte, 26)
	for i := range b {
		b[i] = digits[s.rng.IntN(len(digits))]
	}
	return string(b)
}

// uuid returns a new random (version 4) id. The lock is held.
func (s *Server) uuid() string {
	var b [16]byte
	for i := range b {
		b[i] = byte(s.rng.UintN(256))
	}
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:])
}

// stamp is the time now as Ashby writes it.
func (s *Server) stamp() string { return s.o.Now().UTC().Format("2006-01-02T15:04:05.000Z") }
