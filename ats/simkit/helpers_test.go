package simkit

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

// clock is a settable clock for the limiters and the recorder.
type clock struct {
	mu  sync.Mutex
	now time.Time
}

func newClock(at time.Time) *clock { return &clock{now: at} }

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *clock) Add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

// serve sends one request to h in-process and returns the answer.
func serve(t *testing.T, h http.Handler, method, target string) *httptest.ResponseRecorder {
	t.Helper()
	w := httptest.NewRecorder()
	h.ServeHTTP(w, httptest.NewRequest(method, target, nil))
	return w
}

// status answers with code and the route's name as body.
func status(code int) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(code)
		_, _ = io.WriteString(w, "route "+r.Method+" "+r.URL.Path)
	})
}

// jsonError is a board's error body for the tests: {"error": code}.
func jsonError(w http.ResponseWriter, code int) {
	WriteJSON(w, code, map[string]int{"error": code})
}

// body returns w's body without its trailing newline.
func body(w *httptest.ResponseRecorder) string { return strings.TrimSpace(w.Body.String()) }
