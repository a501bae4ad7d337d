package main

import (
	"encoding/json"
	"net/http/httptest"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/jobsync/jobsync/ats"
	"github.com/jobsync/jobsync/ats/greenhouse/greenhousesim"
	"github.com/jobsync/jobsync/ats/lever/leversim"
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

// flow runs the README's flow against a simulator: plan, sync, a second
// plan with nothing to do.
func flow(t *testing.T, config string, wantPostings int) {
	t.Helper()
	code, out, errs := cli(t, nil, "plan", "--config", config, "--format", "json")
	if code != 0 {
		t.Fatalf("plan: exit %d\n%s", code, errs)
	}
	var p struct {
		Summary struct{ Create, Unmanaged int }
	}
	if err := json.Unmarshal([]byte(out), &p); err != nil {
		t.Fatal(err)
	}
	if p.Summary.Create != wantPostings || p.Summary.Unmanaged == 0 {
		t.Fatalf("first plan: %+v, want %d creates beside the simulator's hand-made postings", p.Summary, wantPostings)
	}
	code, out, errs = cli(t, nil, "sync", "--config", config)
	if code != 0 {
		t.Fatalf("sync: exit %d\n%s\n%s", code, out, errs)
	}
	code, out, errs = cli(t, nil, "plan", "--config", config, "--detailed-exitcode")
	if code != exitOK {
		t.Fatalf("plan after sync: exit %d, want 0 (in sync)\n%s\n%s", code, out, errs)
	}
}

func TestGreenhouseFlowAgainstSimulator(t *testing.T) {
	sim := greenhousesim.New(greenhousesim.Options{RateLimit: 1000, Window: time.Second})
	setSimEnv(t, sim)
	human := map[int64][]byte{}
	for _, j := range sim.Jobs() {
		human[j.ID] = sim.Snapshot(j.ID)
	}
	flow(t, exampleConfig(t, "greenhouse.yaml"), 32) // 28 Principal + 3 more Govern + 1 Senior Verify (CI)
	for id, before := range human {
		if after := sim.Snapshot(id); string(after) != string(before) {
			t.Errorf("job %d, made before jobsync ran, changed:\n%s\n→\n%s", id, before, after)
		}
	}
}

func TestLeverFlowAgainstSimulator(t *testing.T) {
	sim := leversim.New(leversim.Options{})
	setSimEnv(t, sim)
	human := map[string]leversim.Posting{}
	for _, p := range sim.Postings() {
		human[p.ID] = p
	}
	flow(t, exampleConfig(t, "lever.yaml"), 32)
	for id, before := range human {
		if after, _ := sim.Posting(id); !reflect.DeepEqual(after, before) {
			t.Errorf("posting %s, made before jobsync ran, changed", id)
		}
	}
}

// Secrets never reach output or logs, even at debug level.
func TestNoSecretsInOutput(t *testing.T) {
	sim := greenhousesim.New(greenhousesim.Options{RateLimit: 1000, Window: time.Second, ClientSecret: "s3cr3t-client-value"})
	setSimEnv(t, sim)
	config := exampleConfig(t, "greenhouse.yaml")
	for _, args := range [][]string{
		{"sync", "--config", config, "--log-level", "debug"},
		{"plan", "--config", config, "--log-level", "debug", "--format", "json"},
	} {
		_, out, errs := cli(t, nil, args...)
		if strings.Contains(out+errs, "s3cr3t-client-value") {
			t.Errorf("%v printed the client secret", args)
		}
		for _, tok := range sim.AccessTokens() {
			if strings.Contains(out+errs, tok) {
				t.Errorf("%v printed an access token", args)
			}
		}
	}
	// A wrong secret is an error that says what to fix, without the secret.
	t.Setenv("JOBSYNC_SIM_CLIENT_SECRET", "wrong-secret-value")
	code, out, errs := cli(t, nil, "plan", "--config", config)
	if code != exitError || strings.Contains(out+errs, "wrong-secret-value") || !strings.Contains(errs, "401") && !strings.Contains(errs, "invalid_client") {
		t.Errorf("bad secret: exit %d, stderr:\n%s", code, errs)
	}
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
