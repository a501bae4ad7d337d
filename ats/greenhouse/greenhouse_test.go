package greenhouse

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/jobsync/jobsync/ats"
	"github.com/jobsync/jobsync/ats/atshttp"
	"github.com/jobsync/jobsync/ats/greenhouse/greenhousesim"
)

func TestNewReportsMissingSettingsByEnvVar(t *testing.T) {
	t.Parallel()
	full := Options{Name: "gh-eu", ClientID: "id", ClientSecret: ats.NewSecret("s3cr3t-value"), UserID: 7, TemplateJobID: 9}
	tests := []struct {
		name string
		mod  func(*Options)
		want []string
	}{
		{"no client id", func(o *Options) { o.ClientID = "" }, []string{"JOBSYNC_GH_EU_CLIENT_ID"}},
		{"no client secret", func(o *Options) { o.ClientSecret = ats.Secret{} }, []string{"JOBSYNC_GH_EU_CLIENT_SECRET"}},
		{"no user", func(o *Options) { o.UserID = 0 }, []string{"JOBSYNC_GH_EU_USER_ID"}},
		{"no template", func(o *Options) { o.TemplateJobID = 0 }, []string{"JOBSYNC_GH_EU_TEMPLATE_JOB_ID"}},
		{"bad base URL", func(o *Options) { o.BaseURL = "harvest.example/v3" }, []string{"JOBSYNC_GH_EU_BASE_URL"}},
		{"everything missing", func(o *Options) { *o = Options{Name: "gh-eu"} },
			[]string{"CLIENT_ID", "CLIENT_SECRET", "USER_ID", "TEMPLATE_JOB_ID"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			o := full
			tt.mod(&o)
			_, err := New(o)
			if err == nil {
				t.Fatal("New accepted incomplete options")
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not name %s", err, w)
				}
			}
			if strings.Contains(err.Error(), "s3cr3t-value") {
				t.Errorf("error %q shows the client secret", err)
			}
		})
	}
	if _, err := New(full); err != nil {
		t.Errorf("New with every setting: %v", err)
	}
}

func TestTokenURLDefaults(t *testing.T) {
	t.Parallel()
	tests := []struct{ name, base, token, want string }{
		{"defaults", "", "", "https://auth.greenhouse.io/token"},
		{"real API named", "https://harvest.greenhouse.io/v3", "", "https://auth.greenhouse.io/token"},
		{"simulator", "http://127.0.0.1:8080/v3", "", "http://127.0.0.1:8080/token"},
		{"explicit", "http://127.0.0.1:8080/v3", "http://127.0.0.1:9/oauth/token", "http://127.0.0.1:9/oauth/token"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			b, err := New(Options{BaseURL: tt.base, TokenURL: tt.token, ClientID: "i", ClientSecret: ats.NewSecret("s"), UserID: 1, TemplateJobID: 1})
			if err != nil {
				t.Fatal(err)
			}
			if got := b.c.tokens.api.Base.String(); got != tt.want {
				t.Errorf("token URL %s, want %s", got, tt.want)
			}
		})
	}
}

