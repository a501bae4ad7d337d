package leversim

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/jobsync/jobsync/ats"
)

// The simulator is what `jobsync simulate lever` serves.
var _ ats.Simulator = (*Server)(nil)

// call sends one request to s and returns the status, headers and body.
func call(t *testing.T, s http.Handler, key, method, target, body string) (int, http.Header, map[string]any) {
	t.Helper()
	var r io.Reader
	if body != "" {
		r = strings.NewReader(body)
	}
	req := httptest.NewRequest(method, target, r)
	if key != "" {
		req.SetBasicAuth(key, "")
	}
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	w := httptest.NewRecorder()
	s.ServeHTTP(w, req)
	var out map[string]any
	if w.Body.Len() > 0 {
		if err := json.Unmarshal(w.Body.Bytes(), &out); err != nil {
			t.Fatalf("%s %s: body %q: %v", method, target, w.Body.String(), err)
		}
	}
	return w.Code, w.Header(), out
}

func newSim(o Options) (*Server, string) {
	if o.Rate == 0 {
		o.Rate, o.Burst = 1e6, 1e6
	}
	s := New(o)
	return s, s.APIKey()
}

const validPosting = `{"text":"Senior PM","state":"published","tags":["jobsync:k"],
	"categories":{"team":"Product","location":"Remote","allLocations":["Remote","Berlin"]},
	"content":{"descriptionHtml":"<div>Hi<br>there &amp; you</div>","lists":[{"text":"Do","content":"<li><b>a</b></li>"}],"closingPostingHtml":"<div><span style=\"font-size: 18px\">Pay</span></div>"},
	"workplaceType":"remote","salaryRange":{"min":1,"max":2,"currency":"USD","interval":"per-year-salary"}}`

func TestAuth(t *testing.T) {
	t.Parallel()
	s, key := newSim(Options{})
	for _, k := range []string{"", "wrong"} {
		code, _, body := call(t, s, k, "GET", "/v1/postings", "")
		if code != 401 || body["code"] != "UnauthorizedError" || body["message"] == "" {
			t.Errorf("key %q: %d %v", k, code, body)
		}
	}
	if code, _, _ := call(t, s, key, "GET", "/v1/postings", ""); code != 200 {
		t.Errorf("valid key: %d", code)
	}
}

func TestCreateAndRead(t *testing.T) {
	t.Parallel()
	s, key := newSim(Options{Empty: true, Now: func() time.Time { return time.UnixMilli(1700000000000) }})
	code, _, body := call(t, s, key, "POST", "/v1/postings?perform_as="+s.PerformAs(), validPosting)
	if code != 201 {
		t.Fatalf("create: %d %v", code, body)
	}
	data := body["data"].(map[string]any)
	id := data["id"].(string)
	content := data["content"].(map[string]any)
	if got := content["descriptionHtml"]; got != "<div>Hi<br />there &amp; you</div>" {
		t.Errorf("descriptionHtml re-serialised as %q", got)
	}
	if got := content["description"]; got != "Hi\nthere & you\n" {
		t.Errorf("description derived as %q", got)
	}
	if content["closing"] != "Pay\n" || content["closingHtml"] == "" {
		t.Errorf("closing %q / %q", content["closing"], content["closingHtml"])
	}
	if data["urls"] != nil {
		t.Errorf("a write's reply has urls %v (recorded: null)", data["urls"])
	}
	if data["user"] != s.PerformAs() || data["createdAt"] != float64(1700000000000) || data["workplaceType"] != "remote" {
		t.Errorf("user %v createdAt %v workplaceType %v", data["user"], data["createdAt"], data["workplaceType"])
	}
	code, _, body = call(t, s, key, "GET", "/v1/postings/"+id, "")
	if code != 200 || body["data"].(map[string]any)["urls"] == nil {
		t.Errorf("get: %d %v", code, body)
	}
	if code, _, body := call(t, s, key, "GET", "/v1/postings/nope", ""); code != 404 || body["code"] != "ResourceNotFound" {
		t.Errorf("get unknown: %d %v", code, body)
	}
	if code, _, _ := call(t, s, key, "PUT", "/v1/postings/"+id, validPosting); code != 404 {
		t.Errorf("PUT: %d, want 404 (Lever updates with POST)", code)
	}
}

