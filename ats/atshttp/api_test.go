package atshttp

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
	"testing/synctest"

	"github.com/jobsync/jobsync/ats"
	"github.com/jobsync/jobsync/ats/atstest"
)

// seen is what a handler saw of one request.
type seen struct {
	method, path, rawPath, query, body string
	header                             http.Header
}

// board is an in-memory API: it records requests and answers each with
// answer (status and body), by default 200 {"ok":true}.
type board struct {
	mu     sync.Mutex
	reqs   []seen
	answer func(n int, r *http.Request) (int, string)
}

func (b *board) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	data, _ := io.ReadAll(r.Body)
	b.mu.Lock()
	n := len(b.reqs)
	b.reqs = append(b.reqs, seen{r.Method, r.URL.Path, r.URL.RawPath, r.URL.RawQuery, string(data), r.Header.Clone()})
	b.mu.Unlock()
	status, body := http.StatusOK, `{"ok":true}`
	if b.answer != nil {
		status, body = b.answer(n, r)
	}
	w.WriteHeader(status)
	_, _ = io.WriteString(w, body)
}

func (b *board) requests() []seen {
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([]seen(nil), b.reqs...)
}

// newAPI is a Client of b at http://board.test/v1 with the retrying client
// (short waits).
func newAPI(t *testing.T, b *board) *Client {
	t.Helper()
	base, err := ParseBase("http://board.test/v1")
	if err != nil {
		t.Fatal(err)
	}
	return &Client{HTTP: fastClient(atstest.InMemory(b)), Base: base}
}

func TestDoSendsJSONBelowTheBase(t *testing.T) {
	t.Parallel()
	b := &board{}
	c := newAPI(t, b)
	c.Auth = Basic(ats.NewSecret("the-key"), ats.Secret{})
	var out struct{ OK bool }
	in := map[string]string{"html": "<p>a & b</p>"}
	if _, err := c.Do(context.Background(), Request{Method: http.MethodPost, Kind: Idempotent, Path: "/postings/" + url.PathEscape("a/../b"),
		Query: url.Values{"perform_as": {"u 1"}}, Body: in}, &out); err != nil {
		t.Fatal(err)
	}
	if !out.OK {
		t.Error("the answer was not decoded")
	}
	r := b.requests()[0]
	if r.path != "/v1/postings/a/../b" || r.rawPath != "/v1/postings/a%2F..%2Fb" || r.query != "perform_as=u+1" {
		t.Errorf("request went to %s (raw %s) ?%s", r.path, r.rawPath, r.query)
	}
	var got map[string]string
	if err := json.Unmarshal([]byte(r.body), &got); err != nil || got["html"] != in["html"] || strings.Contains(r.body, `\u003c`) {
		t.Errorf("body %s", r.body)
	}
	if r.header.Get("Content-Type") != "application/json" || r.header.Get("Accept") != "application/json" || r.header.Get("User-Agent") != "jobsync" {
		t.Errorf("headers %v", r.header)
	}
	if user, pass, ok := (&http.Request{Header: r.header}).BasicAuth(); !ok || user != "the-key" || pass != "" {
		t.Errorf("basic auth %q %q %t", user, pass, ok)
	}
}

func TestDoSendsAForm(t *testing.T) {
	t.Parallel()
	b := &board{}
	c := newAPI(t, b)
	if _, err := c.Do(context.Background(), Request{Method: http.MethodPost, Form: url.Values{"grant_type": {"client_credentials"}}}, nil); err != nil {
		t.Fatal(err)
	}
	r := b.requests()[0]
	if r.path != "/v1" || r.body != "grant_type=client_credentials" || r.header.Get("Content-Type") != "application/x-www-form-urlencoded" {
		t.Errorf("form request %+v", r)
	}
}

// The retry decision follows the kind the call declares, not its method.
func TestDoRetriesByDeclaredKind(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		kind   Kind
		method string
		want   int
	}{
		{Read, http.MethodPost, 3},
		{Idempotent, http.MethodPost, 3},
		{Create, http.MethodPost, 1},
		{Create, http.MethodPut, 1},
		{ByMethod, http.MethodPost, 1},
		{ByMethod, http.MethodGet, 3},
	} {
		synctest.Test(t, func(t *testing.T) {
			b := &board{answer: func(n int, _ *http.Request) (int, string) {
				if n < 2 {
					return http.StatusServiceUnavailable, `{"message":"busy"}`
				}
				return http.StatusOK, `{}`
			}}
			_, err := newAPI(t, b).Do(context.Background(), Request{Kind: tc.kind, Method: tc.method, Path: "/x", Body: struct{}{}}, nil)
			if n := len(b.requests()); n != tc.want {
				t.Errorf("%s %s sent %d times after 503s, want %d", tc.kind, tc.method, n, tc.want)
			}
			if (err == nil) != (tc.want == 3) {
				t.Errorf("%s %s: %v", tc.kind, tc.method, err)
			}
		})
	}
}

