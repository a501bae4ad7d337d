package feed

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"time"
)

// Problem is one thing wrong in a feed: where (the job's reference number,
// or the feed) and what.
type Problem struct {
	Where   string
	Message string
}

func (p Problem) String() string { return p.Where + ": " + p.Message }

// indeedRequired are the elements every <job> must hold, in feeds.md's order.
var indeedRequired = []string{"title", "date", "referencenumber", "requisitionid", "url", "company", "sourcename", "city", "state", "country", "email", "description"}

// CheckIndeed checks an Indeed feed: the declaration and the <source> root;
// in each job every required element present and, but for the city and
// state of a fully remote job, not empty; all content in CDATA; no HTML
// entities but &lt; and &gt;; reference numbers unique; the date ISO 8601;
// the url absolute, with source=Indeed; no pay in the title.
func CheckIndeed(data []byte) []Problem {
	var out []Problem
	add := func(where, format string, args ...any) {
		out = append(out, Problem{where, fmt.Sprintf(format, args...)})
	}
	if !bytes.HasPrefix(data, []byte(`<?xml version="1.0" encoding="utf-8"?>`)) {
		add("feed", `does not start with <?xml version="1.0" encoding="utf-8"?>`)
	}
	var doc struct {
		XMLName xml.Name
		Jobs    []struct {
			Fields []struct {
				XMLName xml.Name
				Text    string `xml:",chardata"`
			} `xml:",any"`
		} `xml:"job"`
	}
	if err := xml.Unmarshal(data, &doc); err != nil {
		add("feed", "not XML: %v", err)
		return out
	}
	if doc.XMLName.Local != "source" {
		add("feed", "root <%s>: want <source>", doc.XMLName.Local)
	}
	if len(doc.Jobs) == 0 {
		add("feed", "no <job>")
	}
	seen := map[string]int{}
	for i, j := range doc.Jobs {
		fields := map[string]string{}
		for _, f := range j.Fields {
			fields[f.XMLName.Local] = strings.TrimSpace(f.Text)
		}
		where := fmt.Sprintf("job %d", i+1)
		if ref := fields["referencenumber"]; ref != "" {
			where = "job " + ref
			if first, dup := seen[ref]; dup {
				add(where, "referencenumber also on job %d: want one per job instance", first)
			}
			seen[ref] = i + 1
		}
		remote := strings.EqualFold(fields["remotetype"], "Fully remote")
		for _, name := range indeedRequired {
			v, ok := fields[name]
			switch {
			case !ok:
				add(where, "no <%s>", name)
			case v == "" && (name == "city" || name == "state") && remote:
			case v == "":
				add(where, "<%s> is empty", name)
			}
		}
		if d := fields["date"]; d != "" {
			if _, err := time.Parse(time.DateOnly, d); err != nil {
				if _, err := time.Parse(time.RFC3339, d); err != nil {
					add(where, "date %q: want ISO 8601", d)
				}
			}
		}
		if u, err := url.Parse(fields["url"]); fields["url"] != "" && (err != nil || u.Host == "" || u.Query().Get("source") != "Indeed") {
			add(where, "url %q: want the job's absolute page URL with source=Indeed", fields["url"])
		}
		if strings.ContainsAny(fields["title"], "$€£") {
			add(where, "title %q holds pay: Indeed wants the title alone", fields["title"])
		}
		for name, v := range fields {
			if m := entityRE.FindString(v); m != "" && m != "&lt;" && m != "&gt;" {
				add(where, "<%s> holds the HTML entity %s: write the character itself", name, m)
			}
		}
	}
	for _, m := range plainTextRE.FindAllSubmatch(cdataRE.ReplaceAll(data, nil), -1) {
		if name := string(m[1]); name != "source" && name != "job" && name != "publisher" && strings.TrimSpace(string(m[2])) != "" {
			add("feed", "<%s> holds text outside CDATA", name)
		}
	}
	return out
}

// cdataRE matches a CDATA section.
var cdataRE = regexp.MustCompile(`(?s)<!\[CDATA\[.*?\]\]>`)

// plainTextRE finds an element whose content starts with text, not CDATA.
var plainTextRE = regexp.MustCompile(`<([a-z_-]+)>([^<]+)<`)

// CheckSitemap checks a sitemap: XML in the sitemap namespace, at most
// 50,000 URLs, each an absolute http(s) URL given once, with a W3C date.
func CheckSitemap(data []byte) []Problem {
	var out []Problem
	add := func(where, format string, args ...any) {
		out = append(out, Problem{where, fmt.Sprintf(format, args...)})
	}
	var set struct {
		XMLName xml.Name
		URLs    []sitemapURL `xml:"url"`
	}
	if err := xml.Unmarshal(data, &set); err != nil {
		add("sitemap", "not XML: %v", err)
		return out
	}
	if set.XMLName.Local != "urlset" || set.XMLName.Space != SitemapNS {
		add("sitemap", "root {%s}%s: want {%s}urlset", set.XMLName.Space, set.XMLName.Local, SitemapNS)
	}
	if len(set.URLs) == 0 || len(set.URLs) > 50000 {
		add("sitemap", "%d URLs: want 1 to 50,000", len(set.URLs))
	}
	seen := map[string]bool{}
	for _, u := range set.URLs {
		p, err := url.Parse(u.Loc)
		if err != nil || p.Host == "" || (p.Scheme != "https" && p.Scheme != "http") {
			add(u.Loc, "not an absolute http(s) URL")
		}
		if seen[u.Loc] {
			add(u.Loc, "listed twice")
		}
		seen[u.Loc] = true
		if u.LastMod != "" {
			if _, err := time.Parse(time.RFC3339, u.LastMod); err != nil {
				if _, err := time.Parse(time.DateOnly, u.LastMod); err != nil {
					add(u.Loc, "lastmod %q: want a W3C date", u.LastMod)
				}
			}
		}
	}
	return out
}
