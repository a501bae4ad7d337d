package site

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jobsync/jobsync/posting"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if string(got) != string(want) {
		t.Errorf("%s differs from the golden file (go test -update rewrites it)\ngot:\n%s", name, got)
	}
}

var (
	posted   = time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC)
	updated  = time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)
	testSite = Site{Company: "GitLab", HomeURL: "https://about.gitlab.com", BaseURL: "https://jobs.example.com/careers/"}
)

const body = "<h2>About the role</h2>\n<p>You own the roadmap.</p>\n<h2>What you'll need</h2>\n<ul>\n<li>Five years of product work.</li>\n</ul>\n<h2>Details</h2>\n<ul>\n<li>Company: GitLab</li>\n</ul>\n"

// job is a test job: level by grade, in family and department.
func job(id, title string, grade posting.Grade, dept, family string, locs ...string) Job {
	return Job{
		ID: id, Key: "k/" + id, Requisition: "k/" + id, Title: title, FamilyTitle: family, Grade: grade,
		Locations: locs, Workplace: "remote", Department: dept, EmploymentType: "Full-time",
		Pay:      &posting.Pay{Min: 120000, Max: 160000, Currency: "USD", Interval: "year"},
		ApplyURL: "https://about.gitlab.com/jobs/apply?id=" + id, ValidThrough: "2027-03-31",
		HTML: body, SourceURL: "https://handbook.gitlab.com/job-families/product/product-manager/",
		Marker: "jobsync/v1 key=k/" + id + " hash=h fp=f", Open: true, Posted: posted, Updated: updated,
	}
}

func testJobs() []Job {
	closed := job("closed", "Staff Product Manager, Plan", 9.5, "Product", "Product Manager", "Remote, US")
	closed.Open, closed.Closed = false, updated
	onsite := job("designer", "Senior Product Designer", 8, "Product", "Product Designer", "Denver, CO", "New York, NY")
	onsite.Workplace, onsite.ApplyURL, onsite.ApplyEmail, onsite.Pay = "hybrid", "", "design-jobs@gitlab.example", nil
	return []Job{
		job("principal", "Principal Product Manager, Verify", 9, "Product", "Product Manager", "Remote, US", "Remote, Canada"),
		job("pm", "Product Manager, Verify", 7, "Product", "Product Manager", "Remote (Americas)"),
		job("senior", "Senior Product Manager, Verify", 8, "Product", "Product Manager", "Remote, EMEA"),
		job("backend", "Backend Engineer", 7, "Engineering", "Backend Engineer", "Remote, US"),
		job("nodept", "Office Manager", 6, "", "Office Manager", "Remote, US"),
		onsite, closed,
	}
}

func TestGroupOrdersByLevel(t *testing.T) {
	t.Parallel()
	var got []string
	for _, d := range Group(testJobs()) {
		for _, f := range d.Families {
			for _, j := range f.Jobs {
				got = append(got, d.Name+"/"+f.Name+"/"+j.ID)
			}
		}
	}
	want := []string{
		"Engineering/Backend Engineer/backend",
		"Product/Product Designer/designer",
		"Product/Product Manager/pm", "Product/Product Manager/senior", "Product/Product Manager/principal",
		"/Office Manager/nodept",
	}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("order:\n%v\nwant\n%v", got, want)
	}
}

func TestGolden(t *testing.T) {
	t.Parallel()
	jobs := testJobs()
	index, err := testSite.Index(jobs)
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "index.golden.html", index)
	for _, j := range jobs {
		if j.ID != "principal" && j.ID != "designer" && j.ID != "closed" {
			continue
		}
		page, err := testSite.Page(j)
		if err != nil {
			t.Fatal(err)
		}
		golden(t, "posting-"+j.ID+".golden.html", page)
	}
	empty, err := Site{}.Index(nil)
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "index-empty.golden.html", empty)
}

func TestPageFactsOnce(t *testing.T) {
	t.Parallel()
	j := testJobs()[0]
	page, err := testSite.Page(j)
	if err != nil {
		t.Fatal(err)
	}
	s := string(page)
	for _, once := range []string{"USD 120,000 – 160,000 per year", "Remote, US; Remote, Canada", "<h1>"} {
		if n := strings.Count(s, once); n != 1 {
			t.Errorf("%q appears %d times", once, n)
		}
	}
	if strings.Contains(s, "<h2>Details</h2>") {
		t.Error("the body's Details section is on the page")
	}
	if !strings.Contains(s, `<script type="application/ld+json">`) || strings.Contains(s, "noindex") {
		t.Error("an open page: JSON-LD missing or noindex")
	}
	closed := testJobs()[6]
	page, err = testSite.Page(closed)
	if err != nil {
		t.Fatal(err)
	}
	s = string(page)
	if strings.Contains(s, "ld+json") || !strings.Contains(s, `<meta name="robots" content="noindex">`) ||
		!strings.Contains(s, "This position is closed") || strings.Contains(s, "Apply for this position") {
		t.Errorf("closed page:\n%s", s)
	}
}

func TestPageEscapes(t *testing.T) {
	t.Parallel()
	j := testJobs()[0]
	j.Title = `</script><script>alert(1)</script>`
	j.HTML = `<p>ok</p><script>alert(2)</script><p onclick="x()">c</p>`
	j.ApplyURL = "javascript:alert(3)"
	page, err := testSite.Page(j)
	if err != nil {
		t.Fatal(err)
	}
	s := string(page)
	for _, bad := range []string{"<script>alert", "onclick", "javascript:"} {
		if strings.Contains(s, bad) {
			t.Errorf("page holds %q:\n%s", bad, s)
		}
	}
}
