package teamtailorsim

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"
)

// call sends one request as a client following the docs would, with the
// overrides in hdr ("" deletes a header), and decodes the JSON answer.
func call(t *testing.T, srv *httptest.Server, method, path, body string, hdr map[string]string) (int, http.Header, map[string]any) {
	t.Helper()
	req, err := http.NewRequest(method, srv.URL+path, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	h := map[string]string{"Authorization": "Token token=tt-sim-admin-key", "X-Api-Version": "20210218", "Accept": mediaType}
	if body != "" {
		h["Content-Type"] = mediaType
	}
	for k, v := range hdr {
		h[k] = v
	}
	for k, v := range h {
		if v != "" {
			req.Header.Set(k, v)
		}
	}
	resp, err := srv.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if len(data) > 0 {
		if err := json.Unmarshal(data, &doc); err != nil {
			t.Fatalf("%s %s: %d, not JSON: %s", method, path, resp.StatusCode, data)
		}
	}
	return resp.StatusCode, resp.Header, doc
}

func newServer(t *testing.T, o Options) (*Server, *httptest.Server) {
	t.Helper()
	if o.RateLimit == 0 {
		o.RateLimit = 10000
	}
	s := New(o)
	srv := httptest.NewServer(s)
	t.Cleanup(srv.Close)
	return s, srv
}

// firstDetail is the detail of a JSON:API error document's first error.
func firstDetail(doc map[string]any) string {
	errs, _ := doc["errors"].([]any)
	if len(errs) == 0 {
		return ""
	}
	e, _ := errs[0].(map[string]any)
	d, _ := e["detail"].(string)
	return d
}

func TestKeyVersionAndMediaTypes(t *testing.T) {
	t.Parallel()
	_, srv := newServer(t, Options{})
	for _, tc := range []struct {
		name   string
		hdr    map[string]string
		status int
		detail string
	}{
		{"no key", map[string]string{"Authorization": ""}, 401, "API key"},
		{"a wrong key", map[string]string{"Authorization": "Token token=nope"}, 401, "API key"},
		{"a bearer token", map[string]string{"Authorization": "Bearer tt-sim-admin-key"}, 401, "API key"},
		{"no version", map[string]string{"X-Api-Version": ""}, 406, "X-Api-Version header is required"},
		{"a version that is no date", map[string]string{"X-Api-Version": "2021-02-18"}, 406, "not a valid API version"},
		{"a version before the first", map[string]string{"X-Api-Version": "20150101"}, 406, "not a valid API version"},
		{"an Accept of plain JSON", map[string]string{"Accept": "application/json"}, 406, "Accept"},
		{"no Accept", map[string]string{"Accept": ""}, 200, ""},
		{"the Internal key", map[string]string{"Authorization": "Token token=tt-sim-internal-key"}, 200, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			status, h, doc := call(t, srv, "GET", "/v1/jobs", "", tc.hdr)
			if status != tc.status || !strings.Contains(firstDetail(doc), tc.detail) {
				t.Errorf("%d %q, want %d and a detail with %q", status, firstDetail(doc), tc.status, tc.detail)
			}
			if h.Get("X-Rate-Limit-Limit") == "" || h.Get("X-Rate-Limit-Remaining") == "" || h.Get("X-Rate-Limit-Reset") == "" {
				t.Errorf("no rate-limit headers: %v", h)
			}
			if got := h.Get("X-Api-Version"); (status == 200) != (got == "20210218") {
				t.Errorf("X-Api-Version answered %q on a %d", got, status)
			}
			if ct := h.Get("Content-Type"); ct != mediaType {
				t.Errorf("Content-Type %q", ct)
			}
		})
	}
}