func TestDoRefusesURLsOutsideTheBase(t *testing.T) {
	t.Parallel()
	b := &board{}
	c := newAPI(t, b)
	for _, u := range []string{"https://board.test/v1/x", "http://evil.test/v1/x", "http://board.test/admin", "http://board.test/v10", "http://me:pw@board.test/v1/x"} {
		if _, err := c.Do(context.Background(), Request{Method: http.MethodGet, Path: u}, nil); err == nil || strings.Contains(err.Error(), "pw") {
			t.Errorf("GET %s: %v, want a refusal that shows no password", u, err)
		}
	}
	if _, err := c.Do(context.Background(), Request{Method: http.MethodGet, Path: "http://board.test/v1/x?cursor=2", Query: url.Values{"per_page": {"5"}}}, nil); err != nil {
		t.Fatal(err)
	}
	if rs := b.requests(); len(rs) != 1 || rs[0].path != "/v1/x" || rs[0].query != "cursor=2&per_page=5" {
		t.Errorf("requests %+v", rs)
	}
}

func TestErrors(t *testing.T) {
	t.Parallel()
	decode := func(e *Error, body []byte) bool {
		var eb struct {
			Code, Message string
			Errors        []FieldError
			NotFound      bool `json:"not_found"`
		}
		if json.Unmarshal(body, &eb) != nil {
			return false
		}
		e.Code, e.Message, e.Fields, e.NotFound = eb.Code, eb.Message, eb.Errors, eb.NotFound
		return true
	}
	for _, tc := range []struct {
		name     string
		status   int
		body     string
		want     string
		notFound bool
	}{
		{"decoded", 422, `{"code":"Invalid","message":"bad","errors":[{"field":"title","message":"can't be blank"},{"message":"and more"}]}`,
			"PUT /v1/x: 422 Unprocessable Entity: Invalid: bad (title: can't be blank; and more)", false},
		{"not found", 404, `{"message":"no such posting"}`, "PUT /v1/x: 404 Not Found: no such posting", true},
		{"not found said in the body", 400, `{"code":"not_found","not_found":true}`, "PUT /v1/x: 400 Bad Request: not_found", true},
		{"text", 502, `<html>Bad gateway</html>`, "PUT /v1/x: 502 Bad Gateway: <html>Bad gateway</html>", false},
		{"long text", 500, strings.Repeat("é", 150), "PUT /v1/x: 500 Internal Server Error: " + strings.Repeat("é", 100) + "…", false},
		{"empty", 401, ``, "PUT /v1/x: 401 Unauthorized", false},
		{"echoed secret", 400, `{"message":"key s3cr3t-key is wrong; see https://u:pw@board.test/help?token=t0k"}`,
			"PUT /v1/x: 400 Bad Request: key [redacted] is wrong; see https://REDACTED@board.test/help?token=REDACTED", false},
		// The key as Basic credentials: base64 of "s3cr3t-key:", which no
		// search for the key finds.
		{"echoed Authorization header", 400, `{"message":"bad request: Authorization: Basic czNjcjN0LWtleTo= was sent"}`,
			"PUT /v1/x: 400 Bad Request: bad request: Authorization: [redacted] was sent", false},
		{"echoed headers as JSON", 400, `{"message":"headers {\"authorization\":\"Bearer eyJhbGciOi.payload.sig\",\"accept\":\"*/*\"}"}`,
			`PUT /v1/x: 400 Bad Request: headers {"authorization":"[redacted]","accept":"*/*"}`, false},
		{"echoed bearer token", 401, `{"message":"token Bearer abcdefgh12345678 expired"}`,
			"PUT /v1/x: 401 Unauthorized: token Bearer [redacted] expired", false},
		{"echoed URL with a fragment", 400, `{"message":"see https://board.test/help#k3y-in-fragment"}`,
			"PUT /v1/x: 400 Bad Request: see https://board.test/help", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			b := &board{answer: func(int, *http.Request) (int, string) { return tc.status, tc.body }}
			c := newAPI(t, b)
			c.DecodeError = decode
			c.Secrets = func() []string { return []string{"s3cr3t-key", "ab"} }
			_, err := c.Do(context.Background(), Request{Kind: Create, Method: http.MethodPut, Path: "/x"}, nil)
			var e *Error
			if !errors.As(err, &e) || e.StatusCode != tc.status || e.Path != "/v1/x" {
				t.Fatalf("error %v, want an *Error", err)
			}
			if err.Error() != tc.want {
				t.Errorf("error\n%q, want\n%q", err, tc.want)
			}
			if errors.Is(err, ats.ErrNotFound) != tc.notFound {
				t.Errorf("errors.Is(ErrNotFound) = %t, want %t", !tc.notFound, tc.notFound)
			}
		})
	}
}

