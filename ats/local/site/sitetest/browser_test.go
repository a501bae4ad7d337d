package sitetest

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/jobsync/jobsync/ats"
	"github.com/jobsync/jobsync/ats/local"
	"github.com/jobsync/jobsync/ats/local/site"
	"github.com/jobsync/jobsync/config"
	"github.com/jobsync/jobsync/posting"
	"github.com/jobsync/jobsync/source"
)

// chromiumPath finds Chromium, or skips the test; in CI a missing Chromium
// fails it, so that a broken install cannot pass for a green run.
func chromiumPath(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") != "" {
		t.Fatal("Chromium is not installed, and CI needs the browser tests: .ci/run installs Debian's chromium")
	}
	t.Skip("Chromium is not installed (apt-get install chromium); skipping the browser tests")
	return ""
}

// published is the README's example, published once for every test of the
// package (a hundred creates, each fsynced, take a while): the folder, the
// postings by page path, and the closed one's.
type published struct {
	dir        string
	byPath     map[string]posting.Posting
	closedPath string
}

var (
	shared     published
	sharedErr  error
	sharedOnce sync.Once
)

// TestMain removes the shared folder after the tests.
func TestMain(m *testing.M) {
	code := m.Run()
	if shared.dir != "" {
		_ = os.RemoveAll(shared.dir)
	}
	os.Exit(code)
}

// board returns the shared published example. A test that changes the
// folder must not run in parallel with one that reads it.
func board(t *testing.T) (dir string, byPath map[string]posting.Posting, closedPath string) {
	t.Helper()
	sharedOnce.Do(func() {
		shared.dir, sharedErr = os.MkdirTemp("", "jobsync-site-")
		if sharedErr == nil {
			sharedErr = publish(&shared)
		}
	})
	if sharedErr != nil {
		t.Fatal(sharedErr)
	}
	return shared.dir, shared.byPath, shared.closedPath
}

// publish publishes the README's example to a local board in p.dir and
// closes one posting.
func publish(p *published) error {
	cfg, err := config.Load(filepath.Join("..", "..", "..", "..", "examples", "jobsync.yaml"))
	if err != nil {
		return err
	}
	var fams []posting.Family
	for _, s := range cfg.Sources {
		data, err := os.ReadFile(s.Path)
		if err != nil {
			return err
		}
		f, err := source.Parse(s.Path, data, source.Options{BaseURL: s.BaseURL})
		if err != nil {
			return err
		}
		fams = append(fams, f)
	}
	postings, err := posting.Compose(fams, cfg.Openings, posting.ComposeOptions{
		Company: cfg.Company.Name, CompanyURL: cfg.Company.URL, ApplyURL: cfg.Company.ApplyURL, ApplyEmail: cfg.Company.ApplyEmail,
	})
	if err != nil {
		return err
	}
	dir := p.dir
	lb, _ := cfg.Board("local")
	opts, err := ats.Decoded[local.Config](lb.Options)
	if err != nil {
		return err
	}
	b, err := local.New("local", dir, local.WithSite(opts.SiteURL, opts.FeedEmail))
	if err != nil {
		return err
	}
	ctx := context.Background()
	unlock, err := b.Lock(ctx)
	if err != nil {
		return err
	}
	p.byPath = map[string]posting.Posting{}
	for i, post := range postings {
		r, err := b.Create(ctx, post)
		if err != nil {
			return err
		}
		path := "postings/" + r.ID + ".html"
		if i == len(postings)-1 {
			if err := b.Close(ctx, r.ID); err != nil {
				return err
			}
			p.closedPath = path
			continue
		}
		p.byPath[path] = post
	}
	return unlock()
}

