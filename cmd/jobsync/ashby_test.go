package main

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"net/http"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/jobsync/jobsync/ats"
	"github.com/jobsync/jobsync/ats/ashby/ashbysim"
)

// ashbyWorkspace is examples/ashby.yaml on a copy of the page it reads,
// its board renamed "sim" and its pace raised for a simulator with a
// raised limit.
func ashbyWorkspace(t *testing.T) (config, page string) {
	t.Helper()
	dir := t.TempDir()
	page = filepath.Join(dir, "product-manager.md")
	writeFile(t, page, readFile(t, filepath.Join("..", "..", "testdata", "product-manager.md")))
	data := readFile(t, filepath.Join("..", "..", "examples", "ashby.yaml"))
	for old, new := range map[string]string{
		"../testdata/product-manager.md":     page,
		"  - name: ashby\n    type: ashby\n": "  - name: sim\n    type: ashby\n    rate_limit: 1000000\n",
	} {
		if !strings.Contains(data, old) {
			t.Fatalf("examples/ashby.yaml lacks %q", old)
		}
		data = strings.Replace(data, old, new, 1)
	}
	config = filepath.Join(dir, "ashby.yaml")
	writeFile(t, config, data)
	return config, page
}

// The README's flow against the Ashby simulator, through the CLI: the first
// sync creates and publishes, a second plan has nothing to do, a changed
// requirement updates exactly the postings that carry it, a removed
// specialty unpublishes its posting, and the postings people made are never
// touched.
func TestAshbyFlowAgainstSimulator(t *testing.T) {
	sim := ashbysim.New(ashbysim.Options{RateLimit: 1 << 20})
	setSimEnv(t, sim)
	human := map[string][]byte{}
	for _, id := range sim.HumanPostings() {
		human[id] = sim.Snapshot(id)
	}
	config, page := ashbyWorkspace(t)
	flow(t, config, 32) // 28 Principal + 3 more Govern + 1 Senior Verify (CI)
	published := func() (n int) {
		for _, p := range sim.Postings() {
			if _, made := human[p.ID]; !made && p.Status == "Published" {
				n++
			}
		}
		return n
	}
	if n := published(); n != 32 {
		t.Fatalf("%d postings published after the first sync, want 32", n)
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
	for _, p := range sim.Postings() {
		if strings.HasSuffix(p.Title, ", Govern") && !strings.Contains(p.DescriptionParts.DescriptionBody.HTML, "SIEM, cloud and operational security") {
			t.Errorf("posting %s (%s) lacks the changed requirement", p.ID, p.Title)
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
		t.Errorf("%d postings published after the close, want 31", n)
	}
	if code, out, errs := cli(t, nil, "plan", "--config", config, "--detailed-exitcode"); code != exitOK {
		t.Fatalf("plan after the close: exit %d, want 0\n%s\n%s", code, out, errs)
	}
	for id, before := range human {
		if after := sim.Snapshot(id); !bytes.Equal(after, before) {
			t.Errorf("posting %s, made before jobsync ran, changed:\n%s\n→\n%s", id, before, after)
		}
	}
}

// A wrong key: the CLI's error names the variable to fix and never shows
// the key; debug logs of a sync do not either.
func TestAshbyKeyStaysSecret(t *testing.T) {
	sim := ashbysim.New(ashbysim.Options{RateLimit: 1 << 20, APIKey: "ashby-live-key-4f1c9a"})
	setSimEnv(t, sim)
	config, _ := ashbyWorkspace(t)
	_, out, errs := cli(t, nil, "sync", "--config", config, "--log-level", "debug")
	if strings.Contains(out+errs, sim.APIKey()) {
		t.Error("a debug sync printed the API key")
	}
	t.Setenv("JOBSYNC_SIM_API_KEY", "ashby-wrong-key-value-0000")
	code, out, errs := cli(t, nil, "plan", "--config", config)
	if code != exitError || strings.Contains(out+errs, "wrong-key-value") || !strings.Contains(errs, "403") || !strings.Contains(errs, "JOBSYNC_SIM_API_KEY") {
		t.Errorf("wrong key: exit %d, stderr:\n%s", code, errs)
	}
}

// jobsync simulate ashby prints the board's base URL and API key, and
// serves the API there.
func TestSimulateAshby(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	pr, pw := io.Pipe()
	a := newApp(pw, io.Discard)
	done := make(chan int)
	go func() {
		done <- a.execute(ctx, []string{"simulate", "ashby", "--log-level", "error"})
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
	if want := []string{"JOBSYNC_ASHBY_BASE_URL", "JOBSYNC_ASHBY_API_KEY"}; !slices.Equal(keys, want) {
		t.Fatalf("printed %v, want %v", keys, want)
	}
	req, _ := http.NewRequest(http.MethodPost, env["JOBSYNC_ASHBY_BASE_URL"]+"/jobPosting.list", strings.NewReader("{}"))
	req.Header.Set("Content-Type", "application/json")
	req.SetBasicAuth(env["JOBSYNC_ASHBY_API_KEY"], "")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || resp.Header.Get("Ashby-Version") != ashbysim.Version {
		t.Errorf("jobPosting.list with the printed key: %d %v", resp.StatusCode, resp.Header)
	}
	cancel()
	if code := <-done; code != 0 {
		t.Errorf("simulate exited %d", code)
	}
}
