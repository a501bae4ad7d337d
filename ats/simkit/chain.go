package simkit

import (
	"encoding/json"
	"net/http"
)

// Layer is http.Handler middleware: it wraps the handler that serves what
// it lets through.
type Layer interface {
	Wrap(next http.Handler) http.Handler
}

// LayerFunc is a function used as a Layer.
type LayerFunc func(next http.Handler) http.Handler

// Wrap calls f.
func (f LayerFunc) Wrap(next http.Handler) http.Handler { return f(next) }

// Chain wraps h in layers, the first outermost: a request meets layers[0]
// first and h last. Nil layers are skipped.
func Chain(h http.Handler, layers ...Layer) http.Handler {
	for i := len(layers) - 1; i >= 0; i-- {
		if layers[i] != nil {
			h = layers[i].Wrap(h)
		}
	}
	return h
}

// Guard is a Layer that serves a request only when check lets it through;
// check writes the refusal itself (an authentication check, a route the
// service does not have).
func Guard(check func(w http.ResponseWriter, r *http.Request) bool) Layer {
	return LayerFunc(func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if check(w, r) {
				next.ServeHTTP(w, r)
			}
		})
	})
}

// Only is a Layer that applies l to the requests match accepts and lets the
// others through untouched: a limit on some routes only (SmartRecruiters'
// 2 requests/s on publication calls).
func Only(match func(*http.Request) bool, l Layer) Layer {
	return LayerFunc(func(next http.Handler) http.Handler {
		wrapped := l.Wrap(next)
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if match(r) {
				wrapped.ServeHTTP(w, r)
				return
			}
			next.ServeHTTP(w, r)
		})
	})
}

// MuxRoute names a request's route by the pattern of m it matches
// ("PATCH /v3/job_posts/{id}"), or "METHOD PATH" when none does: a route
// name for Faults' counts that does not grow with every id.
func MuxRoute(m *http.ServeMux) func(*http.Request) string {
	return func(r *http.Request) string {
		if _, p := m.Handler(r); p != "" {
			return p
		}
		return r.Method + " " + r.URL.Path
	}
}

// ErrorBody writes a service's error answer with status: each service has
// its own error JSON. The kit calls it for the errors it makes up (an
// injected 503, a limiter's 429), after setting any headers of its own.
type ErrorBody func(w http.ResponseWriter, status int)

// plainError is the ErrorBody of a layer given none.
func plainError(w http.ResponseWriter, status int) {
	http.Error(w, http.StatusText(status), status)
}

// orPlain returns e, or plainError when e is nil.
func orPlain(e ErrorBody) ErrorBody {
	if e == nil {
		return plainError
	}
	return e
}

// WriteJSON answers v as JSON with status.
func WriteJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}
