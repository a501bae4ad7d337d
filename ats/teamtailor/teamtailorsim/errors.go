package teamtailorsim

import (
	"context"
	"encoding/json"
	"net/http"
	"strconv"
)

// writeJSON answers v as a JSON:API document.
func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", mediaType)
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

// writeErrors answers a JSON:API error document, {"errors": [...]}, each
// error with its status as a string, as JSONAPI::Resources writes them.
func writeErrors(w http.ResponseWriter, status int, errs ...apiError) {
	for i := range errs {
		if errs[i].Status == "" {
			errs[i].Status = strconv.Itoa(status)
		}
	}
	writeJSON(w, status, map[string][]apiError{"errors": errs})
}

// errorBody is the API's answer for what the kit makes up: the limiter's
// 429, injected failures, and a lost answer.
func errorBody(w http.ResponseWriter, status int) {
	e := apiError{Title: http.StatusText(status), Detail: "simulated failure"}
	switch status {
	case http.StatusTooManyRequests:
		e.Detail = "Rate limit exceeded"
	case http.StatusGatewayTimeout:
		e.Detail = "simulated lost response"
	}
	writeErrors(w, status, e)
}

// notFound is JSONAPI::Resources' Record not found.
func notFound(w http.ResponseWriter, id string) {
	writeErrors(w, http.StatusNotFound, apiError{Title: "Record not found", Code: "404",
		Detail: "The record identified by " + id + " could not be found."})
}

// badRequest is a 400 with one error.
func badRequest(w http.ResponseWriter, title, detail string) {
	writeErrors(w, http.StatusBadRequest, apiError{Title: title, Detail: detail, Code: "400"})
}

// invalid is one validation error (422) on an attribute or relationship,
// as JSONAPI::Resources writes a model's errors.
func invalid(field, pointer, message string) apiError {
	return apiError{Title: message, Detail: field + " - " + message, Code: "100", Status: "422",
		Source: map[string]string{"pointer": pointer}}
}

func contextWith(ctx context.Context, sc scope) context.Context {
	return context.WithValue(ctx, scopeKey{}, sc)
}

// scopeOf is the scope of the key a request carries (authorized put it in
// its context).
func scopeOf(r *http.Request) scope {
	sc, _ := r.Context().Value(scopeKey{}).(scope)
	return sc
}
