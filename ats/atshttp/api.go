package atshttp

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"

	"go.uber.org/zap"
)

// maxBody bounds how much of an answer is read.
const maxBody = 32 << 20

// Client sends one board's API requests: JSON in and out, the board's
// credentials, typed errors. It is the one request/response path of an
// adapter; its fields are set once, before the first request.
type Client struct {
	HTTP *http.Client // from NewHTTPClient
	Base *url.URL     // the API's root; see ParseBase
	Auth Auth         // nil: no credentials

	// DecodeError reads the board's error body into e (Code, Message,
	// RequestID, Fields, NotFound) and reports whether it understood it;
	// otherwise the body's text, shortened, is the message. Nil: the text.
	DecodeError func(e *Error, body []byte) bool

	// Secrets returns values that must never show in an error (a key, the
	// tokens issued so far): they are replaced wherever a board or a
	// transport error echoes them.
	Secrets func() []string

	Logger *zap.Logger // one debug line per answer; nil logs nothing
}

// Request is one API call.
type Request struct {
	// Kind says what the call does on the board, which decides whether it
	// is retried after a failure (see Kind); ByMethod goes by the method.
	Kind   Kind
	Method string
	// Path is below Base and already escaped ("/postings/" +
	// url.PathEscape(id)), so an id can never reach another route; or an
	// absolute URL the API handed out (a next-page link), which must lie
	// under Base: the credentials go nowhere else.
	Path  string
	Query url.Values // added to the URL's query
	Body  any        // sent as JSON when not nil
	Form  url.Values // sent as a form instead, when not nil
	// ContentType is the media type Body is sent as; default
	// application/json (a JSON Patch document is
	// application/json-patch+json).
	ContentType string
}

// ErrorInBody is implemented by an answer type whose 2xx body can still say
// the call failed (Ashby answers 200 with "success": false). After decoding
// such an answer, Do calls ErrorInBody; when it returns true, having filled
// e (Message, Code, NotFound…), the call fails with e.
type ErrorInBody interface {
	ErrorInBody(e *Error) bool
}

// Do sends r and decodes a 2xx JSON answer into out (when out is not nil
// and the answer has a body). It returns the answer's header (paging, rate
// limits). An answer that is not 2xx is an *Error. After a 401, an Auth
// that is a Refresher renews its credential and the request is sent once
// more: a 401 means the request was not run.
func (c *Client) Do(ctx context.Context, r Request, out any) (http.Header, error) {
	u, err := c.url(r.Path, r.Query)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", r.Method, err)
	}
	path := u.EscapedPath()
	body, ctype, err := encode(r)
	if err != nil {
		return nil, fmt.Errorf("%s %s: encode the request: %w", r.Method, path, err)
	}
	if r.Kind != ByMethod {
		ctx = WithKind(ctx, r.Kind)
	}
	for attempt := 0; ; attempt++ {
		var rd io.Reader
		if body != nil {
			rd = bytes.NewReader(body)
		}
		req, err := http.NewRequestWithContext(ctx, r.Method, u.String(), rd)
		if err != nil {
			return nil, fmt.Errorf("%s %s: %w", r.Method, path, c.scrubErr(err))
		}
		req.Header.Set("Accept", "application/json")
		req.Header.Set("User-Agent", "jobsync")
		if ctype != "" {
			req.Header.Set("Content-Type", ctype)
		}
		if c.Auth != nil {
			if err := c.Auth.Authorize(ctx, req); err != nil {
				return nil, err
			}
		}
		resp, err := c.HTTP.Do(req)
		if err != nil {
			return nil, fmt.Errorf("%s %s: %w", r.Method, path, c.scrubErr(err))
		}
		data, err := io.ReadAll(io.LimitReader(resp.Body, maxBody))
		resp.Body.Close()
		if err != nil {
			return nil, fmt.Errorf("%s %s: read the answer: %w", r.Method, path, c.scrubErr(err))
		}
		if c.Logger != nil {
			c.Logger.Debug("response", zap.String("method", r.Method), zap.String("path", path), zap.Int("status", resp.StatusCode))
		}
		if ref, ok := c.Auth.(Refresher); ok && resp.StatusCode == http.StatusUnauthorized && attempt == 0 {
			ref.Refresh(req)
			continue
		}
		if resp.StatusCode < 200 || resp.StatusCode > 299 {
			return resp.Header, c.newError(r.Method, path, resp, data)
		}
		if out == nil || len(bytes.TrimSpace(data)) == 0 {
			return resp.Header, nil
		}
		if err := json.Unmarshal(data, out); err != nil {
			return resp.Header, fmt.Errorf("%s %s: decode the answer: %w", r.Method, path, c.scrubErr(err))
		}
		if f, ok := out.(ErrorInBody); ok {
			e := c.errorOf(r.Method, path, resp)
			if f.ErrorInBody(e) {
				c.scrub(e)
				return resp.Header, e
			}
		}
		return resp.Header, nil
	}
}

