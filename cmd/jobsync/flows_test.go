package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/jobsync/jobsync/ats"
	"github.com/jobsync/jobsync/ats/ashby/ashbysim"
	"github.com/jobsync/jobsync/ats/greenhouse/greenhousesim"
	"github.com/jobsync/jobsync/ats/lever/leversim"
	"github.com/jobsync/jobsync/ats/smartrecruiters/smartrecruiterssim"
	"github.com/jobsync/jobsync/ats/teamtailor/teamtailorsim"
)

// simPosting is a posting as a simulator holds it, for the flow tests.
type simPosting struct {
	id, title string
	live      bool   // published, open: what candidates see
	text      string // the field the requirements are written to
}

// simBoard is how the CLI tests drive one board type's simulator.
type simBoard struct {
	config string               // added under the board in its example config: a pace for a raised limit
	sim    func() ats.Simulator // with a limit the tests never meet
	// postings returns every posting on the board.
	postings func(ats.Simulator) []simPosting
	// snapshots returns everything on the board, each as bytes that change
	// when it changes, by id: taken before jobsync runs, what people made.
	snapshots func(ats.Simulator) map[string]string
	// secrets returns what no output may show: keys, tokens.
	secrets func(ats.Simulator) []string
	// secretVar is the board's variable for its key (JOBSYNC_SIM_<it>),
	// wrongSecret a refused value, and refused what the refusal says.
	secretVar, wrongSecret, refused string

	// simulate's variables (JOBSYNC_<BOARD>_<name>, in order), a path
	// answered 401 without credentials, and an authorised request with a
	// header its answer carries (none for a board that wants a token
	// exchange first).
	envNames   []string
	probe      string
	signed     func(env func(name string) string) *http.Request
	wantHeader [2]string
}

