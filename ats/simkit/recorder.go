package simkit

import (
	"context"
	"net/http"
	"strings"
	"sync"
	"time"
)

// Request is one request as a Recorder saw it.
type Request struct {
	At      time.Time // when it arrived, by the recorder's clock
	Method  string
	Path    string
	Query   string // the raw query, without "?"
	Status  int    // the status answered; 0 while in flight, or when the connection was dropped
	Limited bool   // refused by a rate limiter
	// RetryAt is, for a limited request whose answer said when to retry,
	// when that wait ends; zero otherwise.
	RetryAt time.Time
	Fault   string // the fault injected ("503", "lost-504", …); "" for none
}

// Recorder is a Layer that records every request it passes, in arrival
// order. Put it outermost, so that refusals are recorded too.
type Recorder struct {
	now func() time.Time

	mu  sync.Mutex
	log []*Request
}

// NewRecorder returns an empty recorder stamping requests with now (nil:
// time.Now).
func NewRecorder(now func() time.Time) *Recorder {
	if now == nil {
		now = time.Now
	}
	return &Recorder{now: now}
}

// recordKey is the context key of the record of a request in flight.
type recordKey struct{}

// record is what the context holds: a request's entry and its recorder.
type record struct {
	rc *Recorder
	e  *Request
}

// Wrap records each request, then serves it with next.
func (rc *Recorder) Wrap(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		e := &Request{At: rc.now(), Method: r.Method, Path: r.URL.Path, Query: r.URL.RawQuery}
		rc.mu.Lock()
		rc.log = append(rc.log, e)
		rc.mu.Unlock()
		rec := &record{rc: rc, e: e}
		sw := &statusWriter{ResponseWriter: w, onStatus: func(code int) {
			rec.note(func(e *Request) { e.Status = code })
		}}
		next.ServeHTTP(sw, r.WithContext(context.WithValue(r.Context(), recordKey{}, rec)))
	})
}

// note changes the entry under the recorder's lock.
func (rec *record) note(f func(*Request)) {
	rec.rc.mu.Lock()
	defer rec.rc.mu.Unlock()
	f(rec.e)
}

// note changes the record of r, if a Recorder outside the caller keeps one.
func note(r *http.Request, f func(*Request)) {
	if rec, ok := r.Context().Value(recordKey{}).(*record); ok {
		rec.note(f)
	}
}

// Requests returns a copy of every request recorded, in arrival order.
func (rc *Recorder) Requests() []Request {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	out := make([]Request, len(rc.log))
	for i, e := range rc.log {
		out[i] = *e
	}
	return out
}

// Len returns how many requests were recorded.
func (rc *Recorder) Len() int {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	return len(rc.log)
}

// Count returns how many recorded requests match (nil matches all).
func (rc *Recorder) Count(match func(Request) bool) int {
	n := 0
	for _, r := range rc.Requests() {
		if match == nil || match(r) {
			n++
		}
	}
	return n
}

// MaxRun returns the longest run of consecutive recorded requests that
// match: MaxRun(Status(429)) is the most 429s in a row.
func (rc *Recorder) MaxRun(match func(Request) bool) int {
	best, run := 0, 0
	for _, r := range rc.Requests() {
		if match(r) {
			run++
			best = max(best, run)
		} else {
			run = 0
		}
	}
	return best
}

// ByRoute returns how many requests were recorded per "METHOD PATH".
func (rc *Recorder) ByRoute() map[string]int {
	out := map[string]int{}
	for _, r := range rc.Requests() {
		out[r.Method+" "+r.Path]++
	}
	return out
}

// Reset forgets every request recorded. Requests in flight are answered as
// usual but not recorded.
func (rc *Recorder) Reset() {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	rc.log = nil
}

// Route matches requests with method ("" for any) whose path starts with
// pathPrefix.
func Route(method, pathPrefix string) func(Request) bool {
	return func(r Request) bool {
		return (method == "" || r.Method == method) && strings.HasPrefix(r.Path, pathPrefix)
	}
}

// Status matches requests answered with code.
func Status(code int) func(Request) bool {
	return func(r Request) bool { return r.Status == code }
}

// statusWriter passes an answer through and reports its status when the
// header is written, before the client can read it.
type statusWriter struct {
	http.ResponseWriter
	wrote    bool
	onStatus func(int)
}

func (w *statusWriter) WriteHeader(code int) {
	if !w.wrote && code >= 200 {
		w.wrote = true
		w.onStatus(code)
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if !w.wrote {
		w.WriteHeader(http.StatusOK)
	}
	return w.ResponseWriter.Write(b)
}

// Unwrap lets http.ResponseController reach the connection (to drop it).
func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }
