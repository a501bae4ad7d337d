package smartrecruiterssim

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

// clock is a settable time for the limiters.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *clock) Add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// newSim is a simulator on a clock that starts at a whole second, with the
// people's jobs unless empty.
func newSim(t *testing.T, o Options) (*Server, *clock) {
	t.Helper()
	c := &clock{t: time.Unix(1_700_000_000, 0)}
	o.Now = c.Now
	return New(o), c
}

// call sends one request with the right key (unless key is set) and
// returns the answer.
func call(t *testing.T, s *Server, method, path, ctype, body string, key ...string) *httptest.ResponseRecorder {
	t.Helper()
	r := httptest.NewRequest(method, path, strings.NewReader(body))
	if ctype != "" {
		r.Header.Set("Content-Type", ctype)
	}
	r.Header.Set("X-SmartToken", s.APIKey())
	if len(key) > 0 {
		r.Header.Set("X-SmartToken", key[0])
	}
	w := httptest.NewRecorder()
	s.ServeHTTP(w, r)
	return w
}

func decode[T any](t *testing.T, w *httptest.ResponseRecorder) T {
	t.Helper()
	var v T
	if err := json.Unmarshal(w.Body.Bytes(), &v); err != nil {
		t.Fatalf("%d %s: %v", w.Code, w.Body, err)
	}
	return v
}

const validJob = `{"title":"Backend Engineer","function":{"id":"engineering"},"industry":{"id":"computer_software"},
"experienceLevel":{"id":"mid_senior_level"},"location":{"countryCode":"us","regionCode":"CA","city":"San Francisco"},
"jobAd":{"sections":{"jobDescription":{"title":"Job Description","text":"<p>Build it.</p>"}}},
"properties":[{"id":"` + MarkerFieldID + `","value":{"label":"jobsync/v1 key=k hash=h fp=f"}},{"id":"not-configured","value":{"label":"x"}}]}`

func create(t *testing.T, s *Server) Job {
	t.Helper()
	w := call(t, s, "POST", "/jobs", "application/json", validJob)
	if w.Code != http.StatusCreated {
		t.Fatalf("create: %d %s", w.Code, w.Body)
	}
	return decode[Job](t, w)
}

func TestAuthAndLimitHeaders(t *testing.T) {
	t.Parallel()
	s, _ := newSim(t, Options{})
	w := call(t, s, "GET", "/jobs", "", "", "wrong")
	e := decode[apiError](t, w)
	if w.Code != 401 || e.Message == "" || len(e.Errors) != 1 {
		t.Errorf("wrong key: %d %s", w.Code, w.Body)
	}
	for _, h := range []string{"X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Concurrent-Limit", "X-RateLimit-Concurrent-Remaining"} {
		if w.Header().Get(h) == "" {
			t.Errorf("a 401 lacks %s: %v", h, w.Header())
		}
	}
	if h := w.Header(); h.Get("X-RateLimit-Limit") != "10" || h.Get("X-RateLimit-Concurrent-Limit") != "8" || h.Get("X-RateLimit-Concurrent-Remaining") != "7" {
		t.Errorf("headers %v", h)
	}
}

func TestCreateValidatesAndIgnoresUnknownProperties(t *testing.T) {
	t.Parallel()
	s, _ := newSim(t, Options{Empty: true})
	for name, body := range map[string]string{
		"no function":     strings.Replace(validJob, `"function":{"id":"engineering"},`, "", 1),
		"unknown level":   strings.Replace(validJob, "mid_senior_level", "guru", 1),
		"upper country":   strings.Replace(validJob, `"countryCode":"us"`, `"countryCode":"US"`, 1),
		"US without area": strings.Replace(validJob, `"regionCode":"CA",`, "", 1),
		"unknown field":   strings.Replace(validJob, `"title"`, `"name":"x","title"`, 1),
	} {
		w := call(t, s, "POST", "/jobs", "application/json", body)
		if w.Code != 400 || len(decode[apiError](t, w).Errors) == 0 {
			t.Errorf("%s: %d %s, want 400 with errors", name, w.Code, w.Body)
		}
	}
	if len(s.Jobs()) != 0 {
		t.Fatalf("refused creates made %d jobs", len(s.Jobs()))
	}
	j := create(t, s)
	if j.Status != "CREATED" || j.PostingStatus != "NOT_PUBLISHED" || j.Function.Label != "Engineering" {
		t.Errorf("new job %+v", j)
	}
	if len(j.Properties) != 1 || j.Properties[0].ID != MarkerFieldID || j.Properties[0].Label != "jobsync" {
		t.Errorf("properties %+v: want the configured one only", j.Properties)
	}
	if got := decode[Job](t, call(t, s, "GET", "/jobs/"+j.ID, "", "")); got.Title != j.Title || got.JobAd.Sections.JobDescription.Text != "<p>Build it.</p>" {
		t.Errorf("GET %+v", got)
	}
	if w := call(t, s, "GET", "/jobs/nope", "", ""); w.Code != 404 {
		t.Errorf("unknown job: %d", w.Code)
	}
}