func TestWriteValidation(t *testing.T) {
	t.Parallel()
	s, key := newSim(Options{Empty: true})
	_, _, body := call(t, s, key, "POST", "/v1/postings?perform_as="+s.PerformAs(), `{"text":"x","workplaceType":"hybrid"}`)
	id := body["data"].(map[string]any)["id"].(string)
	tests := []struct {
		name, target, body, want string
	}{
		{"no perform_as", "/v1/postings", validPosting, "Missing perform_as parameter. Please specify a user for which to perform this create."},
		{"no perform_as on update", "/v1/postings/" + id, `{"text":"y"}`, "perform this update"},
		{"unknown user", "/v1/postings?perform_as=ghost", validPosting, "perform_as"},
		{"no text", "/v1/postings?perform_as=P", `{"state":"published"}`, "text"},
		{"empty text", "/v1/postings?perform_as=P", `{"text":"  "}`, "text"},
		{"bad state", "/v1/postings?perform_as=P", `{"text":"x","state":"public"}`, "state"},
		{"bad channel", "/v1/postings?perform_as=P", `{"text":"x","distributionChannels":["web"]}`, "channel"},
		{"bad workplace", "/v1/postings?perform_as=P", `{"text":"x","workplaceType":"on-site"}`, "workplaceType"},
		{"back to unspecified", "/v1/postings/" + id + "?perform_as=P", `{"workplaceType":"unspecified"}`, "unspecified"},
		{"partial salary", "/v1/postings?perform_as=P", `{"text":"x","salaryRange":{"min":1,"max":2}}`, "salaryRange"},
		{"salary min over max", "/v1/postings?perform_as=P", `{"text":"x","salaryRange":{"min":3,"max":2,"currency":"USD","interval":"per-year-salary"}}`, "salaryRange"},
		{"salary interval", "/v1/postings?perform_as=P", `{"text":"x","salaryRange":{"min":1,"max":2,"currency":"USD","interval":"yearly"}}`, "interval"},
		{"h2 in description", "/v1/postings?perform_as=P", `{"text":"x","content":{"descriptionHtml":"<h2>x</h2>"}}`, "<h2>"},
		{"strong in description", "/v1/postings?perform_as=P", `{"text":"x","content":{"descriptionHtml":"<strong>x</strong>"}}`, "<strong>"},
		{"ul in list", "/v1/postings?perform_as=P", `{"text":"x","content":{"lists":[{"text":"L","content":"<ul><li>a</li></ul>"}]}}`, "<ul>"},
		{"div in list", "/v1/postings?perform_as=P", `{"text":"x","content":{"lists":[{"text":"L","content":"<div>a</div>"}]}}`, "<div>"},
		{"list without text", "/v1/postings?perform_as=P", `{"text":"x","content":{"lists":[{"text":"","content":"<li>a</li>"}]}}`, "text"},
		{"style color", "/v1/postings?perform_as=P", `{"text":"x","content":{"descriptionHtml":"<span style=\"color: red\">x</span>"}}`, "style"},
		{"odd font size", "/v1/postings?perform_as=P", `{"text":"x","content":{"descriptionHtml":"<span style=\"font-size: 13px\">x</span>"}}`, "style"},
		{"other class", "/v1/postings?perform_as=P", `{"text":"x","content":{"descriptionHtml":"<a class=\"big\" href=\"https://x\">x</a>"}}`, "class"},
		{"id attribute", "/v1/postings?perform_as=P", `{"text":"x","content":{"descriptionHtml":"<div id=\"a\">x</div>"}}`, "id"},
		{"comment", "/v1/postings?perform_as=P", `{"text":"x","content":{"closingPostingHtml":"<!-- x -->"}}`, "comment"},
		{"read-only closingHtml", "/v1/postings?perform_as=P", `{"text":"x","content":{"closingHtml":"<div>x</div>"}}`, "content.closingHtml"},
		{"read-only user", "/v1/postings?perform_as=P", `{"text":"x","user":"P"}`, "user"},
		{"owner on update", "/v1/postings/" + id + "?perform_as=P", `{"owner":"P"}`, "owner"},
		{"not an object", "/v1/postings?perform_as=P", `[1]`, "JSON"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			target := strings.ReplaceAll(tt.target, "perform_as=P", "perform_as="+s.PerformAs())
			code, _, body := call(t, s, key, "POST", target, tt.body)
			if code != 400 || body["code"] != "BadRequestError" || !strings.Contains(body["message"].(string), tt.want) {
				t.Errorf("%d %v, want 400 BadRequestError naming %q", code, body, tt.want)
			}
		})
	}
	req := httptest.NewRequest("POST", "/v1/postings?perform_as="+s.PerformAs(), strings.NewReader(validPosting))
	req.SetBasicAuth(key, "")
	w := httptest.NewRecorder()
	s.ServeHTTP(w, req) // no Content-Type
	if w.Code != 400 {
		t.Errorf("a body without Content-Type: %d", w.Code)
	}
}

