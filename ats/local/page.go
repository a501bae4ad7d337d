package local

import (
	"bytes"
	"embed"
	"html/template"
	"net/url"
	"strings"

	"github.com/jobsync/jobsync/posting"
)

// indexName is the board's front page in its folder.
const indexName = "index.html"

// markerMetaName names the meta tag in which a page carries its marker, so
// that a page whose JSON file was never committed can be told from a page a
// person made.
const markerMetaName = "jobsync-marker"

// dateLayout shows the record's timestamps on a page.
const dateLayout = "2006-01-02 15:04 UTC"

//go:embed templates/*.tmpl
var templateFS embed.FS

// The templates escape every value; only a posting's body is passed as
// HTML, and only after posting.Sanitize.
var (
	pageTemplate  = template.Must(template.ParseFS(templateFS, "templates/posting.html.tmpl", "templates/style.tmpl"))
	indexTemplate = template.Must(template.ParseFS(templateFS, "templates/index.html.tmpl", "templates/style.tmpl"))
)

// pageData is what the posting page shows.
type pageData struct {
	Title     string
	Marker    string
	Closed    bool
	ClosedAt  string
	Facts     []string
	Body      template.HTML
	SourceURL string // only an http(s) URL
	Updated   string
}

// renderPage renders the standalone page of r. Its body is the record's HTML
// sanitised again: the record may have been edited by hand since jobsync
// wrote it.
func renderPage(r record) ([]byte, error) {
	d := pageData{
		Title:  r.Title,
		Marker: r.Marker,
		Closed: !r.open(),
		Facts:  facts(r),
		Body:   template.HTML(posting.Sanitize(r.HTML)),
	}
	if u, err := url.Parse(r.SourceURL); err == nil && (u.Scheme == "https" || u.Scheme == "http") {
		d.SourceURL = r.SourceURL
	}
	if r.ClosedAt != nil {
		d.ClosedAt = r.ClosedAt.UTC().Format(dateLayout)
	}
	if !r.UpdatedAt.IsZero() {
		d.Updated = r.UpdatedAt.UTC().Format(dateLayout)
	}
	var buf bytes.Buffer
	if err := pageTemplate.Execute(&buf, d); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// facts are the page's summary lines, in the order a posting's details
// section uses.
func facts(r record) []string {
	var f []string
	add := func(label, value string) {
		if value != "" {
			f = append(f, label+": "+value)
		}
	}
	if r.Grade != 0 {
		add("Job grade", r.Grade.String())
	}
	add("Location", strings.Join(r.Locations, "; "))
	add("Workplace", r.Workplace)
	add("Department", r.Department)
	add("Employment type", r.EmploymentType)
	if r.Pay != nil {
		add("Pay", r.Pay.String())
	}
	return f
}

// indexItem is one line of index.html.
type indexItem struct {
	ID      string
	Title   string
	Details string
}

// renderIndex renders index.html from entries already picked and sorted.
// It holds nothing that changes unless a posting does, so an unchanged board
// renders the same bytes.
func renderIndex(entries []entry) ([]byte, error) {
	items := make([]indexItem, len(entries))
	for i, e := range entries {
		details := strings.Join(e.Locations, "; ")
		if e.Department != "" {
			if details != "" {
				details += " · "
			}
			details += e.Department
		}
		items[i] = indexItem{ID: e.ID, Title: e.Title, Details: details}
	}
	var buf bytes.Buffer
	if err := indexTemplate.Execute(&buf, items); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