func TestCreateListUpdateClose(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	e := setup(t, greenhousesim.Options{RateLimit: 100000}, func(o *Options) { o.CloseOpenings = true })
	ps := samples(2)
	r0, err := e.board.Create(ctx, ps[0])
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.board.Create(ctx, ps[1]); err != nil {
		t.Fatal(err)
	}
	rs := e.mustList(t)
	got := owned(rs)
	if len(got) != 2 {
		t.Fatalf("listed %d owned postings, want 2: %+v", len(got), rs)
	}
	l := got[ps[0].Key]
	if l.ID != r0.ID || l.Hash != ps[0].Hash || !l.Open || l.Drifted || l.Title != ps[0].Title || l.Body != r0.Body {
		t.Errorf("listed %+v, created %+v", l, r0)
	}

	// The job: copied from the template, one field definition made, every
	// other custom field value kept beside the marker.
	postID, _ := strconv.ParseInt(r0.ID, 10, 64)
	post := findPost(t, e.sim, postID)
	if post.Internal {
		t.Errorf("managed post %d is the template's internal post", postID)
	}
	j := findJob(t, e.sim, post.JobID)
	if j.CopiedFromID == nil || *j.CopiedFromID != e.sim.TemplateJobID() {
		t.Errorf("job %d not copied from the template", j.ID)
	}
	for k, want := range map[string]string{"cost_center": "R&D", "employment_type": "Full-time"} {
		var got string
		if err := json.Unmarshal(j.CustomFields[k].Value, &got); err != nil || got != want {
			t.Errorf("%s after the marker write: %s, want %q", k, j.CustomFields[k].Value, want)
		}
	}
	var marker string
	_ = json.Unmarshal(j.CustomFields[markerNameKey].Value, &marker)
	if m, ok := ats.ParseMarker(marker); !ok || m.Key != ps[0].Key || m.Hash != ps[0].Hash {
		t.Errorf("job %d marker %q", j.ID, marker)
	}
	n := 0
	for _, f := range e.sim.CustomFields() {
		if f.NameKey == markerNameKey {
			n++
			if !f.Private || f.FieldType != "job" || f.ValueType != "long_text" {
				t.Errorf("marker field %+v, want a private long_text job field", f)
			}
		}
	}
	if n != 1 {
		t.Errorf("%d marker field definitions, want 1", n)
	}
	if locs := locationTexts(e.sim.Locations(postID)); !slices.Equal(locs, ps[0].Locations) {
		t.Errorf("locations %q, want %q", locs, ps[0].Locations)
	}

	// Update: new copy, new locations, new hash, same post.
	p := ps[0]
	p.Title, p.HTML, p.Hash, p.Locations = "Senior Product Manager, Verify (CI), EMEA", "<p>New text.</p>", "hash-2", []string{"Remote, EMEA", "Berlin"}
	u, err := e.board.Update(ctx, r0.ID, p)
	if err != nil {
		t.Fatal(err)
	}
	if u.ID != r0.ID || u.Hash != "hash-2" || u.Title != p.Title || u.Body != "New text." {
		t.Errorf("update returned %+v", u)
	}
	if locs := locationTexts(e.sim.Locations(postID)); !slices.Equal(locs, []string{"Remote, EMEA", "Berlin"}) {
		t.Errorf("locations after update %q", locs)
	}

	// Close: unpublished, openings closed; closing again is fine; an update
	// reopens the job and publishes the post.
	if err := e.board.Close(ctx, r0.ID); err != nil {
		t.Fatal(err)
	}
	if err := e.board.Close(ctx, r0.ID); err != nil {
		t.Errorf("closing a closed posting: %v", err)
	}
	if l := owned(e.mustList(t))[p.Key]; l.Open || l.ID != r0.ID {
		t.Errorf("after close, listed %+v", l)
	}
	if j := findJob(t, e.sim, post.JobID); j.Status != "closed" {
		t.Errorf("with CloseOpenings, job status %s after close, want closed", j.Status)
	}
	if _, err := e.board.Update(ctx, r0.ID, p); err != nil {
		t.Fatalf("update of a closed posting: %v", err)
	}
	if l := owned(e.mustList(t))[p.Key]; !l.Open || l.Hash != "hash-2" {
		t.Errorf("after reopening update, listed %+v", l)
	}
	if j := findJob(t, e.sim, post.JobID); j.Status != "open" {
		t.Errorf("job status %s after the reopening update, want open", j.Status)
	}
}