// simBoards has a row for every board type with a simulator
// (TestFlowAgainstSimulators fails for a type without one).
var simBoards = map[string]simBoard{
	"ashby": {
		config: "    rate_limit: 1000000\n",
		sim:    func() ats.Simulator { return ashbysim.New(ashbysim.Options{RateLimit: 1 << 20}) },
		postings: func(s ats.Simulator) (out []simPosting) {
			for _, p := range s.(*ashbysim.Server).Postings() {
				out = append(out, simPosting{p.ID, p.Title, p.Status == "Published", p.DescriptionParts.DescriptionBody.HTML})
			}
			return out
		},
		snapshots: func(s ats.Simulator) map[string]string {
			out := map[string]string{}
			for _, p := range s.(*ashbysim.Server).Postings() {
				out[p.ID] = string(s.(*ashbysim.Server).Snapshot(p.ID))
			}
			return out
		},
		secrets:   func(s ats.Simulator) []string { return []string{s.(*ashbysim.Server).APIKey()} },
		secretVar: "API_KEY", wrongSecret: "ashby-wrong-key-value-0000", refused: "403",
		envNames: []string{"BASE_URL", "API_KEY"},
		probe:    "/jobPosting.list",
		signed: func(env func(string) string) *http.Request {
			req, _ := http.NewRequest(http.MethodPost, env("BASE_URL")+"/jobPosting.list", strings.NewReader("{}"))
			req.Header.Set("Content-Type", "application/json")
			req.SetBasicAuth(env("API_KEY"), "")
			return req
		},
		wantHeader: [2]string{"Ashby-Version", ashbysim.Version},
	},
	"greenhouse": {
		sim: func() ats.Simulator {
			return greenhousesim.New(greenhousesim.Options{RateLimit: 1000, Window: time.Second, ClientSecret: "s3cr3t-client-value"})
		},
		postings: func(s ats.Simulator) (out []simPosting) {
			for _, p := range s.(*greenhousesim.Server).Posts() {
				if !p.Internal { // a copied job's internal post is the template's, not jobsync's
					out = append(out, simPosting{fmt.Sprint(p.ID), p.Title, p.Live, p.Content})
				}
			}
			return out
		},
		snapshots: func(s ats.Simulator) map[string]string {
			out := map[string]string{}
			for _, j := range s.(*greenhousesim.Server).Jobs() {
				out[fmt.Sprint(j.ID)] = string(s.(*greenhousesim.Server).Snapshot(j.ID))
			}
			return out
		},
		secrets: func(s ats.Simulator) []string {
			gh := s.(*greenhousesim.Server)
			return append(gh.AccessTokens(), gh.ClientSecret())
		},
		secretVar: "CLIENT_SECRET", wrongSecret: "wrong-secret-value", refused: "401",
		envNames: []string{"BASE_URL", "CLIENT_ID", "CLIENT_SECRET", "USER_ID", "TEMPLATE_JOB_ID"},
		probe:    "/jobs",
	},
	"lever": {
		sim: func() ats.Simulator { return leversim.New(leversim.Options{}) }, // the board paces itself to Lever's 10/s
		postings: func(s ats.Simulator) (out []simPosting) {
			for _, p := range s.(*leversim.Server).Postings() {
				content, _ := json.Marshal(p.Content)
				out = append(out, simPosting{p.ID, p.Text, p.State == "published", string(content)})
			}
			return out
		},
		snapshots: func(s ats.Simulator) map[string]string {
			out := map[string]string{}
			for _, p := range s.(*leversim.Server).Postings() {
				data, _ := json.Marshal(p)
				out[p.ID] = string(data)
			}
			return out
		},
		secrets:   func(s ats.Simulator) []string { return []string{s.(*leversim.Server).APIKey()} },
		secretVar: "API_KEY", wrongSecret: "lever-wrong-key-value-0000", refused: "401",
		envNames: []string{"BASE_URL", "API_KEY", "PERFORM_AS"},
		probe:    "/postings",
		signed: func(env func(string) string) *http.Request {
			req, _ := http.NewRequest(http.MethodGet, env("BASE_URL")+"/postings", nil)
			req.SetBasicAuth(env("API_KEY"), "")
			return req
		},
	},
	"smartrecruiters": {
		// The real limits make the first sync of 32 postings take 17 s.
		config: "    rate_limit: 100000\n    publication_rate_limit: 100000\n",
		sim: func() ats.Simulator {
			return smartrecruiterssim.New(smartrecruiterssim.Options{RateLimit: 100000, PublicationLimit: 100000})
		},
		postings: func(s ats.Simulator) (out []simPosting) {
			for _, j := range s.(*smartrecruiterssim.Server).Jobs() {
				text := ""
				if q := j.JobAd.Sections.Qualifications; q != nil {
					text = q.Text
				}
				out = append(out, simPosting{j.ID, j.Title, j.PostingStatus == "PUBLIC", text})
			}
			return out
		},
		snapshots: func(s ats.Simulator) map[string]string {
			out := map[string]string{}
			for _, j := range s.(*smartrecruiterssim.Server).Jobs() {
				out[j.ID] = string(s.(*smartrecruiterssim.Server).Snapshot(j.ID))
			}
			return out
		},
		secrets:   func(s ats.Simulator) []string { return []string{s.(*smartrecruiterssim.Server).APIKey()} },
		secretVar: "API_KEY", wrongSecret: "DCRA1-wrong-key-value-0000000000000000", refused: "401",
		envNames: []string{"BASE_URL", "API_KEY"},
		probe:    "/jobs",
		signed: func(env func(string) string) *http.Request {
			req, _ := http.NewRequest(http.MethodGet, env("BASE_URL")+"/jobs", nil)
			req.Header.Set("X-SmartToken", env("API_KEY"))
			return req
		},
		wantHeader: [2]string{"X-RateLimit-Limit", "10"},
	},
	"teamtailor": {
		sim: func() ats.Simulator { return teamtailorsim.New(teamtailorsim.Options{RateLimit: 100000}) },
		postings: func(s ats.Simulator) (out []simPosting) {
			for _, j := range s.(*teamtailorsim.Server).Jobs() {
				out = append(out, simPosting{j.ID, j.Attributes.Title, j.Attributes.Status == "open", j.Attributes.Body})
			}
			return out
		},
		snapshots: func(s ats.Simulator) map[string]string {
			out := map[string]string{}
			for _, j := range s.(*teamtailorsim.Server).Jobs() {
				out[j.ID] = s.(*teamtailorsim.Server).Snapshot(j.ID)
			}
			return out
		},
		secrets:   func(s ats.Simulator) []string { return []string{s.(*teamtailorsim.Server).APIKey()} },
		secretVar: "API_KEY", wrongSecret: "tt-wrong-key-value-000000", refused: "401",
		envNames: []string{"BASE_URL", "API_KEY", "USER_ID"},
		probe:    "/jobs",
		signed: func(env func(string) string) *http.Request {
			req, _ := http.NewRequest(http.MethodGet, env("BASE_URL")+"/jobs", nil)
			req.Header.Set("Authorization", "Token token="+env("API_KEY"))
			req.Header.Set("X-Api-Version", "20210218")
			return req
		},
		wantHeader: [2]string{"X-Rate-Limit-Limit", "50"},
	},
}

