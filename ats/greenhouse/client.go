package greenhouse

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/jobsync/jobsync/ats"
)

// maxBody bounds how much of a response the client reads.
const maxBody = 32 << 20

// client makes Harvest v3 requests: bearer auth with one token refresh on a
// 401, JSON bodies, typed errors, and cursor pagination.
type client struct {
	hc     *http.Client
	base   *url.URL // ".../v3"
	tokens *tokenSource
}

// endpoint is the URL of route (relative to the base) with query q.
func (c *client) endpoint(route string, q url.Values) *url.URL {
	u := *c.base
	u.Path = strings.TrimSuffix(c.base.Path, "/") + route
	u.RawPath = ""
	u.RawQuery = q.Encode()
	return &u
}

// call sends one request to route and decodes a JSON answer into out (when
// out is not nil and the answer has a body).
func (c *client) call(ctx context.Context, method, route string, q url.Values, in, out any) error {
	_, err := c.send(ctx, method, c.endpoint(route, q), in, out)
	return err
}

// send sends one request to u. A 401 means the request was not run, so it
// refreshes the token and sends the request once more.
func (c *client) send(ctx context.Context, method string, u *url.URL, in, out any) (http.Header, error) {
	var body []byte
	if in != nil {
		var err error
		if body, err = json.Marshal(in); err != nil {
			return nil, fmt.Errorf("encode %s %s: %w", method, u.Path, err)
		}
	}
	for attempt := 0; ; attempt++ {
		tok, err := c.tokens.token(ctx)
		if err != nil {
			return nil, err
		}
		var rd io.Reader
		if body != nil {
			rd = bytes.NewReader(body)
		}
		req, err := http.NewRequestWithContext(ctx, method, u.String(), rd)
		if err != nil {
			return nil, fmt.Errorf("%s %s: %w", method, u.Path, err)
		}
		if body != nil {
			req.Header.Set("Content-Type", "application/json")
		}
		req.Header.Set("Authorization", "Bearer "+tok)
		req.Header.Set("Accept", "application/json")
		req.Header.Set("User-Agent", "jobsync")
		resp, err := c.hc.Do(req)
		if err != nil {
			return nil, fmt.Errorf("%s %s: %w", method, u.Path, c.tokens.scrubErr(err))
		}
		data, err := io.ReadAll(io.LimitReader(resp.Body, maxBody))
		resp.Body.Close()
		if err != nil {
			return nil, fmt.Errorf("%s %s: read the answer: %w", method, u.Path, err)
		}
		if resp.StatusCode == http.StatusUnauthorized && attempt == 0 {
			c.tokens.invalidate(tok)
			continue
		}
		if resp.StatusCode < 200 || resp.StatusCode > 299 {
			return resp.Header, newAPIError(resp.StatusCode, method, u.Path, data, c.tokens.scrub)
		}
		if out != nil && len(bytes.TrimSpace(data)) > 0 {
			if err := json.Unmarshal(data, out); err != nil {
				return resp.Header, fmt.Errorf("%s %s: decode the answer: %w", method, u.Path, err)
			}
		}
		return resp.Header, nil
	}
}

// listAll reads every page of a list route: the first request carries q and
// per_page=500, then it follows each Link rel="next" URL exactly as given.
func listAll[T any](ctx context.Context, c *client, route string, q url.Values) ([]T, error) {
	if q == nil {
		q = url.Values{}
	}
	q.Set("per_page", strconv.Itoa(perPage))
	u := c.endpoint(route, q)
	var all []T
	seen := map[string]bool{}
	for u != nil {
		if seen[u.String()] {
			return nil, fmt.Errorf("GET %s: the next page link repeats a page", u.Path)
		}
		seen[u.String()] = true
		var page []T
		h, err := c.send(ctx, http.MethodGet, u, nil, &page)
		if err != nil {
			return nil, err
		}
		all = append(all, page...)
		if u, err = c.nextPage(h.Get("Link")); err != nil {
			return nil, fmt.Errorf("GET %s: %w", route, err)
		}
	}
	return all, nil
}

// listByIDs lists route filtered by filter=<ids>, at most 50 ids a request.
func listByIDs[T any](ctx context.Context, c *client, route, filter string, ids []int64, extra url.Values) ([]T, error) {
	var all []T
	for len(ids) > 0 {
		n := min(len(ids), maxIDsPerFilter)
		parts := make([]string, n)
		for i, id := range ids[:n] {
			parts[i] = strconv.FormatInt(id, 10)
		}
		q := url.Values{filter: {strings.Join(parts, ",")}}
		for k, v := range extra {
			q[k] = v
		}
		page, err := listAll[T](ctx, c, route, q)
		if err != nil {
			return nil, err
		}
		all = append(all, page...)
		ids = ids[n:]
	}
	return all, nil
}

