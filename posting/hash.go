package posting

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"strings"
)

// hashVersion starts every hashed encoding, so that a change of what the hash
// covers is a change of every hash, never a silent collision. It also stands
// for how a posting's Markdown and HTML are rendered from its Sections, which
// the hash covers instead of the rendered text: bump it whenever rendering
// changes what a section yields (renderMarkdown, renderHTML, RenderHTML, the
// sanitising policy, a goldmark or bluemonday upgrade that changes output),
// so that every board gets the new text.
const hashVersion = "jobsync-posting/v3"

// ContentHash returns the hex SHA-256 of everything p publishes: title,
// grade, locations, department, employment type, workplace, pay, source URL,
// company, where to apply, the closing day, the family's name and the body. It leaves out Key, the family, level and specialty keys,
// Boards and Owner, which say where and as what a posting is published, not what.
//
// The body is hashed as its Sections (kind, heading, text, items) and the
// link targets of its HTML: Markdown and HTML are rendered from the Sections
// (see hashVersion), and the HTML's links are the one part that also depends
// on the family's base URL, which resolves relative links. A posting with
// Sections must therefore carry the Markdown and HTML Compose renders from
// them; one without Sections is hashed by its whole Markdown and HTML.
//
// The encoding is length-prefixed and in a fixed order, and each text is
// hashed on its own first, so equal postings hash equal in every run.
func (p *Posting) ContentHash() string {
	var e hashEncoder
	e.str(hashVersion)
	e.str(p.Title)
	e.str(p.FamilyTitle)
	e.str(p.Grade.String())
	e.strs(p.Locations)
	e.str(p.Department)
	e.str(p.EmploymentType)
	e.str(p.Workplace)
	if p.Pay != nil {
		e.str("pay")
		e.int(p.Pay.Min)
		e.int(p.Pay.Max)
		e.str(p.Pay.Currency)
		e.str(p.Pay.Interval)
	} else {
		e.str("")
	}
	e.str(p.SourceURL)
	e.str(p.Company)
	e.str(p.CompanyURL)
	e.str(p.ApplyURL)
	e.str(p.ApplyEmail)
	e.str(p.ValidThrough)
	e.uint(len(p.Sections))
	for _, s := range p.Sections {
		e.str(string(s.Kind))
		e.text(s.Heading)
		e.text(s.Text)
		e.uint(len(s.Items))
		for _, it := range s.Items {
			e.text(it)
		}
	}
	if len(p.Sections) == 0 {
		e.text(p.Markdown)
		e.text(p.HTML)
	} else {
		e.links(p.HTML)
	}
	sum := sha256.Sum256(e.buf)
	return hex.EncodeToString(sum[:])
}

// hashEncoder appends values with their lengths, so that no two different
// postings encode to the same bytes. Texts are appended as their digests.
type hashEncoder struct {
	buf []byte
}

func (e *hashEncoder) str(s string) {
	e.uint(len(s))
	e.buf = append(e.buf, s...)
}

func (e *hashEncoder) strs(ss []string) {
	e.uint(len(ss))
	for _, s := range ss {
		e.str(s)
	}
}

func (e *hashEncoder) uint(n int) {
	e.buf = binary.AppendUvarint(e.buf, uint64(n))
}

func (e *hashEncoder) int(n int64) {
	e.buf = binary.AppendVarint(e.buf, n)
}

// text appends the SHA-256 of s.
func (e *hashEncoder) text(s string) {
	sum := sha256.Sum256([]byte(s))
	e.buf = append(e.buf, sum[:]...)
}

// links appends the href values of html, in order, each after a 1 and all
// followed by a 0. Text in sanitised HTML has its quotes escaped, so every
// `href="` starts an attribute.
func (e *hashEncoder) links(html string) {
	const attr = `href="`
	for {
		i := strings.Index(html, attr)
		if i < 0 {
			break
		}
		html = html[i+len(attr):]
		end := strings.IndexByte(html, '"')
		if end < 0 {
			end = len(html)
		}
		e.buf = append(e.buf, 1)
		e.str(html[:end])
		html = html[end:]
	}
	e.buf = append(e.buf, 0)
}