func TestListFiltersIncludeAndPages(t *testing.T) {
	t.Parallel()
	s, srv := newServer(t, Options{})
	for i := range 64 {
		s.AddHumanJob(HumanJob{Title: fmt.Sprintf("Job %02d", i), Body: "<p>x</p>", Department: "Engineering", Locations: []string{"Remote", "London"}})
	}
	// Defaults: published, public, 10 a page.
	status, _, doc := call(t, srv, "GET", "/v1/jobs", "", nil)
	if status != 200 || len(doc["data"].([]any)) != 10 {
		t.Fatalf("%d, %d jobs", status, len(doc["data"].([]any)))
	}
	meta := doc["meta"].(map[string]any)
	if meta["record-count"] != float64(64+3) || meta["page-count"] != float64(7) { // 3 seeded jobs are published and public
		t.Errorf("meta %v", meta)
	}

	// Every job, 30 a page, with department and locations, following next.
	seen := map[string]bool{}
	pages := 0
	next := "/v1/jobs?filter[status]=all&filter[feed]=public,internal&include=department,locations&page[size]=30"
	for next != "" {
		status, _, doc := call(t, srv, "GET", next, "", nil)
		if status != 200 {
			t.Fatalf("page %d: %d %v", pages+1, status, doc)
		}
		pages++
		inc := map[string]bool{}
		for _, r := range doc["included"].([]any) {
			r := r.(map[string]any)
			inc[r["type"].(string)+"/"+r["id"].(string)] = true
		}
		for _, d := range doc["data"].([]any) {
			j := d.(map[string]any)
			seen[j["id"].(string)] = true
			rel := j["relationships"].(map[string]any)
			if dep := rel["department"].(map[string]any)["data"]; dep != nil && !inc["departments/"+dep.(map[string]any)["id"].(string)] {
				t.Errorf("job %s: department %v not included", j["id"], dep)
			}
			if _, ok := j["attributes"].(map[string]any)["tags"]; !ok {
				t.Errorf("job %s: no tags for an Admin key", j["id"])
			}
		}
		links := doc["links"].(map[string]any)
		next, _ = links["next"].(string)
		next = strings.TrimPrefix(next, srv.URL)
	}
	if len(seen) != 64+8 || pages != 3 {
		t.Errorf("%d jobs in %d pages, want %d in 3", len(seen), pages, 64+8)
	}

	for _, q := range []string{"page[size]=31", "page[size]=0", "page[number]=0", "filter[status]=open", "filter[feed]=secret", "filter[tags]=x", "include=questions", "sort=title", "page[offset]=3"} {
		if status, _, doc := call(t, srv, "GET", "/v1/jobs?"+q, "", nil); status != 400 || firstDetail(doc) == "" {
			t.Errorf("?%s: %d %v, want a 400 saying why", q, status, doc)
		}
	}
}

func TestTagsNeedAnAdminKey(t *testing.T) {
	t.Parallel()
	_, srv := newServer(t, Options{})
	internal := map[string]string{"Authorization": "Token token=tt-sim-internal-key"}
	_, _, doc := call(t, srv, "GET", "/v1/jobs?filter[status]=all&filter[feed]=public,internal&page[size]=30", "", internal)
	jobs := doc["data"].([]any)
	if len(jobs) != 8 {
		t.Fatalf("the Internal key sees %d jobs, want all 8", len(jobs))
	}
	for _, j := range jobs {
		if _, ok := j.(map[string]any)["attributes"].(map[string]any)["tags"]; ok {
			t.Errorf("the Internal key sees tags: %v", j)
		}
	}
	body := `{"data":{"type":"jobs","attributes":{"title":"T","body":"<p>b</p>","tags":["x"]},"relationships":{"user":{"data":{"type":"users","id":"819"}}}}}`
	if status, _, doc := call(t, srv, "POST", "/v1/jobs", body, internal); status != 400 || !strings.Contains(firstDetail(doc), "tags") {
		t.Errorf("tags written with the Internal key: %d %v", status, doc)
	}
}

