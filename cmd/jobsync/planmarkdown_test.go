package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"

	"github.com/jobsync/jobsync/ats"
	"github.com/jobsync/jobsync/posting"
)

// renderGFM renders markdown as GitHub would (goldmark's GFM).
func renderGFM(t *testing.T, md string) string {
	t.Helper()
	var out bytes.Buffer
	if err := goldmark.New(goldmark.WithExtensions(extension.GFM)).Convert([]byte(md), &out); err != nil {
		t.Fatal(err)
	}
	return out.String()
}

// Issue 9: one edited base requirement changes all 112 postings; the
// comment was 70.9 KB, over GitHub's limit. Now each change is shown once
// with the postings it applies to, it fits, and every posting is named.
func TestMarkdownPlanOfABaseRequirementFitsAComment(t *testing.T) {
	t.Parallel()
	w := newWorkspace(t, "")
	mustSync(t, w)
	w.editPage(t, "- Passion for design and usability\n", "- Passion for design, usability and accessibility\n")
	jsonFile, mdFile := filepath.Join(w.dir, "plan.json"), filepath.Join(w.dir, "plan.md")
	code, md, errs := cli(t, nil, "plan", "--config", w.config, "--format", "markdown", "--json", jsonFile, "--markdown", mdFile)
	if code != 0 {
		t.Fatalf("plan: exit %d\n%s", code, errs)
	}
	t.Logf("markdown plan: %d bytes", len(md))
	if len(md) >= commentLimit {
		t.Fatalf("markdown plan is %d bytes, want under %d", len(md), commentLimit)
	}
	if strings.Contains(md, "Truncated") {
		t.Errorf("the plan of one edited requirement was truncated")
	}
	if file := readFile(t, mdFile); file != md {
		t.Errorf("--markdown FILE differs from --format markdown")
	}
	var plan struct {
		FormatVersion string       `json:"format_version"`
		Summary       ats.Summary  `json:"summary"`
		Actions       []ats.Action `json:"actions"`
	}
	if err := json.Unmarshal([]byte(readFile(t, jsonFile)), &plan); err != nil {
		t.Fatal(err)
	}
	if plan.FormatVersion != planFormatVersion || plan.Summary.Update != 112 || len(plan.Actions) != 112 {
		t.Fatalf("--json: version %q, %+v, %d actions; want %s and 112 updates", plan.FormatVersion, plan.Summary, len(plan.Actions), planFormatVersion)
	}
	html := renderGFM(t, md)
	for _, a := range plan.Actions {
		if !strings.Contains(html, "<code>"+a.Key+"</code>") {
			t.Errorf("the rendered comment does not name %s", a.Key)
		}
	}
	if !strings.Contains(html, "+- Passion for design, usability and accessibility") {
		t.Errorf("the rendered comment lacks the change")
	}
}

// A plan past the limit is cut between sections, with a note, and stays
// within the limit.
func TestMarkdownPlanTruncates(t *testing.T) {
	t.Parallel()
	desired := make([]posting.Posting, 40)
	for i := range desired {
		desired[i] = posting.Posting{Key: "family/level/s" + strings.Repeat("x", i), Title: "A posting", Markdown: strings.Repeat("A line of the body.\n", 20), Hash: "h"}
	}
	out := planOutput{Plans: []ats.Plan{ats.NewPlan("local", desired, nil, ats.PlanOptions{})}}
	full := markdownPlan(out, 1<<30)
	const limit = 8000
	cut := markdownPlan(out, limit)
	if len(full) <= limit {
		t.Fatalf("the full plan is %d bytes: the test needs more", len(full))
	}
	if len(cut) > limit || !strings.Contains(cut, "> **Truncated**: ") || !strings.Contains(cut, "The full plan is in the CI job's artifacts") {
		t.Fatalf("cut plan: %d bytes, want at most %d with the note:\n%s", len(cut), limit, cut[max(0, len(cut)-600):])
	}
	if strings.Count(cut, "<details>") != strings.Count(cut, "</details>") {
		t.Errorf("a section was cut in half")
	}
}

// A create shows what will be published: title, locations, pay,
// department and the first lines of the body.
func TestMarkdownPlanShowsCreates(t *testing.T) {
	t.Parallel()
	w := newWorkspace(t, `openings:
  - family: product-manager
    level: Senior Product Manager
    specialty: Verify (CI)
    locations: [Remote]
    department: Product
    pay: {min: 120000, max: 160000, currency: USD}
`)
	code, md, errs := cli(t, nil, "plan", "--config", w.config, "--format", "markdown")
	if code != 0 {
		t.Fatalf("plan: exit %d\n%s", code, errs)
	}
	for _, want := range []string{
		"<b>create</b> local: Senior Product Manager, Verify (CI) <code>product-manager/senior-product-manager/verify-ci</code>",
		"- **Locations**: Remote", "- **Department**: Product", "- **Pay**: USD 120,000 – 160,000 per year",
		"```markdown\n",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("markdown plan lacks %q:\n%s", want, md)
		}
	}
}

// A plan that fails gives a short markdown report and a JSON error, not
// empty output for a bot to post.
func TestPlanFailureIsReported(t *testing.T) {
	t.Parallel()
	w := newWorkspace(t, "")
	writeFile(t, w.page, "")
	mdFile, jsonFile := filepath.Join(w.dir, "plan.md"), filepath.Join(w.dir, "plan.json")
	code, md, errs := cli(t, nil, "plan", "--config", w.config, "--format", "markdown", "--markdown", mdFile, "--json", jsonFile)
	if code != exitError {
		t.Fatalf("exit %d, want 1", code)
	}
	if !strings.HasPrefix(md, "### jobsync plan failed\n") || !strings.Contains(md, "product-manager.md") || len(md) > 10000 {
		t.Errorf("markdown report:\n%s", md)
	}
	if got := readFile(t, mdFile); got != md {
		t.Errorf("--markdown FILE:\n%s", got)
	}
	var js jsonFailure
	if err := json.Unmarshal([]byte(readFile(t, jsonFile)), &js); err != nil || js.FormatVersion != planFormatVersion || !strings.Contains(js.Error, "product-manager.md") {
		t.Errorf("--json FILE: %+v, %v", js, err)
	}
	if !strings.Contains(errs, "product-manager.md") {
		t.Errorf("stderr lacks the error:\n%s", errs)
	}
	if _, err := os.Stat(filepath.Join(w.dir, "board")); err == nil {
		t.Errorf("a failed plan made the board's folder")
	}
}