func TestDriftAndPending(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	e := setup(t, greenhousesim.Options{RateLimit: 100000}, nil)
	p := samples(1)[0]
	r, err := e.board.Create(ctx, p)
	if err != nil {
		t.Fatal(err)
	}
	id, _ := strconv.ParseInt(r.ID, 10, 64)
	// Greenhouse re-serialises HTML: the same words in other markup are no drift.
	if err := e.sim.EditPostContent(id, strings.ReplaceAll(p.HTML, "<p>", "<p class=\"gh\">")); err != nil {
		t.Fatal(err)
	}
	if l := owned(e.mustList(t))[p.Key]; l.Drifted {
		t.Error("markup re-serialised by the board counts as drift")
	}
	if err := e.sim.EditPostContent(id, "<p>Rewritten by a recruiter.</p>"); err != nil {
		t.Fatal(err)
	}
	if l := owned(e.mustList(t))[p.Key]; !l.Drifted {
		t.Error("a recruiter's rewrite is not drift")
	}
}

func TestLostCreateIsAdoptedNotDuplicated(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	for _, drop := range []bool{false, true} {
		t.Run("drop="+strconv.FormatBool(drop), func(t *testing.T) {
			t.Parallel()
			e := setup(t, greenhousesim.Options{RateLimit: 100000}, nil)
			p := samples(1)[0]
			e.sim.LoseNextResponse(http.MethodPost, "/v3/jobs", drop)
			if _, err := e.board.Create(ctx, p); err == nil {
				t.Fatal("a create whose answer was lost reported success")
			}
			found, err := e.board.Find(ctx, p.Key)
			if err != nil {
				t.Fatal(err)
			}
			if len(found) != 1 || !found[0].Owned || found[0].Hash != ats.PendingHash || found[0].Drifted {
				t.Fatalf("find after a lost create: %+v, want one owned pending posting", found)
			}
			// What the engine does next: update the adopted posting.
			if _, err := e.board.Update(ctx, found[0].ID, p); err != nil {
				t.Fatal(err)
			}
			l := owned(e.mustList(t))[p.Key]
			if l.ID != found[0].ID || l.Hash != p.Hash || !l.Open || l.Drifted {
				t.Errorf("after adoption, listed %+v", l)
			}
			if n := e.taggedJobs()[p.Key]; n != 1 {
				t.Errorf("%d jobs for %s, want 1", n, p.Key)
			}
		})
	}
}

func TestHalfDoneCreateIsUpdatedNotDrifted(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	e := setup(t, greenhousesim.Options{RateLimit: 100000}, nil)
	p := samples(1)[0]
	// The post's PATCH happens but its answer is lost, and a client without
	// retries gives up: the run stops between the pending marker and the
	// final one.
	e.sim.LoseNextResponse(http.MethodPatch, "/v3/job_posts/", false)
	api := *e.board.c.api
	api.HTTP = e.srv.Client() // no retries; not http.DefaultClient, whose idle connections other tests close
	bad := &Board{name: e.board.name, templateID: e.board.templateID, log: e.board.log,
		c: &client{api: &api, tokens: e.board.c.tokens}}
	if _, err := bad.Create(ctx, p); err == nil {
		t.Fatal("create whose post write was lost reported success")
	}
	l := owned(e.mustList(t))[p.Key]
	if !l.Owned || l.Hash != ats.PendingHash || l.Drifted {
		t.Fatalf("half-done create listed %+v, want owned, pending, not drifted", l)
	}
	if _, err := e.board.Update(ctx, l.ID, p); err != nil {
		t.Fatal(err)
	}
	if l := owned(e.mustList(t))[p.Key]; l.Hash != p.Hash || l.Drifted || !l.Open {
		t.Errorf("after the update, listed %+v", l)
	}
}