// browser starts headless Chromium with a fresh profile and the flags this
// closed network needs, and collects console errors and uncaught
// exceptions of every page it opens.
func browser(t *testing.T) (context.Context, func() []string) {
	t.Helper()
	path := chromiumPath(t)
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.Flag("headless", true),
		chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("no-default-browser-check", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1200, 900),
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	t.Cleanup(cancel)
	alloc, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	t.Cleanup(cancelAlloc)
	// The listener runs on the goroutine that reads the browser's messages,
	// before the command that follows an event returns: a console error is
	// recorded by the time the page's next action is done.
	var mu sync.Mutex
	var errs []string
	listen := func(ev any) {
		mu.Lock()
		defer mu.Unlock()
		switch e := ev.(type) {
		case *runtime.EventConsoleAPICalled:
			if e.Type == runtime.ConsoleAPICalledTypeError || e.Type == runtime.ConsoleAPICalledTypeAssert {
				var args []string
				for _, a := range e.Args {
					args = append(args, string(a.Value)+a.Description)
				}
				errs = append(errs, "console: "+strings.Join(args, " "))
			}
		case *runtime.EventExceptionThrown:
			errs = append(errs, "exception: "+e.ExceptionDetails.Text)
		case *cdplog.EventEntryAdded:
			if e.Entry.Level == cdplog.EntryLevelError {
				errs = append(errs, "log: "+e.Entry.Text+" "+e.Entry.URL)
			}
		}
	}
	bctx, cancelBrowser := chromedp.NewContext(alloc, chromedp.WithListener(listen))
	t.Cleanup(cancelBrowser)
	return bctx, func() []string {
		mu.Lock()
		defer mu.Unlock()
		return slices.Clone(errs)
	}
}

type row struct {
	Dept, Family, Href, Title string
	Visible                   bool
}

const rowsJS = `Array.from(document.querySelectorAll("[data-search]")).map(li => ({
	Dept: li.closest("section.group").parentElement.closest("section.group").querySelector("h2").textContent,
	Family: li.closest("section.group").querySelector("h3").textContent,
	Href: li.querySelector("a").getAttribute("href"),
	Title: li.querySelector("a").textContent,
	Visible: li.offsetParent !== null,
}))`

