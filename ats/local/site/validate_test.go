package site

import (
	"strings"
	"testing"
	"time"
)

func TestCheckGeneratedPostings(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	for _, j := range testJobs() {
		if !j.Open {
			continue
		}
		data, err := testSite.Posting(j).JSON()
		if err != nil {
			t.Fatal(err)
		}
		ps := Check(data, now)
		var recommended []string
		for _, p := range ps {
			if p.Required {
				t.Errorf("%s: %s", j.ID, p)
			} else {
				recommended = append(recommended, p.Property)
			}
		}
		if j.ID == "designer" && strings.Join(recommended, ",") != "baseSalary" {
			t.Errorf("designer: recommended problems %v, want baseSalary only", recommended)
		}
	}
}

func TestCheckFindsProblems(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	base := testJobs()[0]
	tests := []struct {
		name   string
		change func(j *Job, s *Site)
		raw    string // instead of a job
		want   string // "property (required|recommended)"
	}{
		{name: "not JSON", raw: "{", want: "JSON-LD (required)"},
		{name: "wrong type", raw: `{"@context":"https://schema.org/","@type":"Thing"}`, want: "@type (required)"},
		{name: "no company", change: func(j *Job, s *Site) { s.Company = "" }, want: "hiringOrganization (required)"},
		{name: "no title", change: func(j *Job, s *Site) { j.Title = "" }, want: "title (required)"},
		{name: "description is the title", change: func(j *Job, s *Site) {
			j.Title, j.HTML, j.Workplace, j.Locations = "PM", "PM", "", []string{"Denver, CO"}
		}, want: "description (required)"},
		{name: "remote anywhere", change: func(j *Job, s *Site) { j.Locations = []string{"Remote"} }, want: "applicantLocationRequirements (required)"},
		{name: "onsite without a place", change: func(j *Job, s *Site) { j.Workplace, j.Locations = "onsite", []string{"Denver"} }, want: "jobLocation (required)"},
		{name: "expired", change: func(j *Job, s *Site) { j.ValidThrough = "2026-11-30" }, want: "validThrough (required)"},
		{name: "no closing day", change: func(j *Job, s *Site) { j.ValidThrough = "" }, want: "validThrough (recommended)"},
		{name: "no pay", change: func(j *Job, s *Site) { j.Pay = nil }, want: "baseSalary (recommended)"},
		{name: "no employment type", change: func(j *Job, s *Site) { j.EmploymentType = "" }, want: "employmentType (recommended)"},
		{name: "bad date", raw: `{"@context":"https://schema.org/","@type":"JobPosting","title":"T","description":"<p>x</p>","datePosted":"yesterday"}`, want: "datePosted (required)"},
		{name: "bad salary", raw: `{"@context":"https://schema.org/","@type":"JobPosting","baseSalary":{"@type":"MonetaryAmount","currency":"usd","value":{"unitText":"YEAR","value":1}}}`, want: "baseSalary (required)"},
		{name: "bad employment type", raw: `{"@context":"https://schema.org/","@type":"JobPosting","employmentType":["FULLTIME"]}`, want: "employmentType (required)"},
		{name: "telecommute not said", raw: `{"@context":"https://schema.org/","@type":"JobPosting","jobLocationType":"TELECOMMUTE","description":"<p>x</p>","applicantLocationRequirements":{"@type":"Country","name":"US"}}`, want: "description (required)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			data := []byte(tt.raw)
			if tt.raw == "" {
				j, s := base, testSite
				tt.change(&j, &s)
				var err error
				if data, err = s.Posting(j).JSON(); err != nil {
					t.Fatal(err)
				}
			}
			var got []string
			for _, p := range Check(data, now) {
				got = append(got, p.String())
			}
			found := false
			for _, g := range got {
				found = found || strings.HasPrefix(g, tt.want)
			}
			if !found {
				t.Errorf("problems %q lack %q", got, tt.want)
			}
		})
	}
}
