package atstest

import (
	"fmt"
	"html"
	"strings"

	"github.com/jobsync/jobsync/posting"
)

var (
	sampleFamilies = []struct{ key, title, dept string }{
		{"product-manager", "Product Manager", "Product"},
		{"backend-engineer", "Backend Engineer", "Engineering"},
		{"site-reliability-engineer", "Site Reliability Engineer", "Infrastructure"},
	}
	sampleLevels = []struct {
		key, prefix string
		grade       posting.Grade
	}{
		{"intermediate", "", 7},
		{"senior", "Senior ", 8},
		{"staff", "Staff ", 9},
		{"principal", "Principal ", 10},
	}
	sampleSpecialties = []struct{ key, name string }{
		{"verify-ci", "Verify (CI)"},
		{"plan", "Plan"},
		{"create-source-code", "Create: Source Code"},
		{"package-registry", "Package: Registry"},
		{"delivery-scalability", "Delivery & Scalability"},
	}
)

// SamplePostings returns n distinct postings as posting.Compose makes them:
// realistic titles and HTML bodies, valid keys, hashes of their content.
// The same n gives the same postings.
func SamplePostings(n int) []posting.Posting {
	ps := make([]posting.Posting, n)
	for i := range ps {
		ps[i] = SamplePosting(i, 0)
	}
	return ps
}

// SamplePosting returns the i-th sample posting in its revision rev: a
// revision keeps the key and changes the title, the body and so the hash.
// Revision 0 is what SamplePostings returns.
func SamplePosting(i, rev int) posting.Posting {
	nf, nl, ns := len(sampleFamilies), len(sampleLevels), len(sampleSpecialties)
	f, l, s := sampleFamilies[i%nf], sampleLevels[(i/nf)%nl], sampleSpecialties[(i/(nf*nl))%ns]
	specKey, specName := s.key, s.name
	if round := i / (nf * nl * ns); round > 0 {
		specKey, specName = fmt.Sprintf("%s-%d", s.key, round+1), fmt.Sprintf("%s %d", s.name, round+1)
	}
	levelTitle := l.prefix + f.title
	p := posting.Posting{
		Key:            f.key + "/" + posting.Slug(levelTitle) + "/" + specKey,
		Title:          levelTitle + ", " + specName,
		Family:         f.key,
		Level:          posting.Slug(levelTitle),
		Specialty:      specKey,
		Grade:          l.grade,
		Locations:      []string{"Remote, EMEA", "Remote, Americas"},
		Department:     f.dept,
		EmploymentType: "Full-time",
		Workplace:      "remote",
		Pay:            &posting.Pay{Min: 98000 + int64(l.grade)*10000, Max: 150000 + int64(l.grade)*15000, Currency: "USD", Interval: "year"},
		SourceURL:      "https://handbook.gitlab.com/job-families/" + f.key + "/",
	}
	if rev > 0 {
		p.Title += fmt.Sprintf(" (revision %d)", rev)
	}
	p.Sections = []posting.Section{
		{Kind: posting.SectionAbout, Heading: "About the role", Text: fmt.Sprintf(
			"As a %s you own the direction of %s at GitLab, working with engineering, design and customers. See the [job family](%s) in the handbook.",
			levelTitle, specName, p.SourceURL)},
		{Kind: posting.SectionResponsibilities, Heading: "Responsibilities", Items: []string{
			"Set the strategy and the roadmap for " + specName + ".",
			"Talk to customers every week & bring what you learn to the team.",
			"Write clear issues, epics and release posts.",
		}},
		{Kind: posting.SectionRequirements, Heading: "Requirements", Items: []string{
			SampleRequirement(i),
			"Excellent written and verbal communication in English.",
			"Experience working remotely and asynchronously.",
		}},
		{Kind: posting.SectionDetails, Heading: "Details", Items: []string{
			fmt.Sprintf("Grade %g", float64(l.grade)),
			"Location: Remote, EMEA; Remote, Americas",
		}},
	}
	if rev > 0 {
		p.Sections[1].Items = append(p.Sections[1].Items, fmt.Sprintf("Lead the revision %d planning cycle for the stage.", rev))
	}
	p.Markdown, p.HTML = renderSample(p.Sections)
	p.Hash = p.ContentHash()
	return p
}

// SampleRequirement is a requirement only the i-th sample posting lists, in
// every revision: its text must show in the board's Body for that posting.
func SampleRequirement(i int) string {
	return fmt.Sprintf("At least %d years of experience shipping developer tools (requirement R%04d).", 3+i%5, i)
}

// renderSample renders sections to markdown and HTML the way a composed
// posting holds them.
func renderSample(sections []posting.Section) (md, htm string) {
	var m, h strings.Builder
	for _, s := range sections {
		fmt.Fprintf(&m, "## %s\n\n", s.Heading)
		fmt.Fprintf(&h, "<h2>%s</h2>\n", html.EscapeString(s.Heading))
		if s.Text != "" {
			fmt.Fprintf(&m, "%s\n\n", s.Text)
			fmt.Fprintf(&h, "<p>%s</p>\n", inlineHTML(s.Text))
		}
		if len(s.Items) > 0 {
			h.WriteString("<ul>\n")
			for _, it := range s.Items {
				fmt.Fprintf(&m, "- %s\n", it)
				fmt.Fprintf(&h, "<li>%s</li>\n", inlineHTML(it))
			}
			h.WriteString("</ul>\n")
			m.WriteString("\n")
		}
	}
	return m.String(), h.String()
}

// inlineHTML escapes text and turns its one markdown link form, [text](url),
// into an anchor.
func inlineHTML(s string) string {
	before, rest, ok := strings.Cut(s, "[")
	if !ok {
		return html.EscapeString(s)
	}
	text, rest, ok1 := strings.Cut(rest, "](")
	href, after, ok2 := strings.Cut(rest, ")")
	if !ok1 || !ok2 {
		return html.EscapeString(s)
	}
	return html.EscapeString(before) + `<a href="` + html.EscapeString(href) + `">` + html.EscapeString(text) + "</a>" + inlineHTML(after)
}