// URL is the URL of path below Base, with query q.
func (c *Client) URL(path string, q url.Values) (*url.URL, error) { return c.url(path, q) }

func (c *Client) url(path string, q url.Values) (*url.URL, error) {
	var u *url.URL
	if strings.Contains(path, "://") {
		var err error
		if u, err = url.Parse(path); err != nil {
			return nil, fmt.Errorf("bad URL: %w", unquote(err))
		}
		if !c.under(u) {
			return nil, fmt.Errorf("%s leaves the API at %s", u.Redacted(), c.Base.Redacted())
		}
	} else {
		u = new(url.URL)
		*u = *c.Base
		raw := strings.TrimRight(c.Base.EscapedPath(), "/") + path
		p, err := url.PathUnescape(raw)
		if err != nil {
			return nil, err
		}
		u.Path, u.RawPath = p, raw
	}
	if len(q) > 0 {
		all := u.Query()
		for k, v := range q {
			all[k] = append(all[k], v...)
		}
		u.RawQuery = all.Encode()
	}
	return u, nil
}

// under reports whether u is on Base's origin and under its path.
func (c *Client) under(u *url.URL) bool {
	root := strings.TrimSuffix(c.Base.Path, "/")
	return u.Scheme == c.Base.Scheme && u.Host == c.Base.Host && u.User == nil &&
		(u.Path == root || strings.HasPrefix(u.Path, root+"/"))
}

// encode is the request's body and content type.
func encode(r Request) ([]byte, string, error) {
	switch {
	case r.Form != nil:
		return []byte(r.Form.Encode()), "application/x-www-form-urlencoded", nil
	case r.Body != nil:
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false) // HTML goes as is: smaller, and readable in a trace
		if err := enc.Encode(r.Body); err != nil {
			return nil, "", err
		}
		return buf.Bytes(), cmp.Or(r.ContentType, "application/json"), nil
	}
	return nil, "", nil
}

// ParseBase checks a board's API root: an absolute http(s) URL with no
// credentials, query or fragment. Its error never quotes a password.
func ParseBase(s string) (*url.URL, error) {
	u, err := url.Parse(s)
	if err != nil {
		return nil, fmt.Errorf("not a URL: %w", unquote(err))
	}
	// What an error shows of it: never its user (Lever's key would be one),
	// password or query.
	shown := (&url.URL{Scheme: u.Scheme, Host: u.Host, Path: u.Path}).String()
	if (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return nil, fmt.Errorf("%q is not an absolute http(s) URL", shown)
	}
	if u.User != nil || u.RawQuery != "" || u.Fragment != "" {
		return nil, fmt.Errorf("%q must hold no credentials, query or fragment", shown)
	}
	return u, nil
}

// unquote drops the URL a *url.Error quotes, password and all, keeping its
// cause.
func unquote(err error) error {
	if ue, ok := err.(*url.Error); ok {
		return ue.Err
	}
	return err
}
