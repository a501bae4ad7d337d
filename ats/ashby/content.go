package ashby

import (
	"html"
	"net/url"
	"strings"

	xhtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/jobsync/jobsync/ats"
	"github.com/jobsync/jobsync/posting"
)

// Ashby keeps, of a description written through the API, only the tags it
// documents as accepting updates: h1–h6, b, i, u, a, ul, ol, li, code and
// pre. description writes a posting's HTML in those: strong and em become b
// and i, a paragraph stays a <p> (the block Ashby's own editor writes),
// any other tag is dropped and its text kept, and a link keeps only an
// http, https or mailto href.

// kept are the tags written as they are.
var kept = map[atom.Atom]bool{
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.B: true, atom.I: true, atom.U: true, atom.A: true, atom.Ul: true, atom.Ol: true, atom.Li: true,
	atom.Code: true, atom.Pre: true, atom.P: true,
}

// renamed are tags written as an allowed one.
var renamed = map[atom.Atom]string{atom.Strong: "b", atom.Em: "i"}

// description is p's HTML in Ashby's allowed tags.
func description(p posting.Posting) string {
	body := &xhtml.Node{Type: xhtml.ElementNode, DataAtom: atom.Body, Data: "body"}
	nodes, err := xhtml.ParseFragment(strings.NewReader(p.HTML), body)
	if err != nil {
		return html.EscapeString(ats.HTMLText(p.HTML))
	}
	var b strings.Builder
	for _, n := range nodes {
		writeNode(&b, n)
	}
	return b.String()
}

func writeNode(b *strings.Builder, n *xhtml.Node) {
	switch n.Type {
	case xhtml.TextNode:
		b.WriteString(html.EscapeString(n.Data))
		return
	case xhtml.ElementNode:
	default:
		return // comments, doctypes
	}
	if n.DataAtom == atom.Script || n.DataAtom == atom.Style {
		return
	}
	tag := renamed[n.DataAtom]
	if tag == "" && kept[n.DataAtom] {
		tag = n.Data
	}
	if tag != "" {
		b.WriteString("<" + tag)
		if n.DataAtom == atom.A {
			if href := safeHref(n); href != "" {
				b.WriteString(` href="` + html.EscapeString(href) + `"`)
			}
		}
		b.WriteString(">")
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		writeNode(b, c)
	}
	if tag != "" {
		b.WriteString("</" + tag + ">")
	}
}

// safeHref is a link's href if it is http, https or mailto.
func safeHref(n *xhtml.Node) string {
	for _, a := range n.Attr {
		if a.Key != "href" {
			continue
		}
		u, err := url.Parse(strings.TrimSpace(a.Val))
		if err == nil && (u.Scheme == "http" || u.Scheme == "https" || u.Scheme == "mailto") {
			return u.String()
		}
	}
	return ""
}

// fingerprint is the drift fingerprint of a posting as Ashby holds it: its
// title and the text of its own description body (not the brand's opening
// and closing, which are the company's). Taken from what Ashby answers a
// write with, so that Ashby's re-serialising is never drift.
func fingerprint(title, bodyHTML string) string { return ats.Fingerprint(title, bodyHTML) }

// workplaceTypes map a posting's workplace to Ashby's workplaceType.
var workplaceTypes = map[string]string{"remote": "Remote", "hybrid": "Hybrid", "onsite": "OnSite", "on-site": "OnSite"}

// workplaceType is p's workplace as Ashby names it, nil when it has none
// Ashby knows.
func workplaceType(p posting.Posting) *string {
	if w, ok := workplaceTypes[strings.ToLower(strings.TrimSpace(p.Workplace))]; ok {
		return &w
	}
	return nil
}

// intervals map a pay interval to Ashby's compensation interval.
var intervals = map[string]string{"": "1 YEAR", "year": "1 YEAR", "month": "1 MONTH", "week": "1 WEEK", "day": "1 DAY", "hour": "1 HOUR"}

// tiers are p's pay as a job's compensation tiers: one Salary component,
// or none when p has no pay.
func tiers(p posting.Posting) []apiTier {
	if p.Pay == nil {
		return []apiTier{}
	}
	interval, ok := intervals[strings.ToLower(p.Pay.Interval)]
	if !ok {
		interval = "1 YEAR"
	}
	cur, lo, hi := strings.ToUpper(p.Pay.Currency), float64(p.Pay.Min), float64(p.Pay.Max)
	return []apiTier{{Components: []apiComponent{{CompensationType: "Salary", Interval: interval, CurrencyCode: &cur, MinValue: &lo, MaxValue: &hi}}}}
}

// samePay reports whether a job's tiers are what want says.
func samePay(have, want []apiTier) bool {
	if len(have) != len(want) {
		return false
	}
	for i := range have {
		a, b := have[i].Components, want[i].Components
		if len(a) != len(b) {
			return false
		}
		for k := range a {
			if a[k].CompensationType != b[k].CompensationType || a[k].Interval != b[k].Interval ||
				deref(a[k].CurrencyCode) != deref(b[k].CurrencyCode) || num(a[k].MinValue) != num(b[k].MinValue) || num(a[k].MaxValue) != num(b[k].MaxValue) {
				return false
			}
		}
	}
	return true
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

func num(f *float64) float64 {
	if f == nil {
		return -1
	}
	return *f
}
