package atshttp

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"unicode/utf8"

	"github.com/jobsync/jobsync/ats"
)

// Error is a board's answer that a call failed: the request, the status,
// and what the board said. It never holds a credential: no header is kept,
// and every text is cleaned of the Client's Secrets and of URL credentials.
// It matches ats.ErrNotFound with errors.Is on a 404, or when the board said
// so otherwise (NotFound).
type Error struct {
	StatusCode int
	Method     string
	Path       string // the request's path, without the query
	Code       string // the board's error code: "ResourceNotFound", "invalid_client"
	Message    string
	RequestID  string // the board's id of the request (X-Request-Id), for its support
	Fields     []FieldError
	// NotFound says the board signalled "not found" in the body, as Ashby
	// does with a 200 or a 400.
	NotFound bool
}

// FieldError is one validation error: the field and what is wrong with it.
type FieldError struct {
	Field   string `json:"field"`
	Message string `json:"message"`
}

// Error reads like "PATCH /v3/job_posts/12: 422 Unprocessable Entity:
// Validation error (title: can't be blank)", or "GET /v1/postings/x: 404
// Not Found: ResourceNotFound: Posting not found".
func (e *Error) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s: %d", e.Method, e.Path, e.StatusCode)
	if t := http.StatusText(e.StatusCode); t != "" {
		b.WriteString(" " + t)
	}
	for _, s := range []string{e.Code, e.Message} {
		if s != "" {
			b.WriteString(": " + s)
		}
	}
	if len(e.Fields) > 0 {
		parts := make([]string, len(e.Fields))
		for i, fe := range e.Fields {
			parts[i] = fe.Message
			if fe.Field != "" {
				parts[i] = fe.Field + ": " + fe.Message
			}
		}
		b.WriteString(" (" + strings.Join(parts, "; ") + ")")
	}
	if e.RequestID != "" {
		b.WriteString(" (request id " + e.RequestID + ")")
	}
	return b.String()
}

// Is makes a not-found answer match ats.ErrNotFound.
func (e *Error) Is(target error) bool {
	return target == ats.ErrNotFound && (e.StatusCode == http.StatusNotFound || e.NotFound)
}

// errorOf is the Error of an answer, before its body is read.
func (c *Client) errorOf(method, path string, resp *http.Response) *Error {
	return &Error{StatusCode: resp.StatusCode, Method: method, Path: path, RequestID: resp.Header.Get("X-Request-Id")}
}

// newError decodes an error answer, cleaned of secrets.
func (c *Client) newError(method, path string, resp *http.Response, body []byte) *Error {
	e := c.errorOf(method, path, resp)
	if c.DecodeError == nil || !c.DecodeError(e, body) {
		if text := strings.TrimSpace(string(body)); text != "" {
			e.Message = shorten(text, 200)
		}
	}
	c.scrub(e)
	return e
}

// scrub cleans every text of e.
func (c *Client) scrub(e *Error) {
	clean := c.redactor()
	e.Code, e.Message, e.RequestID = clean(e.Code), clean(e.Message), clean(e.RequestID)
	for i := range e.Fields {
		e.Fields[i].Field, e.Fields[i].Message = clean(e.Fields[i].Field), clean(e.Fields[i].Message)
	}
}

// redactor returns a function that replaces the Client's secrets and URL
// credentials in a text.
func (c *Client) redactor() func(string) string {
	var secrets []string
	if c.Secrets != nil {
		for _, s := range c.Secrets() {
			if len(s) >= 4 { // shorter would blank out ordinary words
				secrets = append(secrets, s)
			}
		}
	}
	return func(text string) string {
		text = scrubText(text) // first: it decodes a URL's query
		for _, s := range secrets {
			text = strings.ReplaceAll(text, s, "[redacted]")
		}
		return text
	}
}

// scrubErr returns err, or an error with its text cleaned when the text held
// a credential; errors.Is still sees a context's end through it.
func (c *Client) scrubErr(err error) error {
	if t := c.redactor()(err.Error()); t != err.Error() {
		return &scrubbed{text: t, err: err}
	}
	return err
}

// scrubbed is an error whose text had a credential removed. It unwraps
// only to a context's end, never exposing the original text.
type scrubbed struct {
	text string
	err  error
}

func (e *scrubbed) Error() string { return e.text }
func (e *scrubbed) Is(target error) bool {
	return (target == context.Canceled || target == context.DeadlineExceeded) && errors.Is(e.err, target)
}

// shorten cuts s to at most n bytes, on a rune boundary, marking the cut.
func shorten(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}
