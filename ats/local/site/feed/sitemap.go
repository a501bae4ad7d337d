// Package feed writes the machine-read files of a careers site: sitemap.xml
// (the open postings' pages, for search engines) and an Indeed XML job feed
// (one <job> per posting per location), and checks both. Like package site
// it is pure: the same jobs give the same bytes, so a board that writes them
// twice writes them once.
//
// The Indeed feed follows ../shared/feeds.md: the XML declaration and a
// <source> root; per job every required element (title, date,
// referencenumber, requisitionid, url, company, sourcename, city, state,
// country, email, description), all in CDATA, without HTML entities; a
// referencenumber unique per job instance and stable across runs (the
// posting's requisition and the location), a requisitionid shared by the
// locations of one opening, and a url to the posting's page with
// source=Indeed. A location that is an area ("Remote (Americas)") is one
// job per country the area spans.
package feed

import (
	"bytes"
	"encoding/xml"
	"slices"
	"strings"
	"time"

	"github.com/jobsync/jobsync/ats/local/site"
)

// SitemapNS is the sitemap protocol's namespace.
const SitemapNS = "http://www.sitemaps.org/schemas/sitemap/0.9"

type urlset struct {
	XMLName xml.Name     `xml:"urlset"`
	NS      string       `xml:"xmlns,attr"`
	URLs    []sitemapURL `xml:"url"`
}

type sitemapURL struct {
	Loc     string `xml:"loc"`
	LastMod string `xml:"lastmod,omitempty"`
}

// Sitemap lists the index and every open job's page, with the time each
// last changed. Closed pages are left out: they ask not to be indexed. It
// needs the site's base URL; without one it returns nil.
func Sitemap(s site.Site, jobs []site.Job) ([]byte, error) {
	if s.IndexURL() == "" {
		return nil, nil
	}
	open := openJobs(jobs)
	set := urlset{NS: SitemapNS}
	var latest time.Time
	for _, j := range open {
		if j.Updated.After(latest) {
			latest = j.Updated
		}
	}
	set.URLs = append(set.URLs, sitemapURL{Loc: s.IndexURL(), LastMod: stamp(latest)})
	for _, j := range open {
		set.URLs = append(set.URLs, sitemapURL{Loc: s.PageURL(j), LastMod: stamp(j.Updated)})
	}
	return marshal(set, `<?xml version="1.0" encoding="UTF-8"?>`)
}

// openJobs are the open jobs, by id.
func openJobs(jobs []site.Job) []site.Job {
	var open []site.Job
	for _, j := range jobs {
		if j.Open {
			open = append(open, j)
		}
	}
	slices.SortFunc(open, func(a, b site.Job) int { return strings.Compare(a.ID, b.ID) })
	return open
}

func stamp(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

// marshal writes v indented after the declaration, with a final newline.
func marshal(v any, declaration string) ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteString(declaration + "\n")
	enc := xml.NewEncoder(&buf)
	enc.Indent("", "  ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	buf.WriteByte('\n')
	return buf.Bytes(), nil
}
