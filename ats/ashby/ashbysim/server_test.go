package ashbysim

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"
)

// answer is a decoded envelope.
type answer struct {
	Status            int
	Header            http.Header
	Success           bool            `json:"success"`
	Results           json.RawMessage `json:"results"`
	MoreDataAvailable *bool           `json:"moreDataAvailable"`
	NextCursor        string          `json:"nextCursor"`
	SyncToken         string          `json:"syncToken"`
	ErrorInfo         *ErrorInfo      `json:"errorInfo"`
}

// post calls method with body, authenticated with key.
func post(t *testing.T, s *Server, key, method string, body any) answer {
	t.Helper()
	data, err := json.Marshal(body)
	if err != nil {
		t.Fatal(err)
	}
	req := httptest.NewRequest(http.MethodPost, "/"+method, bytes.NewReader(data))
	req.Header.Set("Content-Type", "application/json")
	if key != "" {
		req.SetBasicAuth(key, "")
	}
	w := httptest.NewRecorder()
	s.ServeHTTP(w, req)
	a := answer{Status: w.Code, Header: w.Header()}
	if err := json.Unmarshal(w.Body.Bytes(), &a); err != nil {
		t.Fatalf("%s: not JSON: %v\n%s", method, err, w.Body)
	}
	return a
}

// ok calls method and decodes a successful answer's results into out.
func ok(t *testing.T, s *Server, method string, body, out any) answer {
	t.Helper()
	a := post(t, s, s.APIKey(), method, body)
	if a.Status != 200 || !a.Success {
		t.Fatalf("%s: %d %+v", method, a.Status, a.ErrorInfo)
	}
	if out != nil {
		if err := json.Unmarshal(a.Results, out); err != nil {
			t.Fatalf("%s: %v", method, err)
		}
	}
	return a
}

// fails calls method and returns the error code of its unsuccessful answer.
func fails(t *testing.T, s *Server, method string, body any) string {
	t.Helper()
	a := post(t, s, s.APIKey(), method, body)
	if a.Success || a.ErrorInfo == nil {
		t.Fatalf("%s succeeded, want an error", method)
	}
	if a.Status != 200 {
		t.Fatalf("%s: status %d, want 200 with success false", method, a.Status)
	}
	return a.ErrorInfo.Code
}

func TestAuthAndVersion(t *testing.T) {
	s := New(Options{})
	for _, tc := range []struct {
		key  string
		want int
		code string
	}{{"", 401, "missing_api_key"}, {"wrong", 403, "invalid_api_key"}} {
		a := post(t, s, tc.key, "jobPosting.list", map[string]any{})
		if a.Status != tc.want || a.Success || a.ErrorInfo.Code != tc.code || a.ErrorInfo.RequestID == "" {
			t.Errorf("key %q: %d %+v, want %d %s", tc.key, a.Status, a.ErrorInfo, tc.want, tc.code)
		}
		if a.Header.Get("Ashby-Version") != Version || a.Header.Get("Ashby-Version-Status") != "active" {
			t.Errorf("key %q: version headers %v", tc.key, a.Header)
		}
	}
	a := ok(t, s, "jobPosting.list", map[string]any{}, nil)
	if a.Header.Get("Ashby-Version") != Version || a.Header.Get("X-RateLimit-Limit") != "1000" {
		t.Errorf("headers %v", a.Header)
	}
	req := httptest.NewRequest(http.MethodPost, "/jobPosting.list", strings.NewReader("{}"))
	req.SetBasicAuth(s.APIKey(), "")
	req.Header.Set("Ashby-Version", "2020-01-01")
	w := httptest.NewRecorder()
	s.ServeHTTP(w, req)
	if !strings.Contains(w.Body.String(), "invalid_api_version") {
		t.Errorf("a version the API does not serve: %s", w.Body)
	}
	if code := fails(t, s, "jobPosting.list", map[string]any{"bogus": 1}); code != "invalid_input" {
		t.Errorf("unknown field: %s", code)
	}
	ro := New(Options{ReadOnly: true})
	if a := post(t, ro, ro.APIKey(), "job.create", map[string]any{}); a.Status != 403 || a.ErrorInfo.Code != "missing_endpoint_permission" {
		t.Errorf("a write with a read-only key: %d %+v", a.Status, a.ErrorInfo)
	}
}

