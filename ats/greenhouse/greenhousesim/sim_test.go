package greenhousesim

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"testing/synctest"
	"time"

	"github.com/jobsync/jobsync/ats"
)

// The simulator is what `jobsync simulate greenhouse` serves.
var _ ats.Simulator = (*Server)(nil)

type simEnv struct {
	s   *Server
	srv *httptest.Server
	tok string
}

func start(t *testing.T, o Options) *simEnv {
	t.Helper()
	s := New(o)
	srv := httptest.NewServer(s)
	t.Cleanup(srv.Close)
	e := &simEnv{s: s, srv: srv}
	code, _, body := e.token(t, s.ClientID(), s.ClientSecret(), "grant_type=client_credentials&sub=1001")
	if code != 200 {
		t.Fatalf("token: %d %s", code, body)
	}
	var tr map[string]string
	if err := json.Unmarshal([]byte(body), &tr); err != nil {
		t.Fatal(err)
	}
	if _, err := time.Parse(time.RFC3339, tr["expires_at"]); err != nil || tr["token_type"] != "Bearer" {
		t.Fatalf("token answer %s", body)
	}
	e.tok = tr["access_token"]
	return e
}

func (e *simEnv) token(t *testing.T, id, secret, form string) (int, http.Header, string) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodPost, e.srv.URL+"/token", strings.NewReader(form))
	req.SetBasicAuth(id, secret)
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return roundTrip(t, e.srv.Client(), req)
}

// do sends an API request with the bearer token; path may be a full URL.
func (e *simEnv) do(t *testing.T, method, path, body string) (int, http.Header, string) {
	t.Helper()
	u := path
	if !strings.HasPrefix(u, "http") {
		u = e.srv.URL + path
	}
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	req, _ := http.NewRequest(method, u, rd)
	req.Header.Set("Authorization", "Bearer "+e.tok)
	return roundTrip(t, e.srv.Client(), req)
}

// roundTrip sends req with the server's own client: http.DefaultClient's
// idle connections are closed by every other test's httptest.Server.Close,
// which fails a request that picks one up at that moment.
func roundTrip(t *testing.T, c *http.Client, req *http.Request) (int, http.Header, string) {
	t.Helper()
	resp, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header, string(b)
}

