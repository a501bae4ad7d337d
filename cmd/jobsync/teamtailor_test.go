package main

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/jobsync/jobsync/ats"
	"github.com/jobsync/jobsync/ats/teamtailor/teamtailorsim"
)

// ttWorkspace is examples/teamtailor.yaml on a copy of the page it reads,
// its board renamed "sim".
func ttWorkspace(t *testing.T) (config, page string) {
	t.Helper()
	dir := t.TempDir()
	page = filepath.Join(dir, "product-manager.md")
	writeFile(t, page, readFile(t, filepath.Join("..", "..", "testdata", "product-manager.md")))
	data := readFile(t, filepath.Join("..", "..", "examples", "teamtailor.yaml"))
	for old, new := range map[string]string{
		"../testdata/product-manager.md":               page,
		"  - name: teamtailor\n    type: teamtailor\n": "  - name: sim\n    type: teamtailor\n",
	} {
		if !strings.Contains(data, old) {
			t.Fatalf("examples/teamtailor.yaml lacks %q", old)
		}
		data = strings.Replace(data, old, new, 1)
	}
	config = filepath.Join(dir, "teamtailor.yaml")
	writeFile(t, config, data)
	return config, page
}

// The README's flow against the Teamtailor simulator, through the CLI: the
// first sync creates open jobs, a second plan has nothing to do, a changed
// requirement updates exactly the postings that carry it, a removed
// specialty archives its posting, and the jobs people made are never
// touched.
func TestTeamtailorFlowAgainstSimulator(t *testing.T) {
	sim := teamtailorsim.New(teamtailorsim.Options{RateLimit: 100000})
	setSimEnv(t, sim)
	human := map[string]string{}
	for _, j := range sim.Jobs() {
		human[j.ID] = sim.Snapshot(j.ID)
	}
	config, page := ttWorkspace(t)
	flow(t, config, 32) // 28 Principal + 3 more Govern + 1 Senior Verify (CI)
	open := func() (n int) {
		for _, j := range sim.Jobs() {
			if _, made := human[j.ID]; !made && j.Attributes.Status == "open" {
				n++
			}
		}
		return n
	}
	if n := open(); n != 32 {
		t.Fatalf("%d jobs open after the first sync, want 32", n)
	}

	// A requirement of one specialty: its four levels change, nothing else.
	editFile(t, page, "- Strong understanding of SIEM and operational security", "- Strong understanding of SIEM, cloud and operational security")
	s, keys := planActions(t, config)
	govern := []string{
		"product-manager/principal-product-manager/govern", "product-manager/product-manager/govern",
		"product-manager/senior-principal-product-manager/govern", "product-manager/senior-product-manager/govern",
	}
	slices.Sort(keys[ats.OpUpdate])
	if s.Update != 4 || s.Create+s.Close+s.Drift != 0 || !slices.Equal(keys[ats.OpUpdate], govern) {
		t.Fatalf("plan after a changed requirement: %+v, updates %v; want exactly the Govern postings", s, keys[ats.OpUpdate])
	}
	if code, out, errs := cli(t, nil, "sync", "--config", config); code != exitOK || !strings.Contains(out, "4 updated") {
		t.Fatalf("sync: exit %d\n%s\n%s", code, out, errs)
	}
	for _, j := range sim.Jobs() {
		if strings.HasSuffix(j.Attributes.Title, ", Govern") && !strings.Contains(j.Attributes.Body, "SIEM, cloud and operational security") {
			t.Errorf("job %s (%s) lacks the changed requirement", j.ID, j.Attributes.Title)
		}
	}

	// A removed specialty: its posting is archived.
	data := readFile(t, page)
	start, end := strings.Index(data, "### Release (CD)\n"), strings.Index(data, "### Configure\n")
	if start < 0 || end < start {
		t.Fatal("the page's Release (CD) specialty is not where the test expects it")
	}
	writeFile(t, page, data[:start]+data[end:])
	s, keys = planActions(t, config)
	if s.Close != 1 || s.Create+s.Update+s.Drift != 0 || keys[ats.OpClose][0] != "product-manager/principal-product-manager/release-cd" {
		t.Fatalf("plan after removing a specialty: %+v, closes %v", s, keys[ats.OpClose])
	}
	if code, out, errs := cli(t, nil, "sync", "--config", config); code != exitOK || !strings.Contains(out, "1 closed") {
		t.Fatalf("sync: exit %d\n%s\n%s", code, out, errs)
	}
	if n := open(); n != 31 {
		t.Errorf("%d jobs open after the close, want 31", n)
	}
	if code, out, errs := cli(t, nil, "plan", "--config", config, "--detailed-exitcode"); code != exitOK {
		t.Fatalf("plan after the close: exit %d, want 0\n%s\n%s", code, out, errs)
	}
	for id, before := range human {
		if after := sim.Snapshot(id); after != before {
			t.Errorf("job %s, made before jobsync ran, changed:\n%s\n→\n%s", id, before, after)
		}
	}
}