func TestListPages(t *testing.T) {
	t.Parallel()
	s, _ := newSim(t, Options{Empty: true, RateLimit: 1000})
	for range 5 {
		create(t, s)
	}
	var ids []string
	next := ""
	for pages := 0; ; pages++ {
		path := "/jobs?limit=2"
		if next != "" {
			path += "&pageId=" + next
		}
		p := decode[Page](t, call(t, s, "GET", path, "", ""))
		for _, j := range p.Content {
			ids = append(ids, j.ID)
		}
		if p.TotalFound != 5 || pages > 3 {
			t.Fatalf("page %+v", p)
		}
		if next = p.NextPageID; next == "" {
			break
		}
	}
	if len(ids) != 5 {
		t.Errorf("listed %d jobs of 5: %v", len(ids), ids)
	}
	for _, q := range []string{"limit=101", "limit=0", "pageId=bogus", "offset=2"} {
		if w := call(t, s, "GET", "/jobs?"+q, "", ""); w.Code != 400 {
			t.Errorf("?%s: %d, want 400", q, w.Code)
		}
	}
}

func TestPatch(t *testing.T) {
	t.Parallel()
	s, _ := newSim(t, Options{Empty: true})
	j := create(t, s)
	path := "/jobs/" + j.ID
	patch := `[{"op":"add","path":"/title","value":"Staff Engineer"},
{"op":"add","path":"/jobAd/sections/qualifications","value":{"title":"Qualifications","text":"<ul><li>Go</li></ul>"}},
{"op":"add","path":"/compensation","value":{"min":100,"max":200,"currency":"USD"}},
{"op":"add","path":"/properties/-","value":{"id":"` + MarkerFieldID + `","value":{"label":"jobsync/v1 key=k hash=h2 fp=f2"}}}]`
	if w := call(t, s, "PATCH", path, "application/json", patch); w.Code != 415 {
		t.Errorf("a patch sent as application/json: %d, want 415", w.Code)
	}
	w := call(t, s, "PATCH", path, "application/json-patch+json", patch)
	got := decode[Job](t, w)
	if w.Code != 200 || got.Title != "Staff Engineer" || got.JobAd.Sections.Qualifications == nil || got.Compensation == nil ||
		len(got.Properties) != 1 || got.Properties[0].Value.Label != "jobsync/v1 key=k hash=h2 fp=f2" || got.JobAd.Sections.JobDescription == nil {
		t.Fatalf("patched: %d %+v", w.Code, got)
	}
	if w := call(t, s, "PATCH", path, "application/json-patch+json", `[{"op":"add","path":"/compensation","value":null}]`); w.Code != 200 || decode[Job](t, w).Compensation != nil {
		t.Errorf("null deletes: %d %s", w.Code, w.Body)
	}
	before := s.Snapshot(j.ID)
	for name, bad := range map[string]string{
		"read-only":      `[{"op":"add","path":"/status","value":"FILLED"}]`,
		"atomic":         `[{"op":"add","path":"/title","value":"Changed"},{"op":"remove","path":"/nope"}]`,
		"breaks a rule":  `[{"op":"add","path":"/function","value":null}]`,
		"unknown field":  `[{"op":"add","path":"/salary","value":1}]`,
		"not an array":   `{"title":"Merge patch"}`,
		"replace absent": `[{"op":"replace","path":"/refNumber","value":"R1"}]`,
	} {
		if w := call(t, s, "PATCH", path, "application/json-patch+json", bad); w.Code != 400 {
			t.Errorf("%s: %d %s, want 400", name, w.Code, w.Body)
		}
	}
	if string(s.Snapshot(j.ID)) != string(before) {
		t.Error("refused patches changed the job")
	}
}

func TestPublicationAndStatus(t *testing.T) {
	t.Parallel()
	s, _ := newSim(t, Options{Empty: true})
	j := create(t, s)
	pub := "/jobs/" + j.ID + "/publication"
	if w := call(t, s, "POST", pub, "", ""); w.Code != 204 {
		t.Fatalf("publish: %d %s", w.Code, w.Body)
	}
	if got, _ := s.Job(j.ID); got.PostingStatus != "PUBLIC" || got.Status != "SOURCING" {
		t.Errorf("published job %s/%s", got.PostingStatus, got.Status)
	}
	if w := call(t, s, "PUT", "/jobs/"+j.ID+"/status", "application/json", `{"status":"CANCELLED"}`); w.Code != 200 {
		t.Fatalf("status: %d %s", w.Code, w.Body)
	}
	if got, _ := s.Job(j.ID); got.PostingStatus != "PUBLIC" {
		t.Error("a status change unpublished the job")
	}
	// The publication limit: 2 per second.
	if w := call(t, s, "DELETE", pub, "", ""); w.Code != 204 {
		t.Fatalf("unpublish: %d %s", w.Code, w.Body)
	}
	w := call(t, s, "POST", pub, "", "")
	if w.Code != 429 || w.Header().Get("Retry-After") != "" || w.Header().Get("X-RateLimit-Limit") != "2" || w.Header().Get("X-RateLimit-Remaining") != "0" {
		t.Errorf("a third publication call in one second: %d %v", w.Code, w.Header())
	}
	if s.Limits().Publication.Refused() != 1 {
		t.Errorf("publication limit refused %d", s.Limits().Publication.Refused())
	}
}