func TestEnv(t *testing.T) {
	got := New(Options{APIKey: "k"}).Env("JOBSYNC_ASHBY", "http://127.0.0.1:8083")
	want := []string{"JOBSYNC_ASHBY_BASE_URL=http://127.0.0.1:8083", "JOBSYNC_ASHBY_API_KEY=k"}
	if !slices.Equal(got, want) {
		t.Errorf("Env = %q, want %q", got, want)
	}
}

// The published-only list, drafts through includeUnpublishedJobPostings,
// confidential jobs hidden, and the seeded marker look-alike in another
// field.
func TestPostingList(t *testing.T) {
	s := New(Options{})
	var pub, all []ListItem
	ok(t, s, "jobPosting.list", map[string]any{}, &pub)
	ok(t, s, "jobPosting.list", map[string]any{"includeUnpublishedJobPostings": true, "expand": []string{"customFields"}}, &all)
	titles := func(items []ListItem) []string {
		var out []string
		for _, it := range items {
			out = append(out, it.Title)
		}
		return out
	}
	if want := []string{"Senior Product Manager", "Marketing Events", "Recruiting Coordinator"}; !slices.Equal(titles(pub), want) {
		t.Errorf("published: %q, want %q", titles(pub), want)
	}
	// The Office Manager draft is on a closed job; the Chief of Staff is confidential.
	if want := []string{"Senior Product Manager", "Marketing Events", "Recruiting Coordinator", "Engineering Manager, Developer Experience"}; !slices.Equal(titles(all), want) {
		t.Errorf("with unpublished: %q, want %q", titles(all), want)
	}
	if pub[0].CustomFields != nil || all[1].CustomFields == nil || len(*all[1].CustomFields) != 1 || (*all[1].CustomFields)[0].ID != NotesFieldID {
		t.Errorf("custom fields: %+v / %+v", pub[0].CustomFields, all[1].CustomFields)
	}
	draft := all[3].ID
	if code := fails(t, s, "jobPosting.info", map[string]any{"jobPostingId": draft}); code != "job_posting_not_found" {
		t.Errorf("draft without includeUnpublishedJobPostings: %s", code)
	}
	ok(t, s, "jobPosting.info", map[string]any{"jobPostingId": draft, "includeUnpublishedJobPostings": true}, nil)
}

// A write's description keeps Ashby's tags; other blocks become paragraphs
// and other inline tags their text.
func TestNormalise(t *testing.T) {
	for in, want := range map[string]string{
		`<h2>About</h2><p>We <strong>build</strong> <em>tools</em> &amp; <b>more</b>.</p><ul><li>one</li><li><p>two</p></li></ul>`: `<h2>About</h2><p>We build tools &amp; <b>more</b>.</p><ul><li>one</li><li>two</li></ul>`,
		`plain <span style="x">text</span><br>next <a href="javascript:x()">bad</a> <a href="https://e.com/?a=1&b=2">ok</a>`:       `<p>plain text</p><p>next bad <a href="https://e.com/?a=1&amp;b=2">ok</a></p>`,
		`<div><table><tr><td>a</td></tr></table><script>x</script></div><pre>  keep
  this</pre>`: `<p>a</p><pre>  keep
  this</pre>`,
	} {
		if got := normalise(in); got != want {
			t.Errorf("normalise(%q)\n= %q\nwant %q", in, got, want)
		}
	}
}