// A wrong key or API version: the CLI's error says what to fix and never
// shows the key; debug logs of a sync do not either.
func TestTeamtailorKeyStaysSecret(t *testing.T) {
	sim := teamtailorsim.New(teamtailorsim.Options{RateLimit: 100000})
	setSimEnv(t, sim)
	config, _ := ttWorkspace(t)
	_, out, errs := cli(t, nil, "sync", "--config", config, "--log-level", "debug")
	if strings.Contains(out+errs, sim.APIKey()) {
		t.Error("a debug sync printed the API key")
	}
	editFile(t, config, "    type: teamtailor\n", "    type: teamtailor\n    api_version: \"20150101\"\n")
	code, _, errs := cli(t, nil, "plan", "--config", config)
	if code != exitError || !strings.Contains(errs, "406") || !strings.Contains(errs, "api_version in board sim's config") {
		t.Errorf("wrong version: exit %d, stderr:\n%s", code, errs)
	}
	t.Setenv("JOBSYNC_SIM_API_KEY", "tt-wrong-key-value-000000")
	code, out, errs = cli(t, nil, "plan", "--config", config)
	if code != exitError || strings.Contains(out+errs, "wrong-key-value") || !strings.Contains(errs, "401") || !strings.Contains(errs, "JOBSYNC_SIM_API_KEY") {
		t.Errorf("wrong key: exit %d, stderr:\n%s", code, errs)
	}
}

// jobsync simulate teamtailor prints the board's base URL, API key and
// user, and serves the API there.
func TestSimulateTeamtailor(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	pr, pw := io.Pipe()
	a := newApp(pw, io.Discard)
	done := make(chan int)
	go func() {
		done <- a.execute(ctx, []string{"simulate", "teamtailor", "--log-level", "error"})
		pw.Close()
	}()
	var keys []string
	env := map[string]string{}
	sc := bufio.NewScanner(pr)
	for len(keys) < 3 && sc.Scan() {
		k, v, _ := strings.Cut(sc.Text(), "=")
		keys, env[k] = append(keys, k), v
	}
	go io.Copy(io.Discard, pr)
	if want := []string{"JOBSYNC_TEAMTAILOR_BASE_URL", "JOBSYNC_TEAMTAILOR_API_KEY", "JOBSYNC_TEAMTAILOR_USER_ID"}; !slices.Equal(keys, want) {
		t.Fatalf("printed %v, want %v", keys, want)
	}
	req, _ := http.NewRequest(http.MethodGet, env["JOBSYNC_TEAMTAILOR_BASE_URL"]+"/jobs", nil)
	req.Header.Set("Authorization", "Token token="+env["JOBSYNC_TEAMTAILOR_API_KEY"])
	req.Header.Set("X-Api-Version", "20210218")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || resp.Header.Get("X-Rate-Limit-Limit") != "50" {
		t.Errorf("GET /jobs with the printed key: %d %v", resp.StatusCode, resp.Header)
	}
	cancel()
	if code := <-done; code != 0 {
		t.Errorf("simulate exited %d", code)
	}
}