func TestClosedJobCannotBePublished(t *testing.T) {
	t.Parallel()
	s, c := newSim(t, Options{Empty: true})
	j := create(t, s)
	call(t, s, "PUT", "/jobs/"+j.ID+"/status", "application/json", `{"status":"ON_HOLD"}`)
	if w := call(t, s, "POST", "/jobs/"+j.ID+"/publication", "", ""); w.Code != 422 {
		t.Errorf("publishing a held job: %d, want 422", w.Code)
	}
	c.Add(time.Second)
	if w := call(t, s, "PUT", "/jobs/"+j.ID+"/status", "application/json", `{"status":"CREATED"}`); w.Code != 400 {
		t.Errorf("back to CREATED: %d, want 400", w.Code)
	}
	call(t, s, "PUT", "/jobs/"+j.ID+"/status", "application/json", `{"status":"SOURCING"}`)
	if w := call(t, s, "POST", "/jobs/"+j.ID+"/publication", "application/json", `{"visibility":"INTERNAL"}`); w.Code != 204 {
		t.Errorf("publishing a reopened job: %d %s", w.Code, w.Body)
	}
	if got, _ := s.Job(j.ID); got.PostingStatus != "INTERNAL" {
		t.Errorf("visibility %s", got.PostingStatus)
	}
}

func TestConflict(t *testing.T) {
	t.Parallel()
	s, _ := newSim(t, Options{Empty: true})
	j := create(t, s)
	s.ConflictNext(j.ID, 1)
	w := call(t, s, "DELETE", "/jobs/"+j.ID+"/publication", "", "")
	if w.Code != 409 || !strings.Contains(decode[apiError](t, w).Message, "conflicts") {
		t.Errorf("conflicting write: %d %s", w.Code, w.Body)
	}
	if w := call(t, s, "DELETE", "/jobs/"+j.ID+"/publication", "", ""); w.Code != 204 {
		t.Errorf("the next write: %d", w.Code)
	}
}

func TestRateLimit(t *testing.T) {
	t.Parallel()
	s, c := newSim(t, Options{})
	for i := range 11 {
		w := call(t, s, "GET", "/jobs", "", "")
		if want := map[bool]int{true: 429, false: 200}[i == 10]; w.Code != want || w.Header().Get("Retry-After") != "" {
			t.Errorf("request %d: %d %v, want %d without Retry-After", i+1, w.Code, w.Header(), want)
		}
	}
	c.Add(time.Second)
	if w := call(t, s, "GET", "/jobs", "", ""); w.Code != 200 || w.Header().Get("X-RateLimit-Remaining") != "9" {
		t.Errorf("next second: %d %v", w.Code, w.Header())
	}
	if s.Count429() != 1 {
		t.Errorf("Count429 %d", s.Count429())
	}
}

func TestHumanJobs(t *testing.T) {
	t.Parallel()
	s, _ := newSim(t, Options{})
	jobs := s.Jobs()
	if len(jobs) != 3 {
		t.Fatalf("%d seeded jobs", len(jobs))
	}
	p := decode[Page](t, call(t, s, "GET", "/jobs?limit=100", "", ""))
	if len(p.Content) != 3 || p.NextPageID != "" {
		t.Errorf("list %+v", p)
	}
	if w := call(t, s, "GET", "/configuration/job-properties/"+MarkerFieldID, "", ""); w.Code != 200 || decode[PropertyDefinition](t, w).Label != "jobsync" {
		t.Errorf("marker field: %d %s", w.Code, w.Body)
	}
	if defs := decode[PropertyDefinitions](t, call(t, s, "GET", "/configuration/job-properties", "", "")); defs.TotalFound != 2 {
		t.Errorf("properties %+v", defs)
	}
}

func TestIsPublication(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		method, path string
		want         bool
	}{
		{"POST", "/jobs/1/publication", true},
		{"DELETE", "/jobs/1/publication", true},
		{"GET", "/jobs/1/publication", false},
		{"POST", "/jobs", false},
		{"POST", "/jobs//publication", false},
		{"POST", "/jobs/1/publication/x", false},
	} {
		if got := IsPublication(httptest.NewRequest(tc.method, tc.path, nil)); got != tc.want {
			t.Errorf("%s %s: %t", tc.method, tc.path, got)
		}
	}
}