func TestTokenEndpoint(t *testing.T) {
	t.Parallel()
	e := start(t, Options{})
	tests := []struct {
		name, id, secret, form string
		code                   int
		body                   string
	}{
		{"wrong secret", "sim-client-id", "nope", "grant_type=client_credentials", 401, `{"error":"invalid_client"}`},
		{"wrong id", "other", "sim-client-secret", "grant_type=client_credentials", 401, `{"error":"invalid_client"}`},
		{"wrong grant", "sim-client-id", "sim-client-secret", "grant_type=password", 400, `"unsupported_grant_type"`},
		{"unknown sub", "sim-client-id", "sim-client-secret", "grant_type=client_credentials&sub=5", 400, `"invalid_request"`},
		{"no sub", "sim-client-id", "sim-client-secret", "grant_type=client_credentials", 200, `"access_token"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, body := e.token(t, tt.id, tt.secret, tt.form)
			if code != tt.code || !strings.Contains(body, tt.body) {
				t.Errorf("%d %s, want %d with %s", code, body, tt.code, tt.body)
			}
		})
	}
}

func TestBearerRequired(t *testing.T) {
	t.Parallel()
	e := start(t, Options{TokenTTL: time.Hour})
	if code, _, _ := e.do(t, "GET", "/v3/jobs", ""); code != 200 {
		t.Fatalf("with a token: %d", code)
	}
	e.tok = "forged"
	code, h, body := e.do(t, "GET", "/v3/jobs", "")
	if code != 401 || !strings.Contains(body, `"message"`) || h.Get("X-RateLimit-Limit") == "" {
		t.Errorf("without a valid token: %d %s", code, body)
	}
	e2 := start(t, Options{})
	e2.s.ExpireTokens()
	if code, _, _ := e2.do(t, "GET", "/v3/jobs", ""); code != 401 {
		t.Errorf("with an expired token: %d", code)
	}
}

func TestCursorPagination(t *testing.T) {
	t.Parallel()
	e := start(t, Options{PageSize: 2})
	var ids []int64
	next := "/v3/job_posts?per_page=500"
	pages := 0
	for next != "" {
		code, h, body := e.do(t, "GET", next, "")
		if code != 200 {
			t.Fatalf("GET %s: %d %s", next, code, body)
		}
		var page []JobPost
		if err := json.Unmarshal([]byte(body), &page); err != nil {
			t.Fatal(err)
		}
		for _, p := range page {
			ids = append(ids, p.ID)
		}
		pages++
		next = ""
		if l := h.Get("Link"); l != "" {
			if !strings.HasSuffix(l, `>; rel="next"`) || !strings.HasPrefix(l, "<"+e.srv.URL+"/v3/job_posts?cursor=") {
				t.Fatalf("Link %q", l)
			}
			next = strings.TrimSuffix(strings.TrimPrefix(l, "<"), `>; rel="next"`)
			u, _ := url.Parse(next)
			if len(u.Query()) != 1 {
				t.Errorf("next link %s carries more than the cursor", next)
			}
			// The cursor must stand alone.
			if code, _, _ := e.do(t, "GET", next+"&per_page=2", ""); code != 422 {
				t.Errorf("cursor with per_page: %d, want 422", code)
			}
		}
	}
	if want := len(e.s.Posts()); len(ids) != want || pages != (want+1)/2 {
		t.Errorf("%d posts over %d pages, want %d", len(ids), pages, want)
	}
	for i := 1; i < len(ids); i++ {
		if ids[i] >= ids[i-1] {
			t.Errorf("ids not descending: %v", ids)
		}
	}
	for _, q := range []string{"cursor=%%%", "cursor=e30", "per_page=0", "per_page=501", "bogus=1",
		"ids=" + strings.Repeat("1,", 50) + "1"} {
		if code, _, body := e.do(t, "GET", "/v3/jobs?"+q, ""); code != 422 {
			t.Errorf("GET /v3/jobs?%s: %d %s, want 422", q, code, body)
		}
	}
}

func TestRateLimit(t *testing.T) {
	t.Parallel()
	at := time.Unix(1_700_000_000, 0) // a fixed clock: the three requests never straddle two windows
	e := start(t, Options{RateLimit: 2, Window: time.Hour, Now: func() time.Time { return at }})
	for i := range 3 {
		code, h, body := e.do(t, "GET", "/v3/jobs", "")
		if h.Get("X-RateLimit-Limit") != "2" || h.Get("X-RateLimit-Reset") == "" {
			t.Errorf("request %d: headers %v", i, h)
		}
		switch i {
		case 0, 1:
			if code != 200 || h.Get("X-RateLimit-Remaining") != fmt.Sprint(1-i) {
				t.Errorf("request %d: %d, remaining %s", i, code, h.Get("X-RateLimit-Remaining"))
			}
		case 2:
			if code != 429 || h.Get("Retry-After") == "" || !strings.Contains(body, "message") {
				t.Errorf("request over the limit: %d %v %s", code, h, body)
			}
		}
	}
	if e.s.Count429() != 1 || e.s.MaxRatePerWindow() != 2 {
		t.Errorf("429s %d, max per window %d", e.s.Count429(), e.s.MaxRatePerWindow())
	}
}

func TestJobLifecycle(t *testing.T) {
	t.Parallel()
	e := start(t, Options{})
	tpl := e.s.TemplateJobID()
	for _, tt := range []struct{ body, field string }{
		{`{"number_of_openings":1,"job_name":"x"}`, "template_job_id"},
		{fmt.Sprintf(`{"template_job_id":%d,"number_of_openings":1}`, tpl), "job_name"},
		{`{"template_job_id":1,"number_of_openings":1,"job_name":"x"}`, "template_job_id"},
		{fmt.Sprintf(`{"template_job_id":%d,"number_of_openings":0,"job_name":"x"}`, tpl), "number_of_openings"},
		{fmt.Sprintf(`{"template_job_id":%d,"number_of_openings":1,"job_name":"x","colour":"red"}`, tpl), "colour"},
	} {
		code, _, body := e.do(t, "POST", "/v3/jobs", tt.body)
		if code != 422 || !strings.Contains(body, `"field":"`+tt.field+`"`) {
			t.Errorf("POST %s: %d %s, want 422 on %s", tt.body, code, body, tt.field)
		}
	}
	code, _, body := e.do(t, "POST", "/v3/jobs", fmt.Sprintf(`{"template_job_id":%d,"number_of_openings":1,"job_name":"New","job_post_name":"Post title"}`, tpl))
	if code != 201 {
		t.Fatalf("create: %d %s", code, body)
	}
	var j Job
	_ = json.Unmarshal([]byte(body), &j)
	if j.CopiedFromID == nil || *j.CopiedFromID != tpl || j.CustomFields["cost_center"].Value == nil {
		t.Errorf("created %+v", j)
	}
	var posts []JobPost
	_, _, body = e.do(t, "GET", fmt.Sprintf("/v3/job_posts?job_ids=%d", j.ID), "")
	_ = json.Unmarshal([]byte(body), &posts)
	if len(posts) != 2 || posts[0].Live || posts[0].Title != "Post title" {
		t.Fatalf("posts of the new job: %+v", posts)
	}
	// custom_fields replaces the whole list.
	code, _, body = e.do(t, "PATCH", fmt.Sprintf("/v3/jobs/%d", j.ID), `{"custom_fields":[{"name_key":"employment_type","value":"Contract"}]}`)
	if code != 200 || strings.Contains(body, "cost_center") || !strings.Contains(body, "Contract") {
		t.Errorf("custom_fields patch: %d %s", code, body)
	}
	for _, b := range []string{`{"custom_fields":[{"name_key":"nope","value":"x"}]}`, `{"custom_fields":[{"name_key":"employment_type","value":"Sometimes"}]}`} {
		if code, _, body := e.do(t, "PATCH", fmt.Sprintf("/v3/jobs/%d", j.ID), b); code != 422 {
			t.Errorf("PATCH %s: %d %s", b, code, body)
		}
	}
	post := posts[1].ID // the external post has the lower id; posts run by id descending
	if code, _, body := e.do(t, "PATCH", fmt.Sprintf("/v3/job_posts/%d", post), `{"job_application_status":"offline"}`); code != 422 || !strings.Contains(body, "job_application_status") {
		t.Errorf("bad status: %d %s", code, body)
	}
	if code, _, body := e.do(t, "PATCH", fmt.Sprintf("/v3/job_posts/%d", post), `{"job_application_status":"live"}`); code != 200 || !strings.Contains(body, `"live":true`) {
		t.Errorf("publish: %d %s", code, body)
	}
	// Closing the last opening closes the job and unpublishes its posts; a post
	// of a closed job cannot go live.
	op := e.s.Openings(j.ID)[0]
	if code, _, _ := e.do(t, "PATCH", fmt.Sprintf("/v3/openings/%d", op.ID), `{"open":false}`); code != 200 {
		t.Fatalf("close opening: %d", code)
	}
	for _, jj := range e.s.Jobs() {
		if jj.ID == j.ID && jj.Status != "closed" {
			t.Errorf("job status %s after its last opening closed", jj.Status)
		}
	}
	for _, p := range e.s.Posts() {
		if p.JobID == j.ID && p.Live {
			t.Errorf("post %d still live after its job closed", p.ID)
		}
	}
	if code, _, _ := e.do(t, "PATCH", fmt.Sprintf("/v3/job_posts/%d", post), `{"job_application_status":"live"}`); code != 422 {
		t.Errorf("publishing on a closed job: %d, want 422", code)
	}
	for _, p := range []string{"/v3/jobs/1", "/v3/job_posts/1", "/v3/openings/1"} {
		if code, _, body := e.do(t, "PATCH", p, `{}`); code != 404 || !strings.Contains(body, "Resource not found") {
			t.Errorf("PATCH %s: %d %s", p, code, body)
		}
	}
	if code, _, _ := e.do(t, "GET", "/v3/nothing", ""); code != 404 {
		t.Errorf("unknown route: %d", code)
	}
}

func TestLocationsKeepOneOnALivePost(t *testing.T) {
	t.Parallel()
	e := start(t, Options{})
	_, post := e.s.AddHumanJob("Designer")
	locs := e.s.Locations(post)
	if code, _, body := e.do(t, "DELETE", fmt.Sprintf("/v3/job_post_locations/%d", locs[0].ID), ""); code != 422 {
		t.Errorf("deleting a live post's last location: %d %s", code, body)
	}
	if code, _, body := e.do(t, "POST", "/v3/job_post_locations", fmt.Sprintf(`{"job_post_id":%d,"type":"free_text","plain_text_location":"Lisbon"}`, post)); code != 201 {
		t.Fatalf("add: %d %s", code, body)
	}
	if code, _, _ := e.do(t, "DELETE", fmt.Sprintf("/v3/job_post_locations/%d", locs[0].ID), ""); code != 204 {
		t.Errorf("delete: %d", code)
	}
	if code, _, _ := e.do(t, "POST", "/v3/job_post_locations", fmt.Sprintf(`{"job_post_id":%d,"type":"free_text"}`, post)); code != 422 {
		t.Errorf("free_text without text: %d", code)
	}
}

func TestCustomFieldNameKey(t *testing.T) {
	t.Parallel()
	e := start(t, Options{})
	code, _, body := e.do(t, "POST", "/v3/custom_fields", `{"name":"JobSync marker","field_type":"job","value_type":"long_text","private":true}`)
	if code != 201 || !strings.Contains(body, `"name_key":"jobsync_marker"`) {
		t.Fatalf("create field: %d %s", code, body)
	}
	if code, _, _ := e.do(t, "POST", "/v3/custom_fields", `{"name":"jobsync marker","field_type":"job","value_type":"long_text"}`); code != 422 {
		t.Errorf("a second field with the same name_key: %d", code)
	}
}

func TestFaultsLoseAnswersAfterTheChange(t *testing.T) {
	t.Parallel()
	e := start(t, Options{})
	_, post := e.s.AddHumanJob("Writer")
	e.s.LoseNextResponse("PATCH", "/v3/job_posts/", false)
	if code, _, _ := e.do(t, "PATCH", fmt.Sprintf("/v3/job_posts/%d", post), `{"title":"Technical Writer"}`); code != 504 {
		t.Errorf("lost answer: %d, want 504", code)
	}
	for _, p := range e.s.Posts() {
		if p.ID == post && p.Title != "Technical Writer" {
			t.Errorf("the change was not made: %q", p.Title)
		}
	}
	if e.s.LostResponses()["PATCH /v3/job_posts/{id}"] != 1 {
		t.Errorf("lost answers %v", e.s.LostResponses())
	}
}

func TestEnv(t *testing.T) {
	t.Parallel()
	s := New(Options{})
	got := strings.Join(s.Env("JOBSYNC_GH_EU", "http://127.0.0.1:9"), "\n")
	for _, want := range []string{"JOBSYNC_GH_EU_BASE_URL=http://127.0.0.1:9/v3", "JOBSYNC_GH_EU_CLIENT_ID=sim-client-id",
		"JOBSYNC_GH_EU_CLIENT_SECRET=sim-client-secret", "JOBSYNC_GH_EU_USER_ID=1001",
		fmt.Sprintf("JOBSYNC_GH_EU_TEMPLATE_JOB_ID=%d", s.TemplateJobID())} {
		if !strings.Contains(got, want) {
			t.Errorf("env lacks %s:\n%s", want, got)
		}
	}
}

// Options.Faults turns faults on from the start, as `jobsync simulate
// --faults` does; Options.Latency delays every API answer (fake time here).
func TestOptionsFaultsAndLatency(t *testing.T) {
	t.Parallel()
	s := New(Options{Faults: 1, Seed: 3})
	get := inProcess(t, s)
	failed := 0
	for range 12 {
		if get("/v3/jobs").Code >= 500 {
			failed++
		}
	}
	n := 0
	for _, c := range s.FaultCounts() {
		n += c
	}
	if n != 12 || failed == 0 {
		t.Errorf("%d faults, %d failed answers of 12 requests at Faults 1: %v", n, failed, s.FaultCounts())
	}
	synctest.Test(t, func(t *testing.T) {
		s := New(Options{Latency: 250 * time.Millisecond})
		start := time.Now()
		get := inProcess(t, s) // the token endpoint is not delayed
		if d := time.Since(start); d != 0 {
			t.Errorf("token after %v, want at once", d)
		}
		if w := get("/v3/jobs"); w.Code != 200 || time.Since(start) != 250*time.Millisecond {
			t.Errorf("GET /v3/jobs: %d after %v, want 200 after 250ms", w.Code, time.Since(start))
		}
	})
}

// inProcess gets a token from s and returns a function sending GETs with
// it, in-process: no network, so fake time in a synctest bubble holds.
func inProcess(t *testing.T, s *Server) func(path string) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest("POST", "/token", strings.NewReader("grant_type=client_credentials"))
	req.SetBasicAuth(s.ClientID(), s.ClientSecret())
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	w := httptest.NewRecorder()
	s.ServeHTTP(w, req)
	var tr map[string]string
	if err := json.Unmarshal(w.Body.Bytes(), &tr); err != nil || w.Code != 200 {
		t.Fatalf("token: %d %s", w.Code, w.Body)
	}
	return func(path string) *httptest.ResponseRecorder {
		req := httptest.NewRequest("GET", path, nil)
		req.Header.Set("Authorization", "Bearer "+tr["access_token"])
		w := httptest.NewRecorder()
		s.ServeHTTP(w, req)
		return w
	}
}