// envelope is an answer that says in its body whether the call worked.
type envelope struct {
	Success bool   `json:"success"`
	Error   string `json:"error"`
}

func (v *envelope) ErrorInBody(e *Error) bool {
	if v.Success {
		return false
	}
	e.Message, e.NotFound = v.Error, v.Error == "not_found"
	return true
}

func TestErrorInBody(t *testing.T) {
	t.Parallel()
	for body, want := range map[string]string{
		`{"success":true}`:                      "",
		`{"success":false,"error":"not_found"}`: "POST /v1/x: 200 OK: not_found",
	} {
		b := &board{answer: func(int, *http.Request) (int, string) { return http.StatusOK, body }}
		var out envelope
		_, err := newAPI(t, b).Do(context.Background(), Request{Kind: Read, Method: http.MethodPost, Path: "/x"}, &out)
		got := ""
		if err != nil {
			got = err.Error()
		}
		if got != want || (want != "") != errors.Is(err, ats.ErrNotFound) {
			t.Errorf("%s: error %v, want %q matching ErrNotFound", body, err, want)
		}
	}
}

// tokens is a TokenSource that counts its fetches.
type tokens struct {
	mu      sync.Mutex
	current string
	fetches int
}

func (s *tokens) Token(context.Context) (string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.current == "" {
		s.fetches++
		s.current = "tok-" + string(rune('0'+s.fetches))
	}
	return s.current, nil
}

func (s *tokens) Invalidate(tok string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.current == tok {
		s.current = ""
	}
}

func TestBearerRefreshesOnceOn401(t *testing.T) {
	t.Parallel()
	for _, good := range []string{"tok-2", "never"} {
		b := &board{answer: func(_ int, r *http.Request) (int, string) {
			if r.Header.Get("Authorization") != "Bearer "+good {
				return http.StatusUnauthorized, `{"message":"token tok-1 expired"}`
			}
			return http.StatusOK, `{}`
		}}
		src := &tokens{}
		c := newAPI(t, b)
		c.Auth = Bearer(src)
		c.Secrets = func() []string { return []string{"tok-1", "tok-2"} }
		_, err := c.Do(context.Background(), Request{Kind: Create, Method: http.MethodPost, Path: "/jobs"}, nil)
		if n := len(b.requests()); n != 2 || src.fetches != 2 {
			t.Errorf("good token %s: %d requests and %d fetches, want 2 and 2", good, n, src.fetches)
		}
		var e *Error
		if good == "never" && (!errors.As(err, &e) || e.StatusCode != 401 || strings.Contains(err.Error(), "tok-1")) {
			t.Errorf("refused twice: %v, want a 401 without the token", err)
		}
		if good != "never" && err != nil {
			t.Errorf("refreshed token: %v", err)
		}
	}
}

// A transport error that quotes a secret loses it; a context's end is still
// seen through it.
func TestTransportErrorsAreScrubbed(t *testing.T) {
	t.Parallel()
	base, _ := ParseBase("http://board.test/v1")
	c := &Client{Base: base, Secrets: func() []string { return []string{"s3cr3t"} },
		HTTP: &http.Client{Transport: roundTripFunc(func(*http.Request) (*http.Response, error) {
			return nil, context.DeadlineExceeded
		})}}
	_, err := c.Do(context.Background(), Request{Method: http.MethodGet, Path: "/x", Query: url.Values{"q": {"s3cr3t"}}}, nil)
	if err == nil || strings.Contains(err.Error(), "s3cr3t") || !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("error %v: want the deadline, without the secret", err)
	}
}

