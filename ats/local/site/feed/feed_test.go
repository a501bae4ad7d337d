package feed

import (
	"bytes"
	"encoding/xml"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jobsync/jobsync/ats/local/site"
	"github.com/jobsync/jobsync/posting"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

var (
	testSite = site.Site{Company: "GitLab", HomeURL: "https://about.gitlab.com", BaseURL: "https://jobs.example.com/"}
	opts     = IndeedOptions{Email: "recruiting@gitlab.example"}
	posted   = time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC)
)

func job(id string, locs ...string) site.Job {
	return site.Job{
		ID: id, Key: "pm/" + id, Requisition: "pm/" + id, Title: "Senior Product Manager, " + id,
		Locations: locs, Workplace: "remote", Department: "Product", EmploymentType: "Full-time",
		Pay:  &posting.Pay{Min: 120000, Max: 160000, Currency: "USD"},
		HTML: "<h2>About the role</h2>\n<p>You&#39;ll own R&amp;D &lt;and&gt; the roadmap ]]> here.</p>\n",
		Open: true, Posted: posted, Updated: posted.Add(24 * time.Hour), ValidThrough: "2027-03-31",
	}
}

func testJobs() []site.Job {
	closed := job("closed", "Remote, US")
	closed.Open = false
	onsite := job("onsite", "Denver, CO", "Toronto, ON, Canada")
	onsite.Workplace = "onsite"
	plan := job("plan", "Remote (North America)")
	plan.Title = "Product Manager, Plan ]]> Project" // the end of a CDATA section in content
	return []site.Job{job("verify", "Remote, US", "Remote, Canada"), plan, onsite, closed}
}

func TestIndeed(t *testing.T) {
	t.Parallel()
	data, err := Indeed(testSite, testJobs(), opts)
	if err != nil {
		t.Fatal(err)
	}
	if ps := CheckIndeed(data); len(ps) > 0 {
		t.Errorf("problems: %v\n%s", ps, data)
	}
	again, err := Indeed(testSite, testJobs(), opts)
	if err != nil || !bytes.Equal(data, again) {
		t.Errorf("a second build differs (%v)", err)
	}
	var src struct {
		Jobs []struct {
			Ref     string `xml:"referencenumber"`
			Req     string `xml:"requisitionid"`
			Country string `xml:"country"`
			City    string `xml:"city"`
			Desc    string `xml:"description"`
		} `xml:"job"`
	}
	if err := xml.Unmarshal(data, &src); err != nil {
		t.Fatal(err)
	}
	var refs []string
	for _, j := range src.Jobs {
		refs = append(refs, j.Ref+"@"+j.Country)
	}
	want := []string{
		"pm/onsite/denver-co@US", "pm/onsite/toronto-on-canada@CA",
		"pm/plan/remote-north-america-us@US", "pm/plan/remote-north-america-ca@CA", "pm/plan/remote-north-america-mx@MX",
		"pm/verify/remote-us@US", "pm/verify/remote-canada@CA",
	}
	if strings.Join(refs, " ") != strings.Join(want, " ") {
		t.Errorf("jobs:\n%v\nwant\n%v", refs, want)
	}
	d := src.Jobs[0].Desc
	if !strings.Contains(d, "You'll own R&D &lt;and&gt; the roadmap ]]&gt; here.") {
		t.Errorf("description %q: want literal characters (but &lt; &gt;) and the CDATA end kept", d)
	}
	if !bytes.Contains(data, []byte("Plan ]]]]><![CDATA[> Project")) {
		t.Error("a title holding ]]> is not split across CDATA sections")
	}
	if src.Jobs[0].City != "Denver" || src.Jobs[0].Req != "pm/onsite" {
		t.Errorf("first job %+v", src.Jobs[0])
	}
	if *update {
		if err := os.WriteFile(filepath.Join("testdata", "indeed.golden.xml"), data, 0o644); err != nil {
			t.Fatal(err)
		}
	} else if want, err := os.ReadFile(filepath.Join("testdata", "indeed.golden.xml")); err != nil || !bytes.Equal(want, data) {
		t.Errorf("differs from testdata/indeed.golden.xml (go test -update rewrites it): %v\n%s", err, data)
	}
}

