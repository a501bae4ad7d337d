package teamtailor_test

import (
	"errors"
	"strings"
	"testing"

	"go.uber.org/zap"

	"github.com/jobsync/jobsync/ats"
	"github.com/jobsync/jobsync/ats/atshttp"
	"github.com/jobsync/jobsync/ats/atstest"
	"github.com/jobsync/jobsync/ats/teamtailor"
	"github.com/jobsync/jobsync/ats/teamtailor/teamtailorsim"
)

// Refused keys and versions say what to fix, and never show the key.
func TestRefusalsSayWhatToFix(t *testing.T) {
	t.Parallel()
	const wrongKey = "tt-not-the-right-key-0000"
	for _, tc := range []struct {
		name string
		o    teamtailor.Options
		want []string
		is   error
	}{
		{"wrong key", teamtailor.Options{Name: "tt-eu", APIKey: ats.NewSecret(wrongKey)},
			[]string{"401", "Invalid or missing API key", "JOBSYNC_TT_EU_API_KEY"}, nil},
		{"wrong version", teamtailor.Options{Name: "tt-eu", APIVersion: "20150101"},
			[]string{"406", "not a valid API version", "api_version in board tt-eu's config"}, teamtailor.ErrAPIVersion},
		{"internal key", teamtailor.Options{Name: "tt-eu", APIKey: ats.NewSecret("tt-sim-internal-key")},
			[]string{"shows no tags", "Admin key", "JOBSYNC_TT_EU_API_KEY"}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			sim := fastSim(teamtailorsim.Options{})
			_, err := newBoard(t, sim, tc.o).List(t.Context())
			if err == nil {
				t.Fatal("List: no error")
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("List: %v\nwant it to say %q", err, w)
				}
			}
			if tc.is != nil && !errors.Is(err, tc.is) {
				t.Errorf("List: %v, want it to match %v", err, tc.is)
			}
			if strings.Contains(err.Error(), wrongKey) || strings.Contains(err.Error(), "internal-key") {
				t.Errorf("the error shows the key: %v", err)
			}
		})
	}
}

// New reports every bad setting at once, naming each.
func TestNewReportsEverySetting(t *testing.T) {
	t.Parallel()
	_, err := teamtailor.New(teamtailor.Options{Name: "tt", Region: "apac", APIVersion: "latest", CloseAs: "deleted", RateLimit: -1})
	for _, w := range []string{"JOBSYNC_TT_API_KEY", `region "apac"`, `api_version "latest"`, `close_as "deleted"`, "rate_limit -1"} {
		if err == nil || !strings.Contains(err.Error(), w) {
			t.Errorf("New: %v\nwant it to say %s", err, w)
		}
	}
}

// A refused write keeps JSON:API's errors[].detail in an *atshttp.Error.
func TestValidationErrorKeepsTheDetail(t *testing.T) {
	t.Parallel()
	sim := fastSim(teamtailorsim.Options{Empty: true})
	b := newBoard(t, sim, teamtailor.Options{})
	p := atstest.SamplePosting(0, 0)
	p.HTML = "<script>nothing to see</script>"
	_, err := b.Create(t.Context(), p)
	var e *atshttp.Error
	if !errors.As(err, &e) || e.StatusCode != 422 || e.Message != "body - can't be blank" {
		t.Fatalf("create with an empty body: %v, want a 422 with the API's detail", err)
	}
	if !strings.Contains(err.Error(), "create "+p.Key+": POST /v1/jobs: 422 Unprocessable Entity") {
		t.Errorf("error %q does not say what failed", err)
	}
}

// Update and Close of an id the account does not hold match
// ats.ErrNotFound; of a job people made, ats.ErrNotOwned, with nothing
// written.
func TestNotFoundAndNotOwned(t *testing.T) {
	t.Parallel()
	sim := fastSim(teamtailorsim.Options{})
	b := newBoard(t, sim, teamtailor.Options{})
	p := atstest.SamplePosting(0, 0)
	if _, err := b.Update(t.Context(), "999999", p); !errors.Is(err, ats.ErrNotFound) {
		t.Errorf("update of no job: %v, want ErrNotFound", err)
	}
	if err := b.Close(t.Context(), "999999"); !errors.Is(err, ats.ErrNotFound) {
		t.Errorf("close of no job: %v, want ErrNotFound", err)
	}
	for _, j := range sim.Jobs() {
		before := sim.Snapshot(j.ID)
		if _, err := b.Update(t.Context(), j.ID, p); !errors.Is(err, ats.ErrNotOwned) {
			t.Errorf("update of %q: %v, want ErrNotOwned", j.Attributes.Title, err)
		}
		if err := b.Close(t.Context(), j.ID); !errors.Is(err, ats.ErrNotOwned) {
			t.Errorf("close of %q: %v, want ErrNotOwned", j.Attributes.Title, err)
		}
		if sim.Snapshot(j.ID) != before {
			t.Errorf("job %q was changed", j.Attributes.Title)
		}
	}
	if n := routes(sim, 0)["PATCH /v1/jobs/{id}"]; n != 0 {
		t.Errorf("%d PATCHes sent", n)
	}
}

// A department the account lacks, or a board without a recruiter, stops
// the create before anything is written, saying what to do.
func TestCreateNeedsWhatTheAPIRequires(t *testing.T) {
	t.Parallel()
	sim := fastSim(teamtailorsim.Options{Empty: true})
	p := atstest.SamplePosting(0, 0)
	p.Department = "Finance"
	if _, err := newBoard(t, sim, teamtailor.Options{}).Create(t.Context(), p); err == nil || !strings.Contains(err.Error(), `no department "Finance" in Teamtailor`) {
		t.Errorf("create in an unknown department: %v", err)
	}
	b, err := teamtailor.New(teamtailor.Options{Name: "tt", BaseURL: "http://tt.test/v1", APIKey: ats.NewSecret(sim.APIKey()), HTTP: boardHTTP(sim, atshttp.Options{})})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := b.Create(t.Context(), atstest.SamplePosting(0, 0)); err == nil || !strings.Contains(err.Error(), "JOBSYNC_TT_USER_ID") {
		t.Errorf("create without a user: %v", err)
	}
	if n := routes(sim, 0)["POST /v1/jobs"]; n != 0 || len(sim.Jobs()) != 0 {
		t.Errorf("%d creates sent, %d jobs made", n, len(sim.Jobs()))
	}
}

// Debug logs of a whole sync, refusals included, hold no key.
func TestNoKeyInLogs(t *testing.T) {
	t.Parallel()
	sim := fastSim(teamtailorsim.Options{})
	log, logs := atstest.Logger(zap.DebugLevel)
	b := newBoard(t, sim, teamtailor.Options{Logger: log})
	atstest.SyncTo(t, b, atstest.SamplePostings(3))
	wrong := newBoard(t, sim, teamtailor.Options{Logger: log, APIKey: ats.NewSecret("tt-wrong-key-123456")})
	_, _ = wrong.List(t.Context())
	atstest.CheckLogsHoldNo(t, logs, sim.APIKey(), "tt-wrong-key-123456")
}