func TestUpdateIsPartial(t *testing.T) {
	t.Parallel()
	s, key := newSim(Options{Empty: true})
	_, _, body := call(t, s, key, "POST", "/v1/postings?perform_as="+s.PerformAs(), validPosting)
	id := body["data"].(map[string]any)["id"].(string)
	code, _, body := call(t, s, key, "POST", "/v1/postings/"+id+"?perform_as="+s.PerformAs(), `{"state":"closed"}`)
	if code != 200 {
		t.Fatalf("update: %d %v", code, body)
	}
	p, _ := s.Posting(id)
	if p.State != "closed" || p.Text != "Senior PM" || len(p.Tags) != 1 || p.Content.DescriptionHTML == "" || p.DistributionChannels != nil {
		t.Errorf("after a state-only update: %+v", p)
	}
}

func TestListPaging(t *testing.T) {
	t.Parallel()
	s, key := newSim(Options{PageSize: 2})
	for i := range 3 {
		s.AddHumanPosting(HumanPosting{Title: "Extra", Tags: []string{"t" + string(rune('0'+i%2))}})
	}
	var ids []string
	offset := ""
	for pages := 0; ; pages++ {
		target := "/v1/postings?limit=100"
		if offset != "" {
			target += "&offset=" + offset
		}
		code, _, body := call(t, s, key, "GET", target, "")
		if code != 200 {
			t.Fatalf("list: %d %v", code, body)
		}
		for _, d := range body["data"].([]any) {
			ids = append(ids, d.(map[string]any)["id"].(string))
		}
		next, hasNextKey := body["next"]
		if body["hasNext"] != true {
			if hasNextKey {
				t.Errorf("last page has a next key: %v", next)
			}
			break
		}
		offset = next.(string)
		if pages > 10 {
			t.Fatal("no end")
		}
	}
	if len(ids) != 7 { // 4 non-confidential seeds + 3
		t.Errorf("listed %d postings, want 7", len(ids))
	}
	seen := map[string]bool{}
	for _, id := range ids {
		if seen[id] {
			t.Errorf("%s listed twice", id)
		}
		seen[id] = true
	}

	// Filters, on a server with full pages.
	f, _ := newSim(Options{})
	for i := range 3 {
		f.AddHumanPosting(HumanPosting{Title: "Extra", Tags: []string{"t" + string(rune('0'+i%2))}})
	}
	for _, tt := range []struct {
		query string
		want  int
	}{
		{"tag=t0", 2}, {"tag=t0&tag=t1", 3}, {"tag=Marketing&tag=t1", 2}, {"state=closed", 1},
		{"state=published&tag=t0", 2}, {"confidentiality=all", 8}, {"confidentiality=confidential", 1},
		{"team=Brand", 1}, {"department=Product", 1},
	} {
		_, _, body := call(t, f, key, "GET", "/v1/postings?"+tt.query, "")
		if n := len(body["data"].([]any)); n != tt.want || body["hasNext"] != false {
			t.Errorf("%s: %d postings (hasNext %v), want %d", tt.query, n, body["hasNext"], tt.want)
		}
	}
	for _, bad := range []string{"limit=0", "limit=101", "limit=x", "offset=0.1.madeup", "state=public", "confidentiality=some"} {
		if code, _, body := call(t, s, key, "GET", "/v1/postings?"+bad, ""); code != 400 || body["code"] != "BadRequestError" {
			t.Errorf("%s: %d %v", bad, code, body)
		}
	}
}

func TestRateLimit(t *testing.T) {
	t.Parallel()
	now := time.UnixMilli(1700000000000)
	var mu sync.Mutex
	clock := func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
	s := New(Options{Rate: 10, Burst: 20, Now: clock})
	key := s.APIKey()
	for i := range 20 {
		if code, _, _ := call(t, s, key, "GET", "/v1/postings/x", ""); code != 404 {
			t.Fatalf("request %d of the burst: %d", i+1, code)
		}
	}
	code, h, body := call(t, s, key, "GET", "/v1/postings/x", "")
	if code != 429 {
		t.Fatalf("request 21: %d, want 429", code)
	}
	for name := range h {
		if n := strings.ToLower(name); n == "retry-after" || strings.Contains(n, "ratelimit") || strings.Contains(n, "rate-limit") {
			t.Errorf("429 carries header %s (Lever documents none)", name)
		}
	}
	if body["code"] == nil {
		t.Errorf("429 body %v", body)
	}
	mu.Lock()
	now = now.Add(250 * time.Millisecond) // 2.5 tokens
	mu.Unlock()
	codes := []int{}
	for range 3 {
		c, _, _ := call(t, s, key, "GET", "/v1/postings/x", "")
		codes = append(codes, c)
	}
	if codes[0] != 404 || codes[1] != 404 || codes[2] != 429 {
		t.Errorf("after 250 ms: %v, want two answers then a 429", codes)
	}
	if s.Count429() != 2 || s.MaxRun429() != 1 {
		t.Errorf("Count429 %d MaxRun429 %d", s.Count429(), s.MaxRun429())
	}
}