func TestPages(t *testing.T) {
	t.Parallel()
	// pages maps a cursor to its items and the next cursor; "more" is
	// implied by a next cursor, or given as "+" (more, without a cursor).
	for _, tc := range []struct {
		name    string
		pages   map[string][2]string
		want    string
		calls   int
		failing bool
	}{
		{"one page", map[string][2]string{"": {"a", ""}}, "a", 1, false},
		{"three pages", map[string][2]string{"": {"a", "2"}, "2": {"b", "3"}, "3": {"c", ""}}, "abc", 3, false},
		{"more without a next", map[string][2]string{"": {"a", "+"}}, "", 1, true},
		{"a next that repeats", map[string][2]string{"": {"a", "2"}, "2": {"b", "2"}}, "", 2, true},
		{"back to the first", map[string][2]string{"": {"a", "2"}, "2": {"b", ""}}, "ab", 2, false},
	} {
		calls := 0
		got, err := Pages(context.Background(), "", func(_ context.Context, cursor string) ([]string, string, bool, error) {
			calls++
			p := tc.pages[cursor]
			if p[1] == "+" {
				return []string{p[0]}, "", true, nil
			}
			return []string{p[0]}, p[1], p[1] != "", nil
		})
		if calls != tc.calls || tc.failing != errors.Is(err, ErrIncomplete) || strings.Join(got, "") != tc.want {
			t.Errorf("%s: %q after %d calls, error %v", tc.name, got, calls, err)
		}
	}
}

func TestNextLink(t *testing.T) {
	t.Parallel()
	c := newAPI(t, &board{})
	base := "http://board.test/v1"
	for _, tt := range []struct {
		name, link, want string
		err              bool
	}{
		{"none", "", "", false},
		{"next", "<" + base + "/jobs?cursor=abc>; rel=\"next\"", base + "/jobs?cursor=abc", false},
		{"next among others", "<" + base + "/jobs?cursor=p>; rel=\"prev\", <" + base + "/jobs?cursor=n>; rel=next", base + "/jobs?cursor=n", false},
		{"relative", "</v1/jobs?cursor=r>; rel=next", base + "/jobs?cursor=r", false},
		{"only prev", "<" + base + "/jobs?cursor=p>; rel=\"prev\"", "", false},
		{"other host", "<https://evil.example/v1/jobs?cursor=x>; rel=\"next\"", "", true},
		{"outside the base path", "<http://board.test/admin?cursor=x>; rel=\"next\"", "", true},
		{"garbage", "not a link", "", false},
	} {
		u, err := c.NextLink(http.Header{"Link": {tt.link}})
		got := ""
		if u != nil {
			got = u.String()
		}
		if (err != nil) != tt.err || got != tt.want {
			t.Errorf("%s: next %q, error %v; want %q, error %t", tt.name, got, err, tt.want, tt.err)
		}
	}
}

func FuzzNextLink(f *testing.F) {
	f.Add(`<http://127.0.0.1/v3/jobs?cursor=abc>; rel="next"`)
	f.Add(`<http://127.0.0.1/v3/jobs?cursor=p>; rel="prev", <https://evil.example/v3/x>; rel=next`)
	f.Add(`<>; rel=next`)
	base, _ := ParseBase("http://127.0.0.1/v3")
	c := &Client{Base: base}
	f.Fuzz(func(t *testing.T, link string) {
		u, err := c.NextLink(http.Header{"Link": {link}})
		if err != nil || u == nil {
			return
		}
		if u.Host != "127.0.0.1" || u.Scheme != "http" || u.User != nil || u.Path != "/v3" && !strings.HasPrefix(u.Path, "/v3/") {
			t.Errorf("next page %s leaves the API", u)
		}
	})
}

func TestParseBase(t *testing.T) {
	t.Parallel()
	for s, ok := range map[string]bool{
		"https://api.lever.co/v1": true, "http://127.0.0.1:8080/v3": true,
		"api.lever.co/v1": false, "ftp://x/": false, "https://k:s3cr3t@api.lever.co/v1": false,
		"https://id:s3cr3t@h.example:bad/v3": false, "https://h.example/v3?x=1": false,
		"https://s3cr3t@api.lever.co/v1": false, "https://h.example/v3?token=s3cr3t": false, "https://h.example/v3#f": false,
	} {
		_, err := ParseBase(s)
		if (err == nil) != ok || err != nil && strings.Contains(err.Error(), "s3cr3t") {
			t.Errorf("ParseBase(%q): %v", s, err)
		}
	}
}
