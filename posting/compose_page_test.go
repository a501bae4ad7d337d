package posting_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jobsync/jobsync/ats"
	"github.com/jobsync/jobsync/posting"
	"github.com/jobsync/jobsync/source"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
)

const (
	pagePath = "../testdata/product-manager.md"
	pageBase = "https://handbook.gitlab.com"
)

// baseRequirements are the 19 requirements the page lists for every level.
var baseRequirements = []string{
	"Experience in product management",
	"Strong technically: you understand how software is built, packaged, deployed and operated",
	"Passion for design and usability",
	"Highly independent and pragmatic",
	"Excellent proficiency in English",
	"Excellent communication skills at all levels, including Executive level communication",
	"Use Simple Language and MECEFU Terms to ensure clear and concise communication",
	"You are living wherever you want and are excited about the all remote lifestyle",
	"You share our values, and work in accordance with those values",
	"Have a growth mindset",
	"Trust and empower your development group to deliver great products",
	"Receptive to feedback or coaching",
	"Strong bias for action",
	"You make thoughtful decisions motivated by data and research",
	"You develop strong opinions but are willing to change your mind",
	"Bonus points: Experience with GitLab, Git, and the Git workflows",
	"Bonus points: Experience building DevOps tools",
	"Bonus points: Experience in working with open source projects",
	"Bonus points: Experience engaging with customers in a B2B setting",
}

func readPage(tb testing.TB) []byte {
	tb.Helper()
	data, err := os.ReadFile(pagePath)
	if err != nil {
		tb.Fatal(err)
	}
	return data
}

func parsePage(tb testing.TB, data []byte) posting.Family {
	tb.Helper()
	f, err := source.Parse(pagePath, data, source.Options{BaseURL: pageBase})
	if err != nil {
		tb.Fatal(err)
	}
	return f
}

func TestComposeProductManagerPage(t *testing.T) {
	t.Parallel()
	fam := parsePage(t, readPage(t))
	ps, err := posting.Compose([]posting.Family{fam}, nil, posting.ComposeOptions{Company: "GitLab", CompanyURL: "https://about.gitlab.com"})
	if err != nil {
		t.Fatal(err)
	}
	if len(ps) != 4*28 {
		t.Fatalf("got %d postings, want 4 levels × 28 specialties = 112", len(ps))
	}
	keys := map[string]bool{}
	titles := map[string]bool{}
	for _, p := range ps {
		if keys[p.Key] {
			t.Errorf("key %s repeated", p.Key)
		}
		keys[p.Key] = true
		titles[p.Title] = true
		for _, bad := range []string{"<iframe", "<figure", "<script", "raw HTML", `href="/`, `href="#`, "to be added in a future iteration", "<a id"} {
			if strings.Contains(p.HTML, bad) {
				t.Errorf("%s: HTML holds %q", p.Key, bad)
			}
		}
		if strings.Contains(p.Markdown, "to be added in a future iteration") {
			t.Errorf("%s: markdown holds placeholder text", p.Key)
		}
		text := ats.HTMLText(p.HTML)
		for _, req := range baseRequirements {
			if !strings.Contains(text, "- "+req+"\n") {
				t.Errorf("%s: base requirement %q missing from\n%s", p.Key, req, text)
			}
		}
		if p.Hash != p.ContentHash() {
			t.Errorf("%s: stale hash", p.Key)
		}
		if strings.Contains(p.Markdown, "](/") {
			t.Errorf("%s: markdown holds a relative link", p.Key)
		}
		// The HTML is assembled from pieces rendered once per Compose; it
		// must be what rendering the posting's whole markdown gives.
		if whole := posting.RenderHTML(p.Markdown, pageBase); p.HTML != whole {
			t.Errorf("%s: HTML differs from its rendered markdown", p.Key)
		}
	}
	again, err := posting.Compose([]posting.Family{parsePage(t, readPage(t))}, nil, posting.ComposeOptions{Company: "GitLab", CompanyURL: "https://about.gitlab.com"})
	if err != nil || len(again) != len(ps) {
		t.Fatalf("second Compose: %d postings, %v", len(again), err)
	}
	for i := range ps {
		if again[i].Key != ps[i].Key || again[i].Hash != ps[i].Hash {
			t.Errorf("second run: %s %s, first %s %s", again[i].Key, again[i].Hash, ps[i].Key, ps[i].Hash)
		}
	}
	for _, want := range []string{
		"Senior Product Manager, Verify (CI)",
		"Product Manager, Govern",
		"Principal Product Manager, ModelOps (MLOps)",
		"Senior Principal Product Manager, Platforms - Delivery & Scalability",
	} {
		if !titles[want] {
			t.Errorf("no posting titled %q", want)
		}
	}
	if !keys["product-manager/senior-product-manager/verify-ci"] {
		t.Error("no posting with key product-manager/senior-product-manager/verify-ci")
	}

	for _, key := range []string{
		"product-manager/senior-product-manager/verify-ci",
		"product-manager/senior-principal-product-manager/platforms-delivery-scalability",
		"product-manager/product-manager/govern",
	} {
		for _, p := range ps {
			if p.Key == key {
				checkGolden(t, strings.ReplaceAll(key, "/", "_")+".golden.html", p.HTML)
			}
		}
	}
}