// TestLostResponse: under faults some writes happen although the client gets
// no answer.
func TestLostResponse(t *testing.T) {
	t.Parallel()
	s, key := newSim(Options{Empty: true})
	srv := httptest.NewServer(s)
	defer srv.Close()
	s.SetFaults(1, 3)
	lost, failed := 0, 0
	for range 30 {
		req, _ := http.NewRequest("POST", srv.URL+"/v1/postings?perform_as="+s.PerformAs(), bytes.NewReader([]byte(`{"text":"x"}`)))
		req.SetBasicAuth(key, "")
		req.Header.Set("Content-Type", "application/json")
		resp, err := srv.Client().Do(req)
		if err != nil {
			lost++
			continue
		}
		resp.Body.Close()
		if resp.StatusCode >= 500 {
			failed++
		}
	}
	s.SetFaults(0, 0)
	if lost == 0 || failed == 0 || lost+failed != 30 {
		t.Errorf("lost %d, failed %d of 30", lost, failed)
	}
	if n := len(s.Postings()); n != lost {
		t.Errorf("%d postings made, want one per lost response (%d)", n, lost)
	}
}

func TestHooks(t *testing.T) {
	t.Parallel()
	s, _ := newSim(Options{})
	if len(s.Postings()) != len(SeedTitles)+1 {
		t.Errorf("%d seeded postings", len(s.Postings()))
	}
	id := s.AddHumanPosting(HumanPosting{Title: "A", Tags: []string{"x", "y"}})
	if err := s.EditPosting(id, Edit{DescriptionHTML: "<div>New words</div>", RemoveTags: []string{"x"}, AddTags: []string{"z"}}); err != nil {
		t.Fatal(err)
	}
	p, ok := s.Posting(id)
	if !ok || p.Content.Description != "New words\n" || strings.Join(p.Tags, ",") != "y,z" {
		t.Errorf("edited posting: %+v", p)
	}
	if err := s.EditPosting("nope", Edit{}); err == nil {
		t.Error("editing an unknown posting is not an error")
	}
	s.AddHumanPosting(HumanPosting{Title: "B", Tags: []string{"jobsync:k"}})
	s.AddHumanPosting(HumanPosting{Title: "C", Tags: []string{"jobsync:k"}})
	if d := s.Duplicates("jobsync:"); d["jobsync:k"] != 2 || len(d) != 1 {
		t.Errorf("Duplicates = %v", d)
	}
	env := strings.Join(s.Env("JOBSYNC_MY_LEVER", "http://127.0.0.1:1"), "\n")
	for _, want := range []string{"JOBSYNC_MY_LEVER_BASE_URL=http://127.0.0.1:1/v1", "JOBSYNC_MY_LEVER_API_KEY=" + s.APIKey(), "JOBSYNC_MY_LEVER_PERFORM_AS=" + s.PerformAs()} {
		if !strings.Contains(env, want) {
			t.Errorf("Env lacks %s:\n%s", want, env)
		}
	}
}

func FuzzValidate(f *testing.F) {
	for _, s := range []string{"<div>a<br>b</div>", "<li>x</li>", "<a href='x' class=postings-link>y</a>", "<b", "a < b", "<span style=\"font-size:10px\">"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out, err := validate(s, descriptionRules)
		if err != nil {
			return
		}
		// Valid HTML re-serialises to valid HTML that is stable.
		again, err := validate(out, descriptionRules)
		if err != nil || again != out {
			t.Fatalf("%q → %q → %q, %v", s, out, again, err)
		}
		_ = plainText(out)
	})
}

// Options.Faults turns faults on from the start, as `jobsync simulate
// --faults` does; Options.Latency delays every answer (fake time here).
func TestOptionsFaultsAndLatency(t *testing.T) {
	t.Parallel()
	s, key := newSim(Options{Empty: true, Faults: 1, Seed: 3})
	failed := 0
	for range 10 {
		if code, _, _ := call(t, s, key, "GET", "/v1/postings", ""); code >= 500 {
			failed++
		}
	}
	if failed != 10 {
		t.Errorf("%d of 10 requests failed at Faults 1", failed)
	}
	synctest.Test(t, func(t *testing.T) {
		s, key := newSim(Options{Empty: true, Latency: 250 * time.Millisecond})
		start := time.Now()
		if code, _, _ := call(t, s, key, "GET", "/v1/postings", ""); code != 200 {
			t.Errorf("GET: %d", code)
		}
		if d := time.Since(start); d != 250*time.Millisecond {
			t.Errorf("answered after %v, want 250ms", d)
		}
	})
}