// boardWorkspace is examples/<kind>.yaml on a copy of the page it reads,
// its board renamed "sim" with extra (a pace) added under it.
func boardWorkspace(t *testing.T, kind, extra string) (config, page string) {
	t.Helper()
	dir := t.TempDir()
	page = filepath.Join(dir, "product-manager.md")
	writeFile(t, page, readFile(t, filepath.Join("..", "..", "testdata", "product-manager.md")))
	example := kind + ".yaml"
	data := readFile(t, filepath.Join("..", "..", "examples", example))
	board := "  - name: " + kind + "\n    type: " + kind + "\n"
	for old, new := range map[string]string{
		"../testdata/product-manager.md": page,
		board:                            "  - name: sim\n    type: " + kind + "\n" + extra,
	} {
		if !strings.Contains(data, old) {
			t.Fatalf("examples/%s lacks %q", example, old)
		}
		data = strings.Replace(data, old, new, 1)
	}
	config = filepath.Join(dir, example)
	writeFile(t, config, data)
	return config, page
}

// The README's flow against every board's simulator, through the CLI: the
// first plan creates beside the postings people made, the sync (logging at
// debug, which shows no secret) publishes, a second plan has nothing to do,
// a changed requirement updates exactly the postings that carry it, a
// removed specialty takes its posting off the board, and the postings
// people made are never touched. Then a refused key: the error names the
// variable to fix and never shows the value.
func TestFlowAgainstSimulators(t *testing.T) {
	for _, k := range ats.Kinds() {
		if k.Simulator == nil {
			continue
		}
		b, ok := simBoards[k.Name]
		if !ok {
			t.Errorf("board type %s has a simulator and no row in simBoards", k.Name)
			continue
		}
		t.Run(k.Name, func(t *testing.T) { testFlow(t, k.Name, b) })
	}
}

func testFlow(t *testing.T, kind string, b simBoard) {
	sim := b.sim()
	setSimEnv(t, sim)
	people := b.snapshots(sim)
	theirs := map[string]bool{} // the postings people made
	for _, p := range b.postings(sim) {
		theirs[p.id] = true
	}
	config, page := boardWorkspace(t, kind, b.config)
	noSecrets := func(what, printed string) {
		t.Helper()
		for _, s := range b.secrets(sim) {
			if strings.Contains(printed, s) {
				t.Errorf("%s at debug printed a secret", what)
			}
		}
	}
	live := func() (n int) {
		for _, p := range b.postings(sim) {
			if !theirs[p.id] && p.live {
				n++
			}
		}
		return n
	}

	// plan, sync, a second plan with nothing to do.
	s, _, errs := planActions(t, config, "--log-level", "debug")
	noSecrets("plan", errs)
	if s.Create != 32 || s.Unmanaged == 0 { // 28 Principal + 3 more Govern + 1 Senior Verify (CI)
		t.Fatalf("first plan: %+v, want 32 creates beside the simulator's hand-made postings", s)
	}
	code, out, errs := cli(t, nil, "sync", "--config", config, "--log-level", "debug")
	noSecrets("sync", out+errs)
	if code != exitOK {
		t.Fatalf("sync: exit %d\n%s\n%s", code, lastLines(out, 3), errs)
	}
	if code, out, errs := cli(t, nil, "plan", "--config", config, "--detailed-exitcode"); code != exitOK {
		t.Fatalf("plan after sync: exit %d, want 0 (in sync)\n%s\n%s", code, out, errs)
	}
	if n := live(); n != 32 {
		t.Fatalf("%d postings live after the first sync, want 32", n)
	}

	// A requirement of one specialty: its four levels change, nothing else.
	editFile(t, page, "- Strong understanding of SIEM and operational security", "- Strong understanding of SIEM, cloud and operational security")
	s, keys, _ := planActions(t, config)
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
	for _, p := range b.postings(sim) {
		if strings.HasSuffix(p.title, ", Govern") && !strings.Contains(p.text, "SIEM, cloud and operational security") {
			t.Errorf("posting %s (%s) lacks the changed requirement", p.id, p.title)
		}
	}

	// A removed specialty: its posting is taken off the board.
	data := readFile(t, page)
	start, end := strings.Index(data, "### Release (CD)\n"), strings.Index(data, "### Configure\n")
	if start < 0 || end < start {
		t.Fatal("the page's Release (CD) specialty is not where the test expects it")
	}
	writeFile(t, page, data[:start]+data[end:])
	s, keys, _ = planActions(t, config)
	if s.Close != 1 || s.Create+s.Update+s.Drift != 0 || keys[ats.OpClose][0] != "product-manager/principal-product-manager/release-cd" {
		t.Fatalf("plan after removing a specialty: %+v, closes %v", s, keys[ats.OpClose])
	}
	if code, out, errs := cli(t, nil, "sync", "--config", config); code != exitOK || !strings.Contains(out, "1 closed") {
		t.Fatalf("sync: exit %d\n%s\n%s", code, out, errs)
	}
	if n := live(); n != 31 {
		t.Errorf("%d postings live after the close, want 31", n)
	}
	if code, out, errs := cli(t, nil, "plan", "--config", config, "--detailed-exitcode"); code != exitOK {
		t.Fatalf("plan after the close: exit %d, want 0\n%s\n%s", code, out, errs)
	}
	after := b.snapshots(sim)
	for id, before := range people {
		if after[id] != before {
			t.Errorf("%s, made before jobsync ran, changed:\n%s\n→\n%s", id, before, after[id])
		}
	}

	// A refused key: the error says what to fix, without the value.
	variable := "JOBSYNC_SIM_" + b.secretVar
	t.Setenv(variable, b.wrongSecret)
	code, out, errs = cli(t, nil, "plan", "--config", config)
	if code != exitError || strings.Contains(out+errs, b.wrongSecret) || !strings.Contains(errs, b.refused) || !strings.Contains(errs, variable) {
		t.Errorf("wrong %s: exit %d, want 1 with %s and the variable's name, not its value; stderr:\n%s", variable, code, b.refused, errs)
	}
}

