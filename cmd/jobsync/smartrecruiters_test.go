package main

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/jobsync/jobsync/ats"
	"github.com/jobsync/jobsync/ats/smartrecruiters/smartrecruiterssim"
)

// srWorkspace is examples/smartrecruiters.yaml on a copy of the page it
// reads, its board renamed "sim" and paced to a simulator with raised
// limits (the real limits make the first sync of 32 postings take 17 s).
func srWorkspace(t *testing.T) (config, page string) {
	t.Helper()
	dir := t.TempDir()
	page = filepath.Join(dir, "product-manager.md")
	writeFile(t, page, readFile(t, filepath.Join("..", "..", "testdata", "product-manager.md")))
	data := readFile(t, filepath.Join("..", "..", "examples", "smartrecruiters.yaml"))
	for old, new := range map[string]string{
		"../testdata/product-manager.md":                         page,
		"  - name: smartrecruiters\n    type: smartrecruiters\n": "  - name: sim\n    type: smartrecruiters\n    rate_limit: 100000\n    publication_rate_limit: 100000\n",
	} {
		if !strings.Contains(data, old) {
			t.Fatalf("examples/smartrecruiters.yaml lacks %q", old)
		}
		data = strings.Replace(data, old, new, 1)
	}
	config = filepath.Join(dir, "smartrecruiters.yaml")
	writeFile(t, config, data)
	return config, page
}

// planActions runs plan --format json and returns its summary and the keys
// of each kind of action.
func planActions(t *testing.T, config string) (ats.Summary, map[ats.Op][]string) {
	t.Helper()
	code, out, errs := cli(t, nil, "plan", "--config", config, "--format", "json")
	if code != exitOK {
		t.Fatalf("plan: exit %d\n%s", code, errs)
	}
	var p struct {
		Summary ats.Summary  `json:"summary"`
		Actions []ats.Action `json:"actions"`
	}
	if err := json.Unmarshal([]byte(out), &p); err != nil {
		t.Fatalf("plan json: %v\n%s", err, out)
	}
	keys := map[ats.Op][]string{}
	for _, a := range p.Actions {
		keys[a.Op] = append(keys[a.Op], a.Key)
	}
	return p.Summary, keys
}

func editFile(t *testing.T, path, old, new string) {
	t.Helper()
	data := readFile(t, path)
	if !strings.Contains(data, old) {
		t.Fatalf("%s lacks %q", path, old)
	}
	writeFile(t, path, strings.Replace(data, old, new, 1))
}

// The README's flow against the SmartRecruiters simulator, through the CLI:
// the first sync creates and publishes, a second plan has nothing to do, a
// changed requirement updates exactly the postings that carry it, a removed
// specialty unpublishes its postings, and the jobs people made are never
// touched.
func TestSmartRecruitersFlowAgainstSimulator(t *testing.T) {
	sim := smartrecruiterssim.New(smartrecruiterssim.Options{RateLimit: 100000, PublicationLimit: 100000})
	setSimEnv(t, sim)
	human := map[string][]byte{}
	for _, j := range sim.Jobs() {
		human[j.ID] = sim.Snapshot(j.ID)
	}
	config, page := srWorkspace(t)
	flow(t, config, 32) // 28 Principal + 3 more Govern + 1 Senior Verify (CI)
	published := func() (n int) {
		for _, j := range sim.Jobs() {
			if _, made := human[j.ID]; !made && j.PostingStatus == "PUBLIC" {
				n++
			}
		}
		return n
	}
	if n := published(); n != 32 {
		t.Fatalf("%d jobs published after the first sync, want 32", n)
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
		if strings.HasSuffix(j.Title, ", Govern") && (j.JobAd.Sections.Qualifications == nil || !strings.Contains(j.JobAd.Sections.Qualifications.Text, "SIEM, cloud and operational security")) {
			t.Errorf("job %s (%s) lacks the changed requirement", j.ID, j.Title)
		}
	}

	// A removed specialty: its posting is unpublished.
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
	if n := published(); n != 31 {
		t.Errorf("%d jobs published after the close, want 31", n)
	}
	if code, out, errs := cli(t, nil, "plan", "--config", config, "--detailed-exitcode"); code != exitOK {
		t.Fatalf("plan after the close: exit %d, want 0\n%s\n%s", code, out, errs)
	}
	for id, before := range human {
		if after := sim.Snapshot(id); string(after) != string(before) {
			t.Errorf("job %s, made before jobsync ran, changed:\n%s\n→\n%s", id, before, after)
		}
	}
}

// A wrong key: the CLI's error names the variable to fix and never shows
// the key; debug logs of a sync do not either.
func TestSmartRecruitersKeyStaysSecret(t *testing.T) {
	sim := smartrecruiterssim.New(smartrecruiterssim.Options{RateLimit: 100000, PublicationLimit: 100000})
	setSimEnv(t, sim)
	config, _ := srWorkspace(t)
	_, out, errs := cli(t, nil, "sync", "--config", config, "--log-level", "debug")
	if strings.Contains(out+errs, sim.APIKey()) {
		t.Error("a debug sync printed the API key")
	}
	t.Setenv("JOBSYNC_SIM_API_KEY", "DCRA1-wrong-key-value-0000000000000000")
	code, out, errs := cli(t, nil, "plan", "--config", config)
	if code != exitError || strings.Contains(out+errs, "wrong-key-value") || !strings.Contains(errs, "401") || !strings.Contains(errs, "JOBSYNC_SIM_API_KEY") {
		t.Errorf("wrong key: exit %d, stderr:\n%s", code, errs)
	}
}

// jobsync simulate smartrecruiters prints the board's base URL and API key,
// and serves the API there.
func TestSimulateSmartRecruiters(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	pr, pw := io.Pipe()
	a := newApp(pw, io.Discard)
	done := make(chan int)
	go func() {
		done <- a.execute(ctx, []string{"simulate", "smartrecruiters", "--log-level", "error"})
		pw.Close()
	}()
	var keys []string
	env := map[string]string{}
	sc := bufio.NewScanner(pr)
	for len(keys) < 2 && sc.Scan() {
		k, v, _ := strings.Cut(sc.Text(), "=")
		keys, env[k] = append(keys, k), v
	}
	go io.Copy(io.Discard, pr)
	if want := []string{"JOBSYNC_SMARTRECRUITERS_BASE_URL", "JOBSYNC_SMARTRECRUITERS_API_KEY"}; !slices.Equal(keys, want) {
		t.Fatalf("printed %v, want %v", keys, want)
	}
	req, _ := http.NewRequest(http.MethodGet, env["JOBSYNC_SMARTRECRUITERS_BASE_URL"]+"/jobs", nil)
	req.Header.Set("X-SmartToken", env["JOBSYNC_SMARTRECRUITERS_API_KEY"])
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || resp.Header.Get("X-RateLimit-Limit") != "10" {
		t.Errorf("GET /jobs with the printed key: %d %v", resp.StatusCode, resp.Header)
	}
	cancel()
	if code := <-done; code != 0 {
		t.Errorf("simulate exited %d", code)
	}
}