// nextPage finds the rel="next" URL of a Link header; nil when there is
// none. The URL must stay on the API's origin and under its base path: the
// bearer token is never sent anywhere else.
func (c *client) nextPage(link string) (*url.URL, error) {
	for part := range strings.SplitSeq(link, ",") {
		target, params, ok := strings.Cut(strings.TrimSpace(part), ";")
		if !ok || !strings.HasPrefix(target, "<") || !strings.HasSuffix(target, ">") {
			continue
		}
		next := false
		for p := range strings.SplitSeq(params, ";") {
			k, v, _ := strings.Cut(strings.TrimSpace(p), "=")
			if strings.EqualFold(k, "rel") && strings.EqualFold(strings.Trim(v, `"`), "next") {
				next = true
			}
		}
		if !next {
			continue
		}
		u, err := c.base.Parse(strings.TrimSuffix(strings.TrimPrefix(target, "<"), ">"))
		if err != nil {
			return nil, fmt.Errorf("bad next page link: %w", err)
		}
		if u.Scheme != c.base.Scheme || u.Host != c.base.Host || !strings.HasPrefix(u.Path, strings.TrimSuffix(c.base.Path, "/")+"/") {
			return nil, fmt.Errorf("next page link %s leaves the API at %s", u.Redacted(), c.base.Redacted())
		}
		return u, nil
	}
	return nil, nil
}

// APIError is an error answer from Harvest: its status, the request, and
// Greenhouse's message and field errors. It never holds a credential: the
// request's headers are not kept, and any client secret or access token the
// body might echo is replaced. A 404 wraps ats.ErrNotFound.
type APIError struct {
	StatusCode int
	Method     string
	Path       string // without the query
	Message    string
	Errors     []FieldError
}

// FieldError is one validation error: the field and what is wrong with it.
type FieldError struct {
	Field   string `json:"field"`
	Message string `json:"message"`
}

// Error reads like "PATCH /v3/job_posts/12: 422 Unprocessable Entity:
// Validation error (title: can't be blank)".
func (e *APIError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s: %d %s", e.Method, e.Path, e.StatusCode, http.StatusText(e.StatusCode))
	if e.Message != "" {
		b.WriteString(": " + e.Message)
	}
	if len(e.Errors) > 0 {
		parts := make([]string, len(e.Errors))
		for i, fe := range e.Errors {
			parts[i] = fe.Message
			if fe.Field != "" {
				parts[i] = fe.Field + ": " + fe.Message
			}
		}
		b.WriteString(" (" + strings.Join(parts, "; ") + ")")
	}
	return b.String()
}

// Unwrap makes a 404 match ats.ErrNotFound with errors.Is.
func (e *APIError) Unwrap() error {
	if e.StatusCode == http.StatusNotFound {
		return ats.ErrNotFound
	}
	return nil
}

// newAPIError decodes an error body: message and errors[] (objects or
// strings), or OAuth's error and error_description, else the raw text,
// shortened. scrub removes credentials from any text kept.
func newAPIError(status int, method, path string, data []byte, scrub func(string) string) *APIError {
	e := &APIError{StatusCode: status, Method: method, Path: path}
	var eb errorBody
	if json.Unmarshal(data, &eb) == nil {
		e.Message = eb.Message
		if e.Message == "" && eb.Error != "" {
			e.Message = strings.TrimSpace(eb.Error + ": " + eb.ErrorDescription)
			e.Message = strings.TrimSuffix(e.Message, ":")
		}
		for _, raw := range eb.Errors {
			var fe FieldError
			var s string
			switch {
			case json.Unmarshal(raw, &fe) == nil:
			case json.Unmarshal(raw, &s) == nil:
				fe.Message = s
			default:
				fe.Message = string(raw)
			}
			fe.Field, fe.Message = scrub(fe.Field), scrub(fe.Message)
			e.Errors = append(e.Errors, fe)
		}
	} else if text := strings.TrimSpace(string(data)); text != "" {
		e.Message = shorten(text, 200)
	}
	e.Message = scrub(e.Message)
	return e
}

// shorten cuts s to at most n bytes, on a rune boundary, marking the cut.
func shorten(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}

func utf8RuneStart(b byte) bool { return b&0xC0 != 0x80 }

// isNotFound reports whether err is a 404 (or any ats.ErrNotFound).
func isNotFound(err error) bool { return errors.Is(err, ats.ErrNotFound) }