// TestComposeProductManagerOpenings composes the page for openings like the
// example config's.
func TestComposeProductManagerOpenings(t *testing.T) {
	t.Parallel()
	fam := parsePage(t, readPage(t))
	openings := []posting.Opening{
		{Family: "product-manager", Level: "Senior Product Manager", Specialty: "Verify (CI)", Locations: []string{"Remote"},
			Pay: &posting.Pay{Min: 120000, Max: 160000, Currency: "USD"}},
		{Family: "Product Manager", Level: "*", Specialty: "govern"},
		{Family: "product-manager", Level: "Intermediate Product Manager", Specialty: "Fulfillment"},
	}
	ps, err := posting.Compose([]posting.Family{fam}, openings, posting.ComposeOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(ps) != 1+4+1 {
		t.Fatalf("got %d postings, want 6", len(ps))
	}
	if ps[0].Title != "Senior Product Manager, Verify (CI)" || !strings.Contains(ps[0].HTML, "USD 120,000 – 160,000 per year") {
		t.Errorf("first posting: %q\n%s", ps[0].Title, ps[0].HTML)
	}
	if ps[5].Title != "Product Manager, Fulfillment" {
		t.Errorf("the level by its heading: %q", ps[5].Title)
	}
	_, err = posting.Compose([]posting.Family{fam}, []posting.Opening{{Family: "product-manager", Level: "Staff Product Manager"}}, posting.ComposeOptions{})
	if err == nil || !strings.Contains(err.Error(), `"Senior Principal Product Manager" (senior-principal-product-manager)`) {
		t.Errorf("an unknown level: %v", err)
	}
}

func checkGolden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if f := flag.Lookup("update"); f != nil && f.Value.String() == "true" {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from the golden file (run go test -update after checking):\n--- got\n%s\n--- want\n%s", path, got, want)
	}
}

// BenchmarkCompose parses the Product Manager page and composes all 112
// postings, as `jobsync compose PAGE` does.
func BenchmarkCompose(b *testing.B) {
	data := readPage(b)
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		fam, err := source.Parse(pagePath, data, source.Options{BaseURL: pageBase})
		if err != nil {
			b.Fatal(err)
		}
		ps, err := posting.Compose([]posting.Family{fam}, nil, posting.ComposeOptions{Company: "GitLab"})
		if err != nil || len(ps) != 112 {
			b.Fatalf("Compose: %d postings, %v", len(ps), err)
		}
	}
}

// BenchmarkComposeOnly composes the 112 postings of a parsed page.
func BenchmarkComposeOnly(b *testing.B) {
	fam := parsePage(b, readPage(b))
	b.ReportAllocs()
	for b.Loop() {
		ps, err := posting.Compose([]posting.Family{fam}, nil, posting.ComposeOptions{Company: "GitLab"})
		if err != nil || len(ps) != 112 {
			b.Fatalf("Compose: %d postings, %v", len(ps), err)
		}
	}
}

// BenchmarkGoldmarkPage is the yardstick: goldmark alone, with GFM, parsing
// and rendering the page's bytes once.
func BenchmarkGoldmarkPage(b *testing.B) {
	data := readPage(b)
	md := goldmark.New(goldmark.WithExtensions(extension.GFM))
	var buf bytes.Buffer
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		buf.Reset()
		if err := md.Convert(data, &buf); err != nil {
			b.Fatal(err)
		}
	}
}

// A composed posting says its HTML is Compose's (sanitised) until the HTML
// is changed or the posting made otherwise.
func TestHTMLComposed(t *testing.T) {
	t.Parallel()
	ps, err := posting.Compose([]posting.Family{parsePage(t, readPage(t))}, nil, posting.ComposeOptions{})
	if err != nil {
		t.Fatal(err)
	}
	p := ps[0]
	if !p.HTMLComposed() {
		t.Error("a composed posting: HTMLComposed false")
	}
	edited := p
	edited.HTML += "<script>alert(1)</script>"
	if edited.HTMLComposed() {
		t.Error("a posting whose HTML was changed after Compose: HTMLComposed true")
	}
	data, err := json.Marshal(p)
	if err != nil {
		t.Fatal(err)
	}
	var decoded posting.Posting
	if err := json.Unmarshal(data, &decoded); err != nil {
		t.Fatal(err)
	}
	if decoded.HTMLComposed() || (&posting.Posting{HTML: p.HTML}).HTMLComposed() {
		t.Error("a posting not made by Compose: HTMLComposed true")
	}
}
