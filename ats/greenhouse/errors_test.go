package greenhouse

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/jobsync/jobsync/ats"
	"github.com/jobsync/jobsync/ats/atshttp"
	"github.com/jobsync/jobsync/ats/atstest"
)

// answerError is the error a Harvest client makes of an answer with status
// and body to method /v3/x, SECRET being a secret.
func answerError(status int, body []byte, method string) error {
	board := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(status)
		_, _ = w.Write(body)
	})
	api := &atshttp.Client{HTTP: &http.Client{Transport: atstest.InMemory(board)}, Base: mustURL("http://harvest.test/v3"),
		DecodeError: decodeError, Secrets: func() []string { return []string{"SECRET"} }}
	_, err := api.Do(context.Background(), atshttp.Request{Method: method, Path: "/x"}, nil)
	return err
}

func TestAPIErrorDecoding(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		status int
		body   string
		want   string
		fields int
	}{
		{"validation", 422, `{"message":"Validation error","errors":[{"message":"can't be blank","field":"title"}]}`,
			"PATCH /v3/x: 422 Unprocessable Entity: Validation error (title: can't be blank)", 1},
		{"errors as strings", 422, `{"errors":["Missing required field: body", {"message":"bad","field":"f"}]}`,
			"PATCH /v3/x: 422 Unprocessable Entity (Missing required field: body; f: bad)", 2},
		{"not found", 404, `{"message":"Resource not found"}`, "PATCH /v3/x: 404 Not Found: Resource not found", 0},
		{"oauth", 401, `{"error":"invalid_client"}`, "PATCH /v3/x: 401 Unauthorized: invalid_client", 0},
		{"oauth with description", 400, `{"error":"invalid_request","error_description":"bad sub"}`,
			"PATCH /v3/x: 400 Bad Request: invalid_request: bad sub", 0},
		{"html", 502, `<html><body>Bad gateway</body></html>`, "PATCH /v3/x: 502 Bad Gateway: <html><body>Bad gateway</body></html>", 0},
		{"empty", 503, ``, "PATCH /v3/x: 503 Service Unavailable", 0},
		{"echoed secret", 400, `{"message":"client SECRET is wrong"}`, "PATCH /v3/x: 400 Bad Request: client [redacted] is wrong", 0},
		{"long text", 500, strings.Repeat("x", 300), "PATCH /v3/x: 500 Internal Server Error: " + strings.Repeat("x", 200) + "…", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			err := answerError(tt.status, []byte(tt.body), "PATCH")
			var e *atshttp.Error
			if !errors.As(err, &e) {
				t.Fatalf("error %v, want an *atshttp.Error", err)
			}
			if e.Error() != tt.want {
				t.Errorf("error\n%q, want\n%q", e.Error(), tt.want)
			}
			if len(e.Fields) != tt.fields {
				t.Errorf("%d field errors, want %d", len(e.Fields), tt.fields)
			}
			if got := errors.Is(e, ats.ErrNotFound); got != (tt.status == 404) {
				t.Errorf("errors.Is(ErrNotFound) = %t for %d", got, tt.status)
			}
		})
	}
}

func FuzzAPIError(f *testing.F) {
	f.Add(422, []byte(`{"message":"Validation error","errors":[{"message":"x","field":"y"}]}`))
	f.Add(404, []byte(`{"message":"Resource not found"}`))
	f.Add(500, []byte(`{"errors":[1, "two", {"field":3}]}`))
	f.Add(401, []byte("\xff\xfe not json SECRET"))
	f.Fuzz(func(t *testing.T, status int, body []byte) {
		status = 400 + (status%200+200)%200 // an error status
		err := answerError(status, body, "GET")
		if err == nil {
			t.Fatalf("a %d is no error", status)
		}
		msg := err.Error()
		if strings.Contains(msg, "SECRET") {
			t.Errorf("error keeps a secret: %q", msg)
		}
		if !strings.HasPrefix(msg, "GET /v3/x: ") {
			t.Errorf("error %q does not name the request", msg)
		}
	})
}
