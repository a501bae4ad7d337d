package ashby_test

import (
	"errors"
	"net/http"
	"strings"
	"sync"
	"testing"

	"go.uber.org/zap"

	"github.com/jobsync/jobsync/ats"
	"github.com/jobsync/jobsync/ats/ashby"
	"github.com/jobsync/jobsync/ats/ashby/ashbysim"
	"github.com/jobsync/jobsync/ats/atshttp"
	"github.com/jobsync/jobsync/ats/atstest"
)

// A wrong key is Ashby's 403 naming the variable to fix, and neither the
// error nor a debug log shows the key.
func TestWrongKeyNamesTheVariable(t *testing.T) {
	t.Parallel()
	sim := fastSim(ashbysim.Options{})
	log, logs := atstest.Logger(zap.DebugLevel)
	const key = "ashby-not-the-right-key-0000"
	b, err := ashby.New(ashby.Options{Name: "ashby-eu", BaseURL: "http://ashby.test", APIKey: ats.NewSecret(key), HTTP: fastHTTP(sim), Logger: log})
	if err != nil {
		t.Fatal(err)
	}
	_, err = b.List(t.Context())
	if err == nil || !strings.Contains(err.Error(), "403") || !strings.Contains(err.Error(), "invalid_api_key") || !strings.Contains(err.Error(), "JOBSYNC_ASHBY_EU_API_KEY") {
		t.Errorf("List with a wrong key: %v, want a 403 naming JOBSYNC_ASHBY_EU_API_KEY", err)
	}
	if strings.Contains(err.Error(), key) {
		t.Errorf("the key shows in the error: %v", err)
	}
	atstest.CheckLogsHoldNo(t, logs, key)
}

// A key without jobsWrite lists, and a write says which permission is
// missing.
func TestReadOnlyKeySaysWhichPermission(t *testing.T) {
	t.Parallel()
	sim := fastSim(ashbysim.Options{ReadOnly: true, Empty: true})
	b := newBoard(t, sim, ashby.Options{})
	if _, err := b.List(t.Context()); err != nil {
		t.Fatalf("list with a read-only key: %v", err)
	}
	_, err := b.Create(t.Context(), atstest.SamplePosting(0, 0))
	if err == nil || !strings.Contains(err.Error(), "missing_endpoint_permission") || !strings.Contains(err.Error(), "jobsWrite") || !strings.Contains(err.Error(), "JOBSYNC_ASHBY_API_KEY") {
		t.Errorf("create with a read-only key: %v", err)
	}
}

// An error in the envelope (HTTP 200, "success": false) is an
// *atshttp.Error with Ashby's code, message and request id; a not-found
// code matches ats.ErrNotFound, and a posting people made is refused.
func TestEnvelopeErrors(t *testing.T) {
	t.Parallel()
	sim := fastSim(ashbysim.Options{})
	b := newBoard(t, sim, ashby.Options{})
	err := b.Close(t.Context(), "00000000-0000-4000-8000-000000000000")
	var e *atshttp.Error
	if !errors.Is(err, ats.ErrNotFound) || !errors.As(err, &e) || e.Code != "job_posting_not_found" || e.RequestID == "" || e.StatusCode != http.StatusOK {
		t.Errorf("close of an unknown id: %v (%+v), want job_posting_not_found matching ats.ErrNotFound", err, e)
	}
	human := sim.HumanPostings()[0]
	before := sim.Snapshot(human)
	if _, err := b.Update(t.Context(), human, atstest.SamplePosting(0, 0)); !errors.Is(err, ats.ErrNotOwned) {
		t.Errorf("update of a person's posting: %v, want ats.ErrNotOwned", err)
	}
	if err := b.Close(t.Context(), human); !errors.Is(err, ats.ErrNotOwned) {
		t.Errorf("close of a person's posting: %v, want ats.ErrNotOwned", err)
	}
	if string(sim.Snapshot(human)) != string(before) {
		t.Error("the person's posting changed")
	}
}

// A company without the marker field is told to make it, and no job is
// made.
func TestMissingMarkerFieldRefusesToCreate(t *testing.T) {
	t.Parallel()
	sim := fastSim(ashbysim.Options{Empty: true})
	b := newBoard(t, sim, ashby.Options{MarkerField: "jobsync-owner"})
	_, err := b.Create(t.Context(), atstest.SamplePosting(0, 0))
	if err == nil || !strings.Contains(err.Error(), `"jobsync-owner"`) || !strings.Contains(err.Error(), "create a private long-text job posting field") {
		t.Errorf("create with no such field: %v", err)
	}
	if n := len(sim.Jobs()); n != 0 {
		t.Errorf("%d jobs made", n)
	}
}

// A board without an interview plan or template, department or location
// says which setting to add, and sends nothing.
func TestCreateNeedsItsSettings(t *testing.T) {
	t.Parallel()
	sim := fastSim(ashbysim.Options{Empty: true})
	p := atstest.SamplePosting(0, 0)
	b, err := ashby.New(ashby.Options{BaseURL: "http://ashby.test", APIKey: ats.NewSecret(sim.APIKey()), HTTP: fastHTTP(sim)})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := b.Create(t.Context(), p); err == nil || !strings.Contains(err.Error(), "job_template_id or interview_plan_id") {
		t.Errorf("create without a template: %v", err)
	}
	p.Department, p.Locations = "", nil
	b = newBoard(t, sim, ashby.Options{})
	if _, err := b.Create(t.Context(), p); err == nil || !strings.Contains(err.Error(), "set department") {
		t.Errorf("create without a department: %v", err)
	}
	if n := len(sim.Requests()); n != 0 {
		t.Errorf("%d requests sent", n)
	}
}

// Every request pins Ashby-Version, and a version Ashby reports as
// deprecated is a warning in the log.
func TestVersionIsPinnedAndItsStatusLogged(t *testing.T) {
	t.Parallel()
	sim := fastSim(ashbysim.Options{VersionStatus: "deprecated"})
	var mu sync.Mutex
	versions := map[string]int{}
	seen := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		versions[r.Header.Get("Ashby-Version")]++
		mu.Unlock()
		sim.ServeHTTP(w, r)
	})
	log, logs := atstest.Logger(zap.InfoLevel)
	o := ashby.Options{Logger: log, HTTP: fastHTTP(sim)}
	o.HTTP.Transport = atstest.InMemory(seen)
	b := newBoard(t, sim, o)
	syncTo(t, b, atstest.SamplePostings(2))
	mu.Lock()
	defer mu.Unlock()
	if len(versions) != 1 || versions[ashby.APIVersion] == 0 {
		t.Errorf("Ashby-Version sent: %v, want %s on every request", versions, ashby.APIVersion)
	}
	if n := strings.Count(logs.String(), "as deprecated: update jobsync"); n != 1 {
		t.Errorf("%d warnings of the deprecated version, want 1:\n%s", n, logs.String())
	}
}