// TestIndeedReferencesStable: adding a location adds its job instance and
// keeps every other reference number.
func TestIndeedReferencesStable(t *testing.T) {
	t.Parallel()
	refs := func(locs ...string) map[string]bool {
		data, err := Indeed(testSite, []site.Job{job("verify", locs...)}, opts)
		if err != nil {
			t.Fatal(err)
		}
		var src struct {
			Refs []string `xml:"job>referencenumber"`
		}
		if err := xml.Unmarshal(data, &src); err != nil {
			t.Fatal(err)
		}
		m := map[string]bool{}
		for _, r := range src.Refs {
			m[r] = true
		}
		return m
	}
	before, after := refs("Remote, US"), refs("Berlin, Germany", "Remote, US")
	if len(after) != len(before)+1 {
		t.Fatalf("%v → %v", before, after)
	}
	for r := range before {
		if !after[r] {
			t.Errorf("%s went away", r)
		}
	}
}

func TestCheckIndeedFinds(t *testing.T) {
	t.Parallel()
	good, err := Indeed(testSite, testJobs()[:1], opts)
	if err != nil {
		t.Fatal(err)
	}
	tests := map[string]struct {
		data []byte
		want string
	}{
		"no declaration": {bytes.Replace(good, []byte(`<?xml version="1.0" encoding="utf-8"?>`), nil, 1), "does not start with"},
		"no email":       {[]byte(strings.Replace(string(good), "<email><![CDATA[recruiting@gitlab.example]]></email>", "", -1)), "no <email>"},
		"entity":         {bytes.Replace(good, []byte("You'll"), []byte("You&#39;ll"), 1), "HTML entity &#39;"},
		"plain text":     {bytes.Replace(good, []byte("<company><![CDATA[GitLab]]></company>"), []byte("<company>GitLab</company>"), 1), "<company> holds text outside CDATA"},
		"duplicate ref":  {bytes.Replace(good, []byte("pm/verify/remote-canada"), []byte("pm/verify/remote-us"), 1), "referencenumber also on job 1"},
		"bad url":        {bytes.Replace(good, []byte("?source=Indeed"), nil, 1), "with source=Indeed"},
		"pay in title":   {bytes.Replace(good, []byte("Senior Product Manager, verify"), []byte("PM ($150k)"), 1), "holds pay"},
		"not xml":        {[]byte("<source>"), "not XML"},
	}
	for name, tt := range tests {
		var got []string
		for _, p := range CheckIndeed(tt.data) {
			got = append(got, p.String())
		}
		if !strings.Contains(strings.Join(got, "\n"), tt.want) {
			t.Errorf("%s: problems %q lack %q", name, got, tt.want)
		}
	}
}

func TestSitemap(t *testing.T) {
	t.Parallel()
	data, err := Sitemap(testSite, testJobs())
	if err != nil {
		t.Fatal(err)
	}
	if ps := CheckSitemap(data); len(ps) > 0 {
		t.Errorf("problems: %v", ps)
	}
	s := string(data)
	if strings.Contains(s, "closed.html") || !strings.Contains(s, "<loc>https://jobs.example.com/postings/verify.html</loc>") ||
		!strings.Contains(s, "<loc>https://jobs.example.com/index.html</loc>\n    <lastmod>2026-11-03T09:00:00Z</lastmod>") {
		t.Errorf("sitemap:\n%s", s)
	}
	if got, _ := Sitemap(site.Site{}, testJobs()); got != nil {
		t.Error("a sitemap without a base URL")
	}
	for name, bad := range map[string]string{
		"relative": `<urlset xmlns="` + SitemapNS + `"><url><loc>postings/a.html</loc></url></urlset>`,
		"twice":    `<urlset xmlns="` + SitemapNS + `"><url><loc>https://a.example/</loc></url><url><loc>https://a.example/</loc></url></urlset>`,
		"no ns":    `<urlset><url><loc>https://a.example/</loc></url></urlset>`,
		"date":     `<urlset xmlns="` + SitemapNS + `"><url><loc>https://a.example/</loc><lastmod>today</lastmod></url></urlset>`,
	} {
		if len(CheckSitemap([]byte(bad))) == 0 {
			t.Errorf("%s: no problem found", name)
		}
	}
}
