package lever

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jobsync/jobsync/ats"
	"github.com/jobsync/jobsync/ats/atstest"
	"github.com/jobsync/jobsync/posting"
)

var update = flag.Bool("update", false, "rewrite golden files")

func TestDescriptionHTML(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, md, want string
	}{
		{"paragraph", "Hello world.", "<div>Hello world.</div>"},
		{"two paragraphs", "One.\n\nTwo.", "<div>One.</div><div>Two.</div>"},
		{"soft break", "One\ntwo", "<div>One two</div>"},
		{"hard break", "One  \ntwo", "<div>One<br>two</div>"},
		{"strong and em", "**bold** and *it* and ~~gone~~", "<div><b>bold</b> and <i>it</i> and <s>gone</s></div>"},
		{"code span is plain", "run `make <all>`", "<div>run make &lt;all&gt;</div>"},
		{"http link kept", "[docs](https://example.com/a?b=1&c=2)", `<div><a href="https://example.com/a?b=1&amp;c=2">docs</a></div>`},
		{"javascript link dropped", "[x](javascript:alert(1))", "<div>x</div>"},
		{"relative link dropped", "[x](/handbook/)", "<div>x</div>"},
		{"autolink", "<https://gitlab.com>", `<div><a href="https://gitlab.com">https://gitlab.com</a></div>`},
		{"linkify", "see https://gitlab.com now", `<div>see <a href="https://gitlab.com">https://gitlab.com</a> now</div>`},
		{"email autolink is text", "<jobs@example.com>", "<div>jobs@example.com</div>"},
		{"raw html dropped", "a <iframe src=x></iframe> b", "<div>a  b</div>"},
		{"html block dropped", "<div class=x>raw</div>\n\ntext", "<div>text</div>"},
		{"heading", "## Big *deal*", `<div><span style="font-size: 18px">Big <i>deal</i></span></div>`},
		{"list to bullets", "- one\n- **two**\n  - nested", "<div>- one</div><div>- <b>two</b></div><div>- nested</div>"},
		{"ordered list", "1. first\n2. second", "<div>- first</div><div>- second</div>"},
		{"code block", "```\na < b\nc\n```", "<div>a &lt; b<br>c</div>"},
		{"image alt", "![a chart](https://x/y.png)", "<div>a chart</div>"},
		{"escapes", `5 \* 3 &amp; <b>`, "<div>5 * 3 &amp;</div>"},
		{"table", "| a | b |\n|---|---|\n| 1 | **2** |", "<div>a | b</div><div>1 | <b>2</b></div>"},
		{"rule dropped", "a\n\n---\n\nb", "<div>a</div><div>b</div>"},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := descriptionHTML(tt.md)
			if got != tt.want {
				t.Errorf("descriptionHTML(%q)\n got %q\nwant %q", tt.md, got, tt.want)
			}
			if err := checkLeverHTML(got, false); err != nil {
				t.Error(err)
			}
		})
	}
}

func TestListItemHTML(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, md, want string
	}{
		{"plain", "Own the roadmap.", "<li>Own the roadmap.</li>"},
		{"inline markup", "**Talk** to [users](https://u.example)", `<li><b>Talk</b> to <a href="https://u.example">users</a></li>`},
		{"hard break becomes space", "one  \ntwo", "<li>one two</li>"},
		{"two paragraphs joined", "one\n\ntwo", "<li>one two</li>"},
		{"nested list flattened", "one\n\n- a\n- b", "<li>one a b</li>"},
		{"heading in item", "# title", "<li>title</li>"},
		{"empty", "  ", ""},
		{"ampersand", "Customers & teams", "<li>Customers &amp; teams</li>"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := listItemHTML(tt.md)
			if got != tt.want {
				t.Errorf("listItemHTML(%q)\n got %q\nwant %q", tt.md, got, tt.want)
			}
			if err := checkLeverHTML(got, true); err != nil {
				t.Error(err)
			}
		})
	}
}

// richPosting has every kind of markdown a handbook page may hold.
func richPosting() posting.Posting {
	p := atstest.SamplePosting(0, 0)
	p.Sections = append([]posting.Section{
		{Kind: posting.SectionSpecialty, Heading: "Verify (CI)", Text: "## Sub heading\n\nText with <span style=\"color:red\">raw</span> HTML, `code`, ![img](https://x/i.png) and a [bad link](javascript:void(0)).\n\n```go\nfunc main() {}\n```\n\n| a | b |\n|---|---|\n| c | d |\n\n> quoted *words*",
			Items: []string{"a **bold** item", "<script>alert(1)</script>"}},
		{Kind: posting.SectionResponsibilities, Heading: "Also", Text: "Prose beside the list.", Items: []string{"1. numbered\n2. list", "item with ![pic](https://x/p.png)"}},
		{Kind: posting.SectionLevel, Heading: "Level", Text: "Senior means:\n\n- mentoring\n- ownership"},
	}, p.Sections...)
	return p
}

