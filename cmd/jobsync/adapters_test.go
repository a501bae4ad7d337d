package main

import (
	"encoding/json"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jobsync/jobsync/ats"
	"github.com/jobsync/jobsync/ats/greenhouse/greenhousesim"
)

// setSimEnv serves sim on 127.0.0.1 and sets the environment it prints, as a
// user following the README would. t.Setenv: these tests are not parallel.
func setSimEnv(t *testing.T, sim ats.Simulator) {
	t.Helper()
	srv := httptest.NewServer(sim)
	t.Cleanup(srv.Close)
	for _, kv := range sim.Env(ats.EnvPrefix("sim"), srv.URL) {
		k, v, _ := strings.Cut(kv, "=")
		t.Setenv(k, v)
	}
}

// exampleConfig points an example config's page at the repository's copy
// and its board at the simulator's environment prefix.
func exampleConfig(t *testing.T, name string) string {
	t.Helper()
	data := readFile(t, filepath.Join("..", "..", "examples", name))
	abs, err := filepath.Abs(filepath.Join("..", "..", "testdata", "product-manager.md"))
	if err != nil {
		t.Fatal(err)
	}
	data = strings.Replace(data, "../testdata/product-manager.md", abs, 1)
	data = strings.Replace(data, "  - name: greenhouse\n", "  - name: sim\n", 1)
	data = strings.Replace(data, "  - name: lever\n", "  - name: sim\n", 1)
	path := filepath.Join(t.TempDir(), name)
	writeFile(t, path, data)
	return path
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// Issue 9's Greenhouse finds, through the CLI: a template job that does not
// exist refuses plan, dry run and sync alike with no write (the sync used to
// fail every create after 3 attempts), and the marker field the first write
// creates is in every plan format.
func TestGreenhousePrerequisitesAtPlanTime(t *testing.T) {
	sim := greenhousesim.New(greenhousesim.Options{RateLimit: 1000, Window: time.Second})
	setSimEnv(t, sim)
	config := exampleConfig(t, "greenhouse.yaml")
	for _, format := range []string{"text", "markdown", "json"} {
		code, out, errs := cli(t, nil, "plan", "--config", config, "--format", format, "--detailed-exitcode")
		if code != exitChanges || !strings.Contains(out, `the first write creates the private job custom field`) {
			t.Errorf("plan --format %s: exit %d, want 2 and the marker field's notice\n%s\n%s", format, code, out, errs)
		}
	}

	t.Setenv("JOBSYNC_SIM_TEMPLATE_JOB_ID", "424242")
	sim.ResetStats()
	jobs, fields := len(sim.Jobs()), len(sim.CustomFields())
	for _, args := range [][]string{{"plan"}, {"plan", "--detailed-exitcode"}, {"sync", "--dry-run"}, {"sync"}} {
		code, out, errs := cli(t, nil, append(args, "--config", config)...)
		const want = "board sim: template job 424242 does not exist"
		if code != exitError || !strings.Contains(errs, want) || !strings.Contains(out, "refused: "+want) {
			t.Errorf("%v: exit %d, want 1 with %q in the plan and the error\n%s\n%s", args, code, want, lastLines(out, 3), errs)
		}
	}
	for _, r := range sim.RequestLog() {
		if r.Method != "GET" {
			t.Errorf("a refused run wrote: %s %s", r.Method, r.Path)
		}
	}
	if len(sim.Jobs()) != jobs || len(sim.CustomFields()) != fields {
		t.Errorf("a refused run made jobs or fields")
	}
}

// Greenhouse updates diff what changed only: List reads the posts'
// locations, and the department (not read back) is left out; before,
// every update showed locations "" → "Remote" and department "" → "Product".
func TestGreenhouseDiffsWithoutNoise(t *testing.T) {
	sim := greenhousesim.New(greenhousesim.Options{RateLimit: 1000, Window: time.Second})
	setSimEnv(t, sim)
	config := exampleConfig(t, "greenhouse.yaml")
	if code, out, errs := cli(t, nil, "sync", "--config", config); code != 0 {
		t.Fatalf("sync: exit %d\n%s\n%s", code, lastLines(out, 3), errs)
	}
	page := filepath.Join(t.TempDir(), "product-manager.md")
	writeFile(t, page, strings.Replace(readFile(t, filepath.Join("..", "..", "testdata", "product-manager.md")),
		"Strong understanding of SIEM and operational security", "Strong understanding of SIEM, SOAR and operational security", 1))
	abs, _ := filepath.Abs(filepath.Join("..", "..", "testdata", "product-manager.md"))
	writeFile(t, config, strings.Replace(readFile(t, config), abs, page, 1))
	saved := filepath.Join(t.TempDir(), "jobsync.plan")
	code, out, errs := cli(t, nil, "plan", "--config", config, "--format", "json", "--out", saved)
	if code != 0 {
		t.Fatalf("plan: exit %d\n%s", code, errs)
	}
	// The saved plan holds no secret.
	file := readFile(t, saved)
	for _, secret := range append(sim.AccessTokens(), sim.ClientSecret()) {
		if strings.Contains(file, secret) {
			t.Errorf("the saved plan holds a secret")
		}
	}
	var p struct {
		Summary ats.Summary  `json:"summary"`
		Actions []ats.Action `json:"actions"`
	}
	if err := json.Unmarshal([]byte(out), &p); err != nil {
		t.Fatal(err)
	}
	if p.Summary.Update == 0 {
		t.Fatalf("no updates after editing a Govern requirement: %+v", p.Summary)
	}
	for _, a := range p.Actions {
		for _, c := range a.Changes {
			if c.Field != ats.FieldBody {
				t.Errorf("%s: %s changes %q → %q; only the body changed", a.Key, c.Field, c.Old, c.New)
			}
		}
	}
}

// An acting user Greenhouse does not know fails the plan at List (its
// token is refused), naming the variable to fix, before any write.
func TestGreenhouseUnknownUserFailsThePlan(t *testing.T) {
	sim := greenhousesim.New(greenhousesim.Options{RateLimit: 1000, Window: time.Second})
	setSimEnv(t, sim)
	t.Setenv("JOBSYNC_SIM_USER_ID", "999999")
	config := exampleConfig(t, "greenhouse.yaml")
	for _, args := range [][]string{{"plan", "--detailed-exitcode"}, {"sync"}} {
		code, _, errs := cli(t, nil, append(args, "--config", config)...)
		t.Logf("%v: exit %d: %s", args, code, lastLines(errs, 2))
		if code != exitError || !strings.Contains(errs, "sub is not a user of this organization") || !strings.Contains(errs, "JOBSYNC_SIM_USER_ID") {
			t.Errorf("%v: exit %d, want 1 naming the unknown user\n%s", args, code, errs)
		}
	}
	for _, r := range sim.RequestLog() {
		if r.Method != "GET" {
			t.Errorf("wrote with an unknown user: %s %s", r.Method, r.Path)
		}
	}
}
