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