func TestWriteBodyHTMLIsLevers(t *testing.T) {
	t.Parallel()
	b := &Board{channels: []string{"public"}}
	ps := append(atstest.SamplePostings(12), richPosting())
	for _, p := range ps {
		w, _, err := b.writeBody(p, []string{"Product"}, ats.Marker{}, "")
		if err != nil {
			t.Fatalf("%s: %v", p.Key, err)
		}
		if err := checkWriteHTML(w); err != nil {
			t.Errorf("%s: %v", p.Key, err)
		}
	}
}

func FuzzRenderIsLevers(f *testing.F) {
	for _, s := range []string{"a **b** *c*", "<div>x</div>", "[a](javascript:x)", "# h\n- l\n```\nc\n```", "| a |\n|---|\n| b |", "<https://x.y>"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, md string) {
		if err := checkLeverHTML(descriptionHTML(md), false); err != nil {
			t.Fatalf("description of %q: %v", md, err)
		}
		if err := checkLeverHTML(listItemHTML(md), true); err != nil {
			t.Fatalf("list item of %q: %v", md, err)
		}
		if err := checkLeverHTML(bulletHTML(md), false); err != nil {
			t.Fatalf("bullet of %q: %v", md, err)
		}
	})
}

func TestLayout(t *testing.T) {
	t.Parallel()
	c := layout(richPosting())
	if len(c.Lists) != 2 || c.Lists[0].Text != listResponsibilities || c.Lists[1].Text != listRequirements {
		t.Fatalf("lists = %+v, want responsibilities then requirements", c.Lists)
	}
	for _, want := range []string{"Prose beside the list.", "Senior means:", "mentoring", "About the role"} {
		if !strings.Contains(ats.HTMLText(c.Description), want) {
			t.Errorf("description lacks %q:\n%s", want, ats.HTMLText(c.Description))
		}
	}
	if !strings.Contains(c.Lists[0].Content, "<li>numbered list</li>") {
		t.Errorf("responsibilities = %q", c.Lists[0].Content)
	}
	if !strings.Contains(ats.HTMLText(c.Closing), "Grade 7") {
		t.Errorf("closing = %q, want the grade", c.Closing)
	}
	if strings.Contains(c.Description, "Grade 7") {
		t.Errorf("details leaked into the description")
	}

	noSections := posting.Posting{Title: "T", Markdown: "Just **markdown**.\n\n- a\n- b"}
	if got := layout(noSections); got.Description != "<div>Just <b>markdown</b>.</div><div>- a</div><div>- b</div>" || len(got.Lists) != 0 {
		t.Errorf("layout without sections = %+v", got)
	}
}

// TestWriteBodyGolden pins the full body jobsync sends for a sample
// posting. Run with -update to rewrite testdata/write_body.golden.json.
func TestWriteBodyGolden(t *testing.T) {
	t.Parallel()
	b := &Board{channels: []string{"public", "internal"}}
	w, _, err := b.writeBody(atstest.SamplePosting(4, 1), []string{"Engineering", "hot"}, ats.Marker{}, "")
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(w); err != nil {
		t.Fatal(err)
	}
	got := buf.Bytes()
	path := filepath.Join("testdata", "write_body.golden.json")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if string(got) != string(want) {
		t.Errorf("write body differs from %s (run with -update if intended):\n%s", path, got)
	}
}

