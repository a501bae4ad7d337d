// Package site renders the careers site a local board publishes: the index
// of open positions, one page per posting with schema.org JobPosting
// structured data, and the checks that data must pass. Everything here is a
// pure function from postings to bytes, with no clock and no disk: the board
// decides what to store and when, the site only how it reads.
//
// The JSON-LD follows Google's job-posting guidelines as ../shared/feeds.md
// records them: the required properties (title, description, datePosted,
// hiringOrganization, jobLocation), and the recommended ones a config can
// fill (baseSalary, employmentType, jobLocationType TELECOMMUTE with
// applicantLocationRequirements for remote postings, validThrough,
// identifier, directApply). A closed posting's page carries none and is
// marked noindex, as the content policy asks of postings no longer open.
package site

import (
	"net/url"
	"path"
	"strings"
	"time"

	"github.com/jobsync/jobsync/posting"
)

// Site is what every page says about the company and where the site lives.
type Site struct {
	Company string // the company's name
	HomeURL string // the company's home page, linked from every page; http(s) only
	// BaseURL is the public URL the board's folder is served at
	// ("https://jobs.example.com/"): pages then carry canonical and
	// structured-data URLs, and the feeds can be written. Empty: none.
	BaseURL string
}

// Job is one posting as the site shows it.
type Job struct {
	ID          string // the posting's file name without extension: its page is postings/ID.html
	Key         string
	Requisition string // the opening's key without the location (posting.Posting.Requisition)
	Title       string
	FamilyTitle string // the job family, for the index's groups: "Product Manager"
	Family      string // the family's key, when FamilyTitle is empty
	Grade       posting.Grade

	Locations      []string
	Workplace      string // "remote", "hybrid", "onsite" or empty
	Department     string
	EmploymentType string
	Pay            *posting.Pay

	ApplyURL     string
	ApplyEmail   string
	ValidThrough string // YYYY-MM-DD

	HTML string // the body; a trailing Details section is dropped (the page shows the facts itself)
	// Sanitized says HTML comes from posting.Compose, which sanitised it;
	// otherwise (a record that may have been edited by hand) the site
	// sanitises it again.
	Sanitized bool
	SourceURL string
	Marker    string // the ownership marker the page carries in its head

	Open    bool
	Posted  time.Time // when first published
	Updated time.Time
	Closed  time.Time // zero when open
}

// PagePath is the job's page relative to the site's root.
func (j Job) PagePath() string { return "postings/" + j.ID + ".html" }

// PageURL is the job's page as an absolute URL, or "" without a base URL.
func (s Site) PageURL(j Job) string { return s.url(j.PagePath()) }

// IndexURL is the index as an absolute URL, or "" without a base URL.
func (s Site) IndexURL() string { return s.url("index.html") }

func (s Site) url(rel string) string {
	base, err := url.Parse(s.BaseURL)
	if s.BaseURL == "" || err != nil || base.Host == "" || (base.Scheme != "https" && base.Scheme != "http") {
		return ""
	}
	base.Path = path.Join("/", base.Path, rel)
	return base.String()
}

// family is the job's family name for people.
func (j Job) family() string {
	if j.FamilyTitle != "" {
		return j.FamilyTitle
	}
	words := strings.Fields(strings.ReplaceAll(j.Family, "-", " "))
	for i, w := range words {
		words[i] = strings.ToUpper(w[:1]) + w[1:]
	}
	return strings.Join(words, " ")
}

// webURL returns s when it is an http(s) URL, else "".
func webURL(s string) string {
	u, err := url.Parse(s)
	if err != nil || u.Host == "" || (u.Scheme != "https" && u.Scheme != "http") {
		return ""
	}
	return s
}

// applyHref is where the apply link points, or "".
func (j Job) applyHref() string {
	if u := webURL(j.ApplyURL); u != "" {
		return u
	}
	if j.ApplyEmail != "" && strings.Contains(j.ApplyEmail, "@") && !strings.ContainsAny(j.ApplyEmail, " <>\"?&") {
		return "mailto:" + j.ApplyEmail + "?subject=" + url.PathEscape(j.Title)
	}
	return ""
}

// body is the job's HTML without the Details section Compose appends: the
// page lists those facts once, in its own words.
func (j Job) body() string {
	h := j.HTML
	if i := strings.LastIndex(h, "<h2>Details</h2>"); i >= 0 && !strings.Contains(h[i+len("<h2>Details</h2>"):], "<h2") {
		h = strings.TrimRight(h[:i], "\n") + "\n"
	}
	if j.Sanitized {
		return h
	}
	return posting.Sanitize(h)
}

// FromPosting is the job a composed posting becomes when published as id at
// time now, for checking a posting's structured data before it is written.
func FromPosting(id string, p posting.Posting, now time.Time) Job {
	return Job{
		ID: id, Key: p.Key, Requisition: p.Requisition, Title: p.Title, FamilyTitle: p.FamilyTitle, Family: p.Family,
		Grade: p.Grade, Locations: p.Locations, Workplace: p.Workplace, Department: p.Department,
		EmploymentType: p.EmploymentType, Pay: p.Pay, ApplyURL: p.ApplyURL, ApplyEmail: p.ApplyEmail,
		ValidThrough: p.ValidThrough, HTML: p.HTML, SourceURL: p.SourceURL,
		Sanitized: true, Open: true, Posted: now, Updated: now,
	}
}
