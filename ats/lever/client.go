package lever

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"

	"go.uber.org/zap"

	"github.com/jobsync/jobsync/ats"
	"github.com/jobsync/jobsync/ats/atshttp"
)

// APIError is an error answer from Lever: the HTTP status and Lever's
// {code, message} body. It never holds the API key or any header. A 404
// matches ats.ErrNotFound with errors.Is.
type APIError struct {
	StatusCode int
	Code       string // Lever's error code, e.g. "BadRequestError", "ResourceNotFound"
	Message    string
	Method     string
	Path       string // the request path below the base URL, without the query
}

// Error reads "POST /postings: 400 BadRequestError: message"; the Board
// wraps it as "lever: create <key>: …".
func (e *APIError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s: %d", e.Method, e.Path, e.StatusCode)
	if e.Code != "" {
		b.WriteString(" " + e.Code)
	}
	if e.Message != "" {
		b.WriteString(": " + e.Message)
	} else if e.Code == "" {
		b.WriteString(" " + http.StatusText(e.StatusCode))
	}
	return b.String()
}

// Is makes a 404 match ats.ErrNotFound.
func (e *APIError) Is(target error) bool {
	return target == ats.ErrNotFound && e.StatusCode == http.StatusNotFound
}

// maxBody bounds how much of a response is read.
const maxBody = 32 << 20

// client sends requests to Lever with Basic auth through the board's HTTP
// client (by default atshttp.NewHTTPClient: pacing, retries, the 429 gate) and
// turns answers into decoded data or an *APIError.
type client struct {
	base      *url.URL
	apiKey    string
	performAs string
	http      *http.Client
	log       *zap.Logger
}

// reqKind says whether a request changes the board, and whether sending it
// twice is safe.
type reqKind int

const (
	read       reqKind = iota // a GET
	idempotent                // Lever's update POST: the full desired posting, the same effect when repeated
	create                    // a create POST: never re-sent after an ambiguous failure
)

// do sends one request and decodes a 2xx JSON answer into out (when not
// nil). path is below the base URL and already escaped ("/postings/" +
// url.PathEscape(id)), so an id can never reach another route.
func (c *client) do(ctx context.Context, kind reqKind, method, path string, query url.Values, in, out any) (err error) {
	var body io.Reader
	if in != nil {
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false) // HTML goes as is: smaller, and readable in a trace
		if err := enc.Encode(in); err != nil {
			return fmt.Errorf("encode %s %s: %w", method, path, err)
		}
		body = &buf
	}
	if kind == idempotent {
		// The shared client retries a POST only when it surely did not run;
		// an update sends the whole desired posting, so a repeat after a
		// lost answer or a 5xx writes the same thing again.
		ctx = atshttp.WithKind(ctx, atshttp.Idempotent)
	}
	u := *c.base
	u.RawPath = strings.TrimRight(c.base.EscapedPath(), "/") + path
	if u.Path, err = url.PathUnescape(u.RawPath); err != nil {
		return fmt.Errorf("%s %s: %w", method, path, err)
	}
	u.RawQuery = query.Encode()
	req, err := http.NewRequestWithContext(ctx, method, u.String(), body)
	if err != nil {
		return fmt.Errorf("%s %s: %w", method, path, err)
	}
	req.SetBasicAuth(c.apiKey, "") // DOC § Authentication: the key as user, no password
	req.Header.Set("Accept", "application/json")
	req.Header.Set("User-Agent", "jobsync")
	if in != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return fmt.Errorf("%s %s: %w", method, path, scrub(err))
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, maxBody))
	if err != nil {
		return fmt.Errorf("%s %s: read response: %w", method, path, err)
	}
	c.log.Debug("lever response", zap.String("method", method), zap.String("path", path), zap.Int("status", resp.StatusCode))
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return c.apiError(resp.StatusCode, data, method, path)
	}
	if out == nil || len(bytes.TrimSpace(data)) == 0 {
		return nil
	}
	if err := json.Unmarshal(data, out); err != nil {
		return fmt.Errorf("decode %s %s: %w", method, path, err)
	}
	return nil
}

// apiError decodes Lever's error body; the text is cleaned of the API key
// should a server ever echo it.
func (c *client) apiError(status int, data []byte, method, path string) *APIError {
	e := &APIError{StatusCode: status, Method: method, Path: path}
	var body apiErrorBody
	if json.Unmarshal(data, &body) == nil {
		e.Code, e.Message = body.Code, body.Message
	} else if s := strings.TrimSpace(string(data)); s != "" && len(s) < 300 && !strings.HasPrefix(s, "<") {
		e.Message = s
	}
	e.Code, e.Message = c.redact(e.Code), c.redact(e.Message)
	return e
}

func (c *client) redact(s string) string {
	if c.apiKey == "" {
		return s
	}
	return strings.ReplaceAll(s, c.apiKey, "[redacted]")
}

// scrub drops a URL's user info from a transport error, should a caller
// ever have put credentials into the base URL (New refuses that).
func scrub(err error) error {
	if ue, ok := err.(*url.Error); ok {
		if u, perr := url.Parse(ue.URL); perr == nil && u.User != nil {
			u.User = nil
			return &url.Error{Op: ue.Op, URL: u.String(), Err: ue.Err}
		}
	}
	return err
}