func TestWriteBodyFields(t *testing.T) {
	t.Parallel()
	b := &Board{channels: []string{"public", "internal"}}
	base := atstest.SamplePosting(1, 0)
	tests := []struct {
		name  string
		edit  func(p *posting.Posting)
		check func(t *testing.T, w apiWrite, err error)
	}{
		{"published, categories, salary, workplace", func(*posting.Posting) {}, func(t *testing.T, w apiWrite, err error) {
			if err != nil {
				t.Fatal(err)
			}
			if w.State != "published" || w.WorkplaceType != "remote" || w.Categories.Location != "Remote, EMEA" ||
				len(w.Categories.AllLocations) != 2 || w.Categories.Department != "Engineering" || w.Categories.Team != "Engineering" ||
				w.Categories.Commitment != "Full-time" {
				t.Errorf("body = %+v %+v", w, *w.Categories)
			}
			if w.SalaryRange == nil || w.SalaryRange.Interval != "per-year-salary" || w.SalaryRange.Currency != "USD" || w.SalaryRange.Min == 0 {
				t.Errorf("salary = %+v", w.SalaryRange)
			}
		}},
		{"unknown workplace is not sent", func(p *posting.Posting) { p.Workplace = "" }, func(t *testing.T, w apiWrite, _ error) {
			if w.WorkplaceType != "" {
				t.Errorf("workplaceType = %q, want none (never unspecified)", w.WorkplaceType)
			}
			data, _ := json.Marshal(w)
			if strings.Contains(string(data), "workplaceType") {
				t.Errorf("body names workplaceType: %s", data)
			}
		}},
		{"on-site", func(p *posting.Posting) { p.Workplace = "On-site" }, func(t *testing.T, w apiWrite, _ error) {
			if w.WorkplaceType != "onsite" {
				t.Errorf("workplaceType = %q", w.WorkplaceType)
			}
		}},
		{"no pay, no salary", func(p *posting.Posting) { p.Pay = nil }, func(t *testing.T, w apiWrite, _ error) {
			if w.SalaryRange != nil {
				t.Errorf("salaryRange = %+v", w.SalaryRange)
			}
		}},
		{"hourly pay", func(p *posting.Posting) { p.Pay.Interval = "hour" }, func(t *testing.T, w apiWrite, _ error) {
			if w.SalaryRange.Interval != "per-hour-wage" {
				t.Errorf("interval = %q", w.SalaryRange.Interval)
			}
		}},
		{"odd pay interval is an error", func(p *posting.Posting) { p.Pay.Interval = "fortnight" }, func(t *testing.T, _ apiWrite, err error) {
			if err == nil || !strings.Contains(err.Error(), "fortnight") {
				t.Errorf("err = %v", err)
			}
		}},
		{"pay without currency is an error", func(p *posting.Posting) { p.Pay.Currency = "" }, func(t *testing.T, _ apiWrite, err error) {
			if err == nil {
				t.Error("no error")
			}
		}},
		{"tags: kept ones first, then the marker", func(*posting.Posting) {}, func(t *testing.T, w apiWrite, _ error) {
			if len(w.Tags) != 3 || w.Tags[0] != "keep" || w.Tags[1] != "jobsync:"+base.Key || !strings.HasPrefix(w.Tags[2], "jobsync/v1 key="+base.Key+" hash="+base.Hash) {
				t.Errorf("tags = %q", w.Tags)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			p := base
			pay := *base.Pay
			p.Pay = &pay
			tt.edit(&p)
			w, _, err := b.writeBody(p, []string{"keep"}, ats.Marker{}, "")
			tt.check(t, w, err)
		})
	}
}

// TestFingerprintIgnoresReserialisation: what Lever does to HTML it stores is
// not drift; a changed word is.
func TestFingerprintIgnoresReserialisation(t *testing.T) {
	t.Parallel()
	b := &Board{channels: []string{"public"}}
	p := atstest.SamplePosting(2, 0)
	w, m, err := b.writeBody(p, nil, ats.Marker{}, "")
	if err != nil {
		t.Fatal(err)
	}
	c := w.Content
	tests := []struct {
		name  string
		edit  func(s string) string
		drift bool
	}{
		{"as sent", func(s string) string { return s }, false},
		{"br self-closed", func(s string) string { return strings.ReplaceAll(s, "<br>", "<br />") }, false},
		{"empty style on b", func(s string) string { return strings.ReplaceAll(s, "<b>", `<b style="">`) }, false},
		{"newlines between blocks", func(s string) string { return strings.ReplaceAll(s, "</div>", "</div>\n\n") }, false},
		{"lists wrapped in ul", func(s string) string {
			if strings.HasPrefix(s, "<li>") {
				return "<ul>" + s + "</ul>"
			}
			return s
		}, false},
		{"entities", func(s string) string { return strings.ReplaceAll(s, "&amp;", "&#38;") }, false},
		{"a word changed", func(s string) string { return strings.Replace(s, "roadmap", "road map", 1) }, true},
		{"a word added", func(s string) string { return strings.Replace(s, "</div>", " Apply now!</div>", 1) }, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			lists := make([]apiList, len(c.Lists))
			for i, l := range c.Lists {
				lists[i] = apiList{Text: l.Text, Content: tt.edit(l.Content)}
			}
			got := fingerprint(w.Text, tt.edit(c.DescriptionHTML), lists, tt.edit(c.ClosingPostingHTML))
			if drift := got != m.Fingerprint; drift != tt.drift {
				t.Errorf("drift = %t, want %t", drift, tt.drift)
			}
		})
	}
}