// A job opens only with an interview plan and moves along Ashby's
// transitions; a posting publishes only on an open job; closing the job
// unpublishes it.
func TestJobAndPostingLifecycle(t *testing.T) {
	s := New(Options{Empty: true})
	team, loc := s.DepartmentID("Product"), s.LocationID("Remote")
	var bare Job
	ok(t, s, "job.create", map[string]any{"title": "No plan", "teamId": team, "locationId": loc}, &bare)
	if code := fails(t, s, "job.setStatus", map[string]any{"jobId": bare.ID, "status": "Open"}); code != "job_missing_interview_plan" {
		t.Errorf("open without a plan: %s", code)
	}
	var j Job
	ok(t, s, "job.create", map[string]any{"title": "PM", "teamId": team, "locationId": loc, "defaultInterviewPlanId": InterviewPlanID}, &j)
	if j.Status != "Draft" {
		t.Fatalf("new job: %s", j.Status)
	}
	desc := map[string]string{"type": "text/html", "content": "<p>Hello</p>"}
	if code := fails(t, s, "jobPosting.create", map[string]any{"jobId": j.ID, "description": desc, "status": "Published"}); code != "job_not_open" {
		t.Errorf("publish on a draft job: %s", code)
	}
	ok(t, s, "job.setStatus", map[string]any{"jobId": j.ID, "status": "Open"}, nil)
	ok(t, s, "job.setStatus", map[string]any{"jobId": j.ID, "status": "Open"}, nil) // the status it has: a no-op
	var p PostingInfo
	ok(t, s, "jobPosting.create", map[string]any{"jobId": j.ID, "title": "Senior PM", "description": desc}, &p)
	if p.Status != "Draft" || p.PublishedDate != nil || p.DescriptionParts.DescriptionBody.HTML != "<p>Hello</p>" || !strings.Contains(p.DescriptionHTML, "Example Co") {
		t.Fatalf("new posting: %+v", p)
	}
	ok(t, s, "jobPosting.setStatus", map[string]any{"jobPostingId": p.ID, "status": "Published"}, &p)
	if p.Status != "Published" || p.PublishedDate == nil {
		t.Fatalf("published: %+v", p)
	}
	if code := fails(t, s, "job.setStatus", map[string]any{"jobId": j.ID, "status": "Draft"}); code != "invalid_job_status_transition" {
		t.Errorf("Open → Draft: %s", code)
	}
	ok(t, s, "job.setStatus", map[string]any{"jobId": j.ID, "status": "Closed"}, nil)
	if got, _ := s.Posting(p.ID); got.Status != "Draft" {
		t.Errorf("closing the job left its posting %s", got.Status)
	}
	var fv FieldValue
	ok(t, s, "jobPosting.setCustomFieldValue", map[string]any{"jobPostingId": p.ID, "fieldId": MarkerFieldID, "value": "m"}, &fv)
	if fv.Value != "m" || fv.Title != "jobsync marker" {
		t.Errorf("set field: %+v", fv)
	}
	if code := fails(t, s, "jobPosting.setCustomFieldValue", map[string]any{"jobPostingId": p.ID, "fieldId": "0c6f3f4e-5d8a-4b5e-9a2e-6a1d2b3c4d03", "value": "x"}); code != "invalid_input" {
		t.Errorf("a job field set on a posting: %s", code)
	}
}

// Paged lists hand out cursors that reach every item once; a cursor of
// another list is refused.
func TestPaging(t *testing.T) {
	s := New(Options{PageSize: 3})
	var seen []string
	body := map[string]any{}
	for range 10 {
		var page []Location
		a := ok(t, s, "location.list", body, &page)
		for _, l := range page {
			seen = append(seen, l.Name)
		}
		if !*a.MoreDataAvailable {
			if a.SyncToken == "" || a.NextCursor != "" {
				t.Errorf("last page: %+v", a)
			}
			break
		}
		body = map[string]any{"cursor": a.NextCursor}
	}
	if !slices.Equal(seen, Locations) {
		t.Errorf("pages gave %q, want %q", seen, Locations)
	}
	a := ok(t, s, "department.list", map[string]any{}, nil)
	if code := fails(t, s, "location.list", map[string]any{"cursor": a.NextCursor}); code != "invalid_next_cursor" {
		t.Errorf("a department cursor on location.list: %s", code)
	}
	if code := fails(t, s, "jobPosting.list", map[string]any{"cursor": "x"}); code != "invalid_input" {
		t.Errorf("jobPosting.list is not paged by default: %s", code)
	}
}

// The fixed window refuses with a 429 in the envelope, with its headers.
func TestRateLimit(t *testing.T) {
	now := time.Unix(1_800_000_000, 0)
	s := New(Options{RateLimit: 2, Window: time.Minute, Now: func() time.Time { return now }})
	for i := range 3 {
		a := post(t, s, s.APIKey(), "location.list", map[string]any{})
		if i < 2 && a.Status != 200 {
			t.Fatalf("request %d: %d", i+1, a.Status)
		}
		if i == 2 && (a.Status != 429 || a.ErrorInfo.Code != "rate_limit_exceeded" || a.Header.Get("X-RateLimit-Remaining") != "0") {
			t.Errorf("third request: %d %+v %v", a.Status, a.ErrorInfo, a.Header)
		}
	}
	if s.Limit().Refused() != 1 {
		t.Errorf("refused %d", s.Limit().Refused())
	}
}