func TestPeoplesJobsAreNeverTouched(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	e := setup(t, greenhousesim.Options{RateLimit: 100000}, func(o *Options) { o.CloseOpenings = true })
	humans := e.humanJobs()
	if len(humans) < 3 {
		t.Fatalf("the simulator seeded %d jobs of people", len(humans))
	}
	before := map[int64]string{}
	for _, id := range humans {
		before[id] = string(e.sim.Snapshot(id))
	}
	ps := samples(3)
	for _, p := range ps {
		if _, err := e.board.Create(ctx, p); err != nil {
			t.Fatal(err)
		}
	}
	rs := e.mustList(t)
	o := owned(rs)
	if _, err := e.board.Update(ctx, o[ps[0].Key].ID, ps[0]); err != nil {
		t.Fatal(err)
	}
	if err := e.board.Close(ctx, o[ps[1].Key].ID); err != nil {
		t.Fatal(err)
	}
	// Even asked to, the board refuses to write a person's post.
	for _, r := range rs {
		if r.Owned {
			continue
		}
		if _, err := e.board.Update(ctx, r.ID, ps[2]); !errors.Is(err, ats.ErrNotOwned) {
			t.Errorf("update of unowned post %s: %v, want ErrNotOwned", r.ID, err)
		}
		if err := e.board.Close(ctx, r.ID); !errors.Is(err, ats.ErrNotOwned) {
			t.Errorf("close of unowned post %s: %v, want ErrNotOwned", r.ID, err)
		}
	}
	for _, id := range humans {
		if after := string(e.sim.Snapshot(id)); after != before[id] {
			t.Errorf("job %d changed:\nbefore %s\nafter  %s", id, before[id], after)
		}
	}
}

func TestUnknownIDIsNotFound(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	e := setup(t, greenhousesim.Options{RateLimit: 100000}, nil)
	for _, id := range []string{"987654321", "0", "abc", "-3"} {
		if _, err := e.board.Update(ctx, id, samples(1)[0]); !errors.Is(err, ats.ErrNotFound) {
			t.Errorf("update %q: %v, want ats.ErrNotFound", id, err)
		}
		if err := e.board.Close(ctx, id); !errors.Is(err, ats.ErrNotFound) {
			t.Errorf("close %q: %v, want ats.ErrNotFound", id, err)
		}
	}
	// A 404 from the API itself wraps ErrNotFound too.
	err := e.board.c.do(ctx, atshttp.Idempotent, http.MethodPatch, postRoute(987654321), patchPostRequest{JobApplicationStatus: statusDraft}, nil)
	var ae *atshttp.Error
	if !errors.As(err, &ae) || ae.StatusCode != 404 || !errors.Is(err, ats.ErrNotFound) || ae.Message != "Resource not found" {
		t.Errorf("PATCH of an unknown post: %v", err)
	}
}

func TestValidationErrorsSurface(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	e := setup(t, greenhousesim.Options{RateLimit: 100000}, func(o *Options) { o.TemplateJobID = 424242 })
	jobs := len(e.sim.Jobs())
	_, err := e.board.Create(ctx, samples(1)[0])
	var ae *atshttp.Error
	if err == nil || !strings.Contains(err.Error(), "template job 424242 has no job post") {
		t.Errorf("create from a template without posts: %v", err)
	}
	if n := len(e.sim.Jobs()); n != jobs {
		t.Errorf("a create from a template without posts made %d jobs", n-jobs)
	}
	// The template's existence is Greenhouse's to judge: a 422 from POST /jobs.
	ok := setup(t, greenhousesim.Options{RateLimit: 100000}, nil)
	ok.board.templateOK = true // skip the adapter's own check, to reach the API's
	ok.board.templateID = 424242
	_, err = ok.board.Create(ctx, samples(1)[0])
	if !errors.As(err, &ae) || ae.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("create from an unknown template: %v, want a 422 *atshttp.Error", err)
	}
	for _, want := range []string{"create " + samples(1)[0].Key + ": new job from template 424242: POST /v3/jobs: 422", "template_job_id: Template job 424242 not found"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q lacks %q", err, want)
		}
	}
	// A bad publish status, straight from the client.
	err = e.board.c.do(ctx, atshttp.Idempotent, http.MethodPatch, postRoute(e.firstPost(t)), patchPostRequest{JobApplicationStatus: "offline"}, nil)
	if !errors.As(err, &ae) || len(ae.Fields) != 1 || ae.Fields[0].Field != "job_application_status" {
		t.Errorf("bad status: %v", err)
	}
}

