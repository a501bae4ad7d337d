package local

import (
	"cmp"
	"slices"
	"strings"

	"go.uber.org/zap"

	"github.com/jobsync/jobsync/ats/local/site"
	"github.com/jobsync/jobsync/ats/local/site/feed"
)

// The board's front page and feeds in its folder. The feeds are written
// only when the board knows the URL its folder is served at (WithSite):
// sitemaps and Indeed want absolute links.
const (
	indexName   = "index.html"
	sitemapName = "sitemap.xml"
	indeedName  = "indeed.xml"
)

// markerMetaName names the meta tag in which a page carries its marker, so
// that a page whose JSON file was never committed can be told from a page a
// person made. The site's page template writes it.
const markerMetaName = "jobsync-marker"

// siteOf is the site as the page of r shows it: the company its record
// names, at the board's URL.
func (b *Board) siteOf(r record) site.Site {
	return site.Site{Company: r.Company, HomeURL: r.CompanyURL, BaseURL: b.siteURL}
}

// renderPage renders the standalone page of r (see site.Site.Page), and
// the JSON-LD it carries when r is open.
func (b *Board) renderPage(r record) (page, jsonld []byte, err error) {
	return b.siteOf(r).Render(r.job())
}

// siteFiles renders index.html and, with a site URL, sitemap.xml and
// indeed.xml from entries already picked (open, with a page). The company
// is the one the most recently updated posting names: every posting of one
// config names the same. Nothing here depends on the clock, so an unchanged
// board renders the same bytes.
func (b *Board) siteFiles(entries []entry) ([]file, []feed.Problem, error) {
	jobs := make([]site.Job, len(entries))
	for i, e := range entries {
		jobs[i] = e.job()
	}
	s := site.Site{BaseURL: b.siteURL}
	if len(entries) > 0 {
		latest := slices.MaxFunc(entries, func(a, c entry) int {
			return cmp.Or(a.Rec.UpdatedAt.Compare(c.Rec.UpdatedAt), strings.Compare(c.Rec.ID, a.Rec.ID))
		})
		s.Company, s.HomeURL = latest.Rec.Company, latest.Rec.CompanyURL
	}
	index, err := s.Index(jobs)
	if err != nil {
		return nil, nil, err
	}
	files := []file{{name: indexName, data: index}}
	if s.IndexURL() == "" {
		return files, nil, nil
	}
	b.loadHTML(jobs)
	sitemap, err := feed.Sitemap(s, jobs)
	if err != nil {
		return nil, nil, err
	}
	indeed, err := feed.Indeed(s, jobs, feed.IndeedOptions{Email: b.feedEmail})
	if err != nil {
		return nil, nil, err
	}
	problems := append(feed.CheckSitemap(sitemap), feed.CheckIndeed(indeed)...)
	return append(files, file{name: sitemapName, data: sitemap}, file{name: indeedName, data: indeed}), problems, nil
}

// loadHTML reads the HTML of the jobs whose entry came from the board's
// index, which holds none, for the Indeed feed.
func (b *Board) loadHTML(jobs []site.Job) {
	for i := range jobs {
		if jobs[i].HTML != "" {
			continue
		}
		rec, err := b.readRecord(jobs[i].ID)
		if err != nil {
			b.log.Warn("posting file unreadable since the board was listed; its Indeed job has no description",
				zap.String("path", b.jsonPath(jobs[i].ID)), zap.Error(err))
			continue
		}
		jobs[i].HTML = rec.HTML
	}
}