// TestBrowser reads the published site the way a visitor does.
func TestBrowser(t *testing.T) {
	dir, byPath, closedPath := board(t)
	ctx, consoleErrors := browser(t)
	srv := httptest.NewServer(http.FileServer(http.Dir(dir)))
	t.Cleanup(srv.Close)
	artifacts := filepath.Join("testdata", "artifacts")
	if err := os.MkdirAll(artifacts, 0o755); err != nil {
		t.Fatal(err)
	}

	// The index lists every open posting once, grouped by department and
	// family, ordered by level.
	if err := chromedp.Do(ctx,
		chromedp.Navigate(srv.URL+"/index.html"),
		chromedp.WaitVisible(chromedp.ID("q")), // the filter shows once its script ran
	); err != nil {
		t.Fatal(err)
	}
	rows := evaluate[[]row](t, ctx, rowsJS)
	checkShape(t, ctx, "index.html")
	shot, err := chromedp.Run(ctx, chromedp.FullScreenshot(80))
	if err != nil {
		t.Fatal(err)
	}
	writeArtifact(t, artifacts, "index.png", shot)
	if len(rows) != len(byPath) {
		t.Errorf("the index lists %d postings, want the %d open ones", len(rows), len(byPath))
	}
	seen := map[string]bool{}
	last := map[string]posting.Grade{}
	for _, r := range rows {
		p, ok := byPath[r.Href]
		switch {
		case !ok:
			t.Errorf("the index links %s, not an open posting", r.Href)
			continue
		case seen[r.Href]:
			t.Errorf("%s listed twice", r.Href)
		case r.Title != p.Title || r.Dept != p.Department || r.Family != p.FamilyTitle:
			t.Errorf("%s listed as %q in %s / %s, want %q in %s / %s", r.Href, r.Title, r.Dept, r.Family, p.Title, p.Department, p.FamilyTitle)
		case p.Grade < last[r.Family]:
			t.Errorf("%s (grade %v) after grade %v: not ordered by level", r.Title, p.Grade, last[r.Family])
		}
		seen[r.Href] = true
		last[r.Family] = p.Grade
	}

	// The filter narrows the list, and clearing it brings every row back.
	const query = "principal verify"
	var want int
	for _, p := range byPath {
		if t := strings.ToLower(p.Title); strings.Contains(t, "principal") && strings.Contains(t, "verify") {
			want++
		}
	}
	if err := chromedp.Do(ctx, chromedp.SendKeys(chromedp.ID("q"), query)); err != nil {
		t.Fatal(err)
	}
	shown := evaluate[[]row](t, ctx, rowsJS)
	evaluate[bool](t, ctx, `(() => { const q = document.getElementById("q"); q.value = ""; return q.dispatchEvent(new Event("input")); })()`)
	cleared := evaluate[[]row](t, ctx, rowsJS)
	visible := 0
	for _, r := range shown {
		if r.Visible {
			visible++
			if !strings.Contains(strings.ToLower(r.Title), "verify") {
				t.Errorf("filter %q shows %q", query, r.Title)
			}
		}
	}
	if visible != want || want == 0 {
		t.Errorf("filter %q shows %d postings, want %d", query, visible, want)
	}
	if n := countVisible(cleared); n != len(byPath) {
		t.Errorf("after clearing the filter %d postings show, want %d", n, len(byPath))
	}

	// Every open posting's page carries JSON-LD that parses and passes the
	// validator: the browser fetches and parses every page (DOMParser, from
	// the index), and opens every 16th, whose console must stay quiet too.
	paths := make([]string, 0, len(byPath))
	for p := range byPath {
		paths = append(paths, p)
	}
	slices.Sort(paths)
	pathsJSON, err := json.Marshal(paths)
	if err != nil {
		t.Fatal(err)
	}
	all := evaluate[[][]string](t, ctx, `Promise.all(`+string(pathsJSON)+`.map(p => fetch(p).then(r => r.text()).then(html => {
		const doc = new DOMParser().parseFromString(html, "text/html");
		return Array.from(doc.querySelectorAll('script[type="application/ld+json"]')).map(s => s.textContent);
	})))`, chromedp.EvalAwaitPromise)
	for i, path := range paths {
		if len(all[i]) != 1 {
			t.Errorf("%s: %d JSON-LD scripts, want 1", path, len(all[i]))
			continue
		}
		checkJSONLD(t, path, all[i][0])
	}
	for i := 0; i < len(paths); i += 16 {
		path := paths[i]
		if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/"+path)); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		if i == 0 {
			page, err := chromedp.Run(ctx, chromedp.FullScreenshot(80))
			if err != nil {
				t.Fatal(err)
			}
			writeArtifact(t, artifacts, "posting.png", page)
			checkShape(t, ctx, path)
		}
		scripts := evaluate[[]string](t, ctx, `Array.from(document.querySelectorAll('script[type="application/ld+json"]')).map(s => s.textContent)`)
		if len(scripts) != 1 {
			t.Errorf("%s: %d JSON-LD scripts in the opened page, want 1", path, len(scripts))
			continue
		}
		checkJSONLD(t, path, scripts[0])
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/"+closedPath)); err != nil {
		t.Fatal(err)
	}
	scripts := evaluate[int](t, ctx, `document.querySelectorAll('script[type="application/ld+json"]').length`)
	robots := evaluate[string](t, ctx, `(document.querySelector('meta[name="robots"]') || {}).content || ""`)
	closed := evaluate[string](t, ctx, `(document.querySelector(".closed") || {}).textContent || ""`)
	checkShape(t, ctx, closedPath)
	if !strings.Contains(closed, "This position is closed") {
		t.Errorf("the closed page says %q", closed)
	}
	if scripts != 0 || robots != "noindex" {
		t.Errorf("the closed page has %d JSON-LD scripts and robots %q; want none and noindex", scripts, robots)
	}
	if errs := consoleErrors(); len(errs) > 0 {
		t.Errorf("console errors:\n%s", strings.Join(errs, "\n"))
	}
}

// checkJSONLD checks one page's JSON-LD: it parses, and the validator
// finds nothing required missing.
func checkJSONLD(t *testing.T, path, data string) {
	t.Helper()
	var v map[string]any
	if err := json.Unmarshal([]byte(data), &v); err != nil {
		t.Errorf("%s: JSON-LD does not parse: %v", path, err)
		return
	}
	for _, p := range site.Check([]byte(data), time.Now()) {
		if p.Required {
			t.Errorf("%s: %s", path, p)
		}
	}
}

// evaluate runs a JavaScript expression in the page and returns its value.
func evaluate[T any](t *testing.T, ctx context.Context, expr string, opts ...chromedp.EvaluateOption) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr, opts...))
	if err != nil {
		t.Fatalf("%s: %v", expr, err)
	}
	return v
}

func countVisible(rows []row) int {
	n := 0
	for _, r := range rows {
		if r.Visible {
			n++
		}
	}
	return n
}

func writeArtifact(t *testing.T, dir, name string, data []byte) {
	t.Helper()
	if len(data) == 0 {
		t.Errorf("%s: empty screenshot", name)
		return
	}
	if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
		t.Error(err)
	}
	t.Logf("screenshot: %s", filepath.Join("ats", "local", "site", "sitetest", dir, name))
}