func TestPaginationFollowsLinks(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	e := setup(t, greenhousesim.Options{RateLimit: 100000, PageSize: 2}, nil)
	ps := samples(5)
	for _, p := range ps {
		if _, err := e.board.Create(ctx, p); err != nil {
			t.Fatal(err)
		}
	}
	e.sim.ResetStats()
	rs := e.mustList(t)
	if len(owned(rs)) != 5 {
		t.Errorf("listed %d owned postings across pages, want 5", len(owned(rs)))
	}
	// Every post is listed once, but for the other posts of our own jobs
	// (the template's internal copy), which are neither ours nor anyone's.
	ours := map[int64]bool{}
	for _, j := range e.sim.Jobs() {
		if ats.Owns(e.ownerOfSim(j)) {
			ours[j.ID] = true
		}
	}
	allPosts, ourPosts := len(e.sim.Posts()), 0
	for _, p := range e.sim.Posts() {
		if ours[p.JobID] {
			ourPosts++
		}
	}
	if want := allPosts - ourPosts + len(ours); len(ours) != 5 || len(rs) != want {
		t.Errorf("listed %d postings with %d jobs of ours, want %d with 5", len(rs), len(ours), want)
	}
	jobsPages, postsPages := 0, 0
	for _, r := range e.sim.RequestLog() {
		switch r.Path {
		case "/v3/jobs":
			jobsPages++
		case "/v3/job_posts":
			postsPages++
		}
	}
	if want := (len(e.sim.Jobs()) + 1) / 2; jobsPages != want {
		t.Errorf("%d job pages read, want %d", jobsPages, want)
	}
	if want := (allPosts + 1) / 2; postsPages != want {
		t.Errorf("%d post pages read, want %d", postsPages, want)
	}
}

func TestNextPageLink(t *testing.T) {
	t.Parallel()
	e := setup(t, greenhousesim.Options{}, nil)
	base := e.base
	tests := []struct {
		name, link, want string
		err              bool
	}{
		{"none", "", "", false},
		{"next", "<" + base + "/jobs?cursor=abc>; rel=\"next\"", base + "/jobs?cursor=abc", false},
		{"next among others", "<" + base + "/jobs?cursor=p>; rel=\"prev\", <" + base + "/jobs?cursor=n>; rel=next", base + "/jobs?cursor=n", false},
		{"only prev", "<" + base + "/jobs?cursor=p>; rel=\"prev\"", "", false},
		{"other host", "<https://evil.example/v3/jobs?cursor=x>; rel=\"next\"", "", true},
		{"outside the base path", "<" + e.srv.URL + "/admin?cursor=x>; rel=\"next\"", "", true},
		{"garbage", "not a link", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			u, err := e.board.c.api.NextLink(http.Header{"Link": {tt.link}})
			if (err != nil) != tt.err {
				t.Fatalf("error %v, want error %t", err, tt.err)
			}
			got := ""
			if u != nil {
				got = u.String()
			}
			if got != tt.want {
				t.Errorf("next %q, want %q", got, tt.want)
			}
		})
	}
}

func findPost(t *testing.T, s *greenhousesim.Server, id int64) greenhousesim.JobPost {
	t.Helper()
	for _, p := range s.Posts() {
		if p.ID == id {
			return p
		}
	}
	t.Fatalf("no post %d", id)
	return greenhousesim.JobPost{}
}

func findJob(t *testing.T, s *greenhousesim.Server, id int64) greenhousesim.Job {
	t.Helper()
	for _, j := range s.Jobs() {
		if j.ID == id {
			return j
		}
	}
	t.Fatalf("no job %d", id)
	return greenhousesim.Job{}
}

func locationTexts(ls []greenhousesim.JobPostLocation) []string {
	var out []string
	for _, l := range ls {
		if l.PlainTextLocation != nil {
			out = append(out, *l.PlainTextLocation)
		}
	}
	return out
}

// firstPost is the id of some post of the account.
func (e *env) firstPost(t *testing.T) int64 {
	t.Helper()
	ps := e.sim.Posts()
	if len(ps) == 0 {
		t.Fatal("no posts")
	}
	return ps[0].ID
}
