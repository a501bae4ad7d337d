package site

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"strings"
	"time"
)

//go:embed templates/*.tmpl
var templateFS embed.FS

// The templates escape every value; a posting's body is passed as HTML only
// after posting.Sanitize, and the JSON-LD as JSON whose <, > and & are
// escaped.
var (
	indexTemplate = template.Must(template.ParseFS(templateFS, "templates/index.html.tmpl", "templates/style.tmpl", "templates/filter.js.tmpl"))
	pageTemplate  = template.Must(template.ParseFS(templateFS, "templates/posting.html.tmpl", "templates/style.tmpl"))
)

// dateLayout shows a time on a page.
const dateLayout = "2006-01-02 15:04 UTC"

type indexData struct {
	Heading, Company, HomeURL, Canonical string
	Count                                int
	Summary                              string
	Departments                          []deptData
}

type deptData struct {
	Name, ID string
	Families []familyData
}

type familyData struct {
	Name, ID string
	Rows     []rowData
}

type rowData struct {
	Href, Title, Meta, Search string
}

// Index renders index.html: the open jobs, grouped by department and
// family and ordered by level (see Group), each with its locations,
// workplace and pay; a filter box that a few lines of inline script turn
// on (without script the whole list shows). It holds nothing that changes
// unless a job does, so an unchanged board renders the same bytes.
func (s Site) Index(jobs []Job) ([]byte, error) {
	d := indexData{Company: s.Company, HomeURL: webURL(s.HomeURL), Canonical: s.IndexURL(), Heading: "Open positions"}
	if s.Company != "" {
		d.Heading = "Open positions at " + s.Company
	}
	var names []string
	for _, dept := range Group(jobs) {
		dd := deptData{Name: dept.Name, ID: dept.ID}
		if dept.Name != "" {
			names = append(names, dept.Name)
		}
		for _, f := range dept.Families {
			fd := familyData{Name: f.Name, ID: f.ID}
			for _, j := range f.Jobs {
				meta := j.meta()
				fd.Rows = append(fd.Rows, rowData{
					Href: j.PagePath(), Title: j.Title, Meta: meta,
					Search: strings.ToLower(strings.Join([]string{j.Title, meta, dept.Name, f.Name}, " ")),
				})
				d.Count++
			}
			dd.Families = append(dd.Families, fd)
		}
		d.Departments = append(d.Departments, dd)
	}
	if len(names) > 1 {
		d.Summary = joinAnd(names)
	}
	var buf bytes.Buffer
	if err := indexTemplate.Execute(&buf, d); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// meta is an index row's second line: locations · workplace · pay.
func (j Job) meta() string {
	var parts []string
	if len(j.Locations) > 0 {
		parts = append(parts, strings.Join(j.Locations, "; "))
	}
	if j.Workplace != "" {
		parts = append(parts, capitalize(j.Workplace))
	}
	if p := payText(j.Pay); p != "" {
		parts = append(parts, p)
	}
	return strings.Join(parts, " · ")
}

type pageData struct {
	Title, Company, HomeURL, Canonical, Marker string
	Closed                                     bool
	ClosedAt                                   string
	Facts                                      []fact
	Apply                                      *applyLink
	Remote                                     string
	Body                                       template.HTML
	JSONLD                                     template.JS
	SourceURL, Updated                         string
}

type fact struct{ Label, Value string }

type applyLink struct{ Href, Text string }

// Page renders a job's page: its facts once, where to apply, the body, and
// for an open job its JobPosting JSON-LD; a closed job's page says so at the
// top, has no apply link and no structured data, and asks not to be indexed.
func (s Site) Page(j Job) ([]byte, error) {
	page, _, err := s.Render(j)
	return page, err
}

// Render is Page, and the JSON-LD the page carries (nil for a closed job),
// for a caller that checks it (see Check) without building it twice.
func (s Site) Render(j Job) (page, jsonld []byte, err error) {
	body := j.body()
	d := pageData{
		Title: j.Title, Company: s.Company, HomeURL: webURL(s.HomeURL), Canonical: s.PageURL(j), Marker: j.Marker,
		Closed: !j.Open, Facts: s.facts(j), Body: template.HTML(body), SourceURL: webURL(j.SourceURL),
	}
	if !j.Updated.IsZero() {
		d.Updated = j.Updated.UTC().Format(dateLayout)
	}
	if j.Open {
		if href := j.applyHref(); href != "" {
			d.Apply = &applyLink{Href: href, Text: "Apply for this position"}
			if strings.HasPrefix(href, "mailto:") {
				d.Apply.Text = "Apply by e-mail to " + j.ApplyEmail
			}
		}
		d.Remote = j.remoteSentence()
		if jsonld, err = s.posting(j, body).JSON(); err != nil {
			return nil, nil, fmt.Errorf("JSON-LD: %w", err)
		}
		d.JSONLD = template.JS(jsonld)
	} else if !j.Closed.IsZero() {
		d.ClosedAt = j.Closed.UTC().Format(dateLayout)
	}
	var buf bytes.Buffer
	if err := pageTemplate.Execute(&buf, d); err != nil {
		return nil, nil, err
	}
	return buf.Bytes(), jsonld, nil
}

// facts are the page's summary, each said once.
func (s Site) facts(j Job) []fact {
	var f []fact
	add := func(label, value string) {
		if value != "" {
			f = append(f, fact{label, value})
		}
	}
	add("Company", s.Company)
	label := "Location"
	if len(j.Locations) > 1 {
		label = "Locations"
	}
	add(label, strings.Join(j.Locations, "; "))
	add("Workplace", capitalize(j.Workplace))
	add("Department", j.Department)
	add("Employment type", j.EmploymentType)
	add("Pay", payText(j.Pay))
	if j.Grade != 0 {
		add("Job grade", j.Grade.String())
	}
	if !j.Posted.IsZero() {
		add("Posted", j.Posted.UTC().Format(time.DateOnly))
	}
	if j.Open {
		add("Apply by", j.ValidThrough)
	}
	return f
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