// planActions runs plan --format json (with more flags) and returns its
// summary, the keys of each kind of action, and its stderr.
func planActions(t *testing.T, config string, more ...string) (ats.Summary, map[ats.Op][]string, string) {
	t.Helper()
	code, out, errs := cli(t, nil, append([]string{"plan", "--config", config, "--format", "json"}, more...)...)
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
	return p.Summary, keys, errs
}

func editFile(t *testing.T, path, old, new string) {
	t.Helper()
	data := readFile(t, path)
	if !strings.Contains(data, old) {
		t.Fatalf("%s lacks %q", path, old)
	}
	writeFile(t, path, strings.Replace(data, old, new, 1))
}

// A Teamtailor API version the API refuses (406): the error names the
// config key to fix.
func TestTeamtailorAPIVersionRefused(t *testing.T) {
	setSimEnv(t, teamtailorsim.New(teamtailorsim.Options{RateLimit: 100000}))
	config, _ := boardWorkspace(t, "teamtailor", "    api_version: \"20150101\"\n")
	code, _, errs := cli(t, nil, "plan", "--config", config)
	if code != exitError || !strings.Contains(errs, "406") || !strings.Contains(errs, "api_version in board sim's config") {
		t.Errorf("wrong version: exit %d, stderr:\n%s", code, errs)
	}
}

// jobsync simulate TYPE, for every type with a simulator, prints the
// board's variables named after --board and serves the API there until its
// context ends: without credentials a request is refused (401); with the
// printed ones it is answered, with the service's headers.
func TestSimulatePrintsEnvAndServes(t *testing.T) {
	t.Parallel()
	for _, k := range ats.Kinds() {
		b, ok := simBoards[k.Name]
		if k.Simulator == nil || !ok {
			continue // TestFlowAgainstSimulators names a type without a row
		}
		t.Run(k.Name, func(t *testing.T) {
			t.Parallel()
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			pr, pw := io.Pipe()
			a := newApp(pw, io.Discard)
			done := make(chan int)
			go func() {
				done <- a.execute(ctx, []string{"simulate", k.Name, "--board", "demo-board", "--log-level", "error"})
				pw.Close()
			}()
			var names []string
			env := map[string]string{}
			sc := bufio.NewScanner(pr)
			for len(names) < len(b.envNames) && sc.Scan() {
				name, v, _ := strings.Cut(sc.Text(), "=")
				name = strings.TrimPrefix(name, "JOBSYNC_DEMO_BOARD_")
				names, env[name] = append(names, name), v
			}
			go io.Copy(io.Discard, pr) // the rest of the lines, so the writer never blocks
			if !slices.Equal(names, b.envNames) || !strings.HasPrefix(env["BASE_URL"], "http://127.0.0.1:") {
				t.Fatalf("printed %v (%v), want JOBSYNC_DEMO_BOARD_ and %v", names, env, b.envNames)
			}
			method := http.MethodGet
			if k.Name == "ashby" {
				method = http.MethodPost // every Ashby call is a POST
			}
			req, _ := http.NewRequest(method, env["BASE_URL"]+b.probe, nil)
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != http.StatusUnauthorized {
				t.Errorf("%s %s without credentials: %d, want 401", method, b.probe, resp.StatusCode)
			}
			if b.signed != nil {
				req := b.signed(func(name string) string { return env[name] })
				resp, err := http.DefaultClient.Do(req)
				if err != nil {
					t.Fatal(err)
				}
				resp.Body.Close()
				if h := b.wantHeader; resp.StatusCode != http.StatusOK || h[0] != "" && resp.Header.Get(h[0]) != h[1] {
					t.Errorf("%s %s with the printed credentials: %d %v, want 200 and %s: %s", req.Method, req.URL.Path, resp.StatusCode, resp.Header, h[0], h[1])
				}
			}
			cancel()
			if code := <-done; code != 0 {
				t.Errorf("simulate exited %d after its context ended, want 0", code)
			}
		})
	}
}