func TestCreateAndUpdate(t *testing.T) {
	t.Parallel()
	s, srv := newServer(t, Options{Empty: true})
	user := `"user":{"data":{"type":"users","id":"819"}}`
	create := func(attrs, rels string) (int, map[string]any) {
		status, _, doc := call(t, srv, "POST", "/v1/jobs", `{"data":{"type":"jobs","attributes":{`+attrs+`},"relationships":{`+rels+`}}}`, nil)
		return status, doc
	}
	for _, tc := range []struct {
		name, attrs, rels string
		status            int
		detail            string
	}{
		{"no title", `"body":"<p>b</p>"`, user, 422, "title - can't be blank"},
		{"no body", `"title":"T"`, user, 422, "body - can't be blank"},
		{"no user", `"title":"T","body":"<p>b</p>"`, "", 422, "user - must exist"},
		{"an unknown status", `"title":"T","body":"b","status":"published"`, user, 422, "status - is not included in the list"},
		{"a read-only attribute", `"title":"T","body":"b","human-status":"published"`, user, 400, "human-status is not allowed"},
		{"an unknown attribute", `"title":"T","body":"b","salary":"100"`, user, 400, "salary is not allowed"},
		{"the removed location", `"title":"T","body":"b"`, user + `,"location":{"data":{"type":"locations","id":"667"}}`, 400, "location is not a valid relationship"},
		{"an unknown department", `"title":"T","body":"b"`, user + `,"department":{"data":{"type":"departments","id":"9"}}`, 404, "identified by 9"},
		{"a tag too long", `"title":"T","body":"b","tags":["` + strings.Repeat("x", 256) + `"]`, user, 422, "tags - is too long"},
	} {
		if status, doc := create(tc.attrs, tc.rels); status != tc.status || !strings.Contains(firstDetail(doc), tc.detail) {
			t.Errorf("%s: %d %q, want %d %q", tc.name, status, firstDetail(doc), tc.status, tc.detail)
		}
	}
	if status, _, doc := call(t, srv, "POST", "/v1/jobs", `{"data":{"type":"jobs","attributes":{"title":"T","body":"b"}}}`, map[string]string{"Content-Type": "application/json"}); status != 415 {
		t.Errorf("a write as application/json: %d %v, want 415", status, doc)
	}
	if n := len(s.Jobs()); n != 0 {
		t.Fatalf("refused creates made %d jobs", n)
	}

	status, doc := create(`"title":"Backend Engineer","body":"<h2>About</h2><p onclick=\"x()\">Go <script>alert(1)</script>and <a href=\"javascript:x\">SQL</a></p>","tags":["a","A"," b "]`,
		user+`,"department":{"data":{"type":"departments","id":"338"}},"locations":{"data":[{"type":"locations","id":"668"},{"type":"locations","id":"669"}]}`)
	if status != 201 {
		t.Fatalf("create: %d %v", status, doc)
	}
	data := doc["data"].(map[string]any)
	id, attrs := data["id"].(string), data["attributes"].(map[string]any)
	if attrs["status"] != "open" || attrs["human-status"] != "published" || attrs["body"] != "<h2>About</h2><p>Go and <a>SQL</a></p>" {
		t.Errorf("created: %v", attrs)
	}
	if tags := attrs["tags"].([]any); len(tags) != 2 || tags[0] != "a" || tags[1] != "b" {
		t.Errorf("tags %v, want [a b]", tags)
	}

	patch := func(body string) (int, map[string]any) {
		status, _, doc := call(t, srv, "PATCH", "/v1/jobs/"+id, body, nil)
		return status, doc
	}
	for _, tc := range []struct{ body, detail string }{
		{`{"data":{"type":"jobs","attributes":{"title":"X"}}}`, "does not contain a key"},
		{`{"data":{"type":"jobs","id":"1","attributes":{"title":"X"}}}`, "does not support the key 1"},
		{`{"data":{"type":"candidates","id":"` + id + `"}}`, "candidates is not a valid type"},
	} {
		if status, doc := patch(tc.body); status != 400 || !strings.Contains(firstDetail(doc), tc.detail) {
			t.Errorf("%s: %d %v", tc.body, status, doc)
		}
	}
	if status, doc := patch(`{"data":{"type":"jobs","id":"` + id + `","attributes":{"status":"archived","tags":["c"]},"relationships":{"locations":{"data":[{"type":"locations","id":"670"}]}}}}`); status != 200 {
		t.Fatalf("update: %d %v", status, doc)
	}
	j, _ := s.Job(id)
	if j.Attributes.Title != "Backend Engineer" || j.Attributes.Status != "archived" || !slices.Equal(j.Attributes.Tags, []string{"c"}) ||
		!slices.Equal(j.LocationIDs, []string{"670"}) || j.DepartmentID != "338" || j.Edits != 2 {
		t.Errorf("after a partial update: %+v", j)
	}
	if status, _, _ := call(t, srv, "PATCH", "/v1/jobs/9999", `{"data":{"type":"jobs","id":"9999","attributes":{"title":"X"}}}`, nil); status != 404 {
		t.Errorf("update of an unknown job: %d", status)
	}
	if status, _, doc := call(t, srv, "GET", "/v1/jobs/"+id+"?include=department", "", nil); status != 200 || len(doc["included"].([]any)) != 1 {
		t.Errorf("show with include: %d %v", status, doc)
	}
}

// The limit is a fixed window: past it a 429, and every answer says what
// is left and the seconds until the window ends.
func TestRateLimit(t *testing.T) {
	t.Parallel()
	now := time.Unix(1_700_000_003, 0) // 3 s into a 10 s window
	_, srv := newServer(t, Options{RateLimit: 3, Now: func() time.Time { return now }})
	for i := range 4 {
		status, h, doc := call(t, srv, "GET", "/v1/jobs", "", nil)
		want, remaining := 200, fmt.Sprint(2-i)
		if i == 3 {
			want, remaining = 429, "0"
		}
		if status != want || h.Get("X-Rate-Limit-Limit") != "3" || h.Get("X-Rate-Limit-Remaining") != remaining || h.Get("X-Rate-Limit-Reset") != "7" {
			t.Errorf("request %d: %d, headers %v %v", i+1, status, h, doc)
		}
	}
}
