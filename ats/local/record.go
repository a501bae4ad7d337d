package local

import (
	"bytes"
	"encoding/json"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/jobsync/jobsync/ats"
	"github.com/jobsync/jobsync/ats/local/site"
	"github.com/jobsync/jobsync/posting"
)

// The values of a record's status.
const (
	statusOpen   = "open"
	statusClosed = "closed"
)

// record is a posting's JSON file. A person may write one by hand: every
// field is optional, and a file without a valid marker is not jobsync's.
type record struct {
	ID             string        `json:"id"`
	Key            string        `json:"key,omitempty"`
	Requisition    string        `json:"requisition,omitempty"`
	Title          string        `json:"title"`
	Family         string        `json:"family,omitempty"`
	FamilyTitle    string        `json:"family_title,omitempty"`
	Level          string        `json:"level,omitempty"`
	Specialty      string        `json:"specialty,omitempty"`
	Grade          posting.Grade `json:"grade,omitempty"`
	Locations      []string      `json:"locations,omitempty"`
	Department     string        `json:"department,omitempty"`
	EmploymentType string        `json:"employment_type,omitempty"`
	Workplace      string        `json:"workplace,omitempty"`
	Pay            *posting.Pay  `json:"pay,omitempty"`
	Company        string        `json:"company,omitempty"`
	CompanyURL     string        `json:"company_url,omitempty"`
	ApplyURL       string        `json:"apply_url,omitempty"`
	ApplyEmail     string        `json:"apply_email,omitempty"`
	ValidThrough   string        `json:"valid_through,omitempty"`
	SourceURL      string        `json:"source_url,omitempty"`
	Markdown       string        `json:"markdown"`
	HTML           string        `json:"html"`
	Status         string        `json:"status"` // "open" or "closed"; anything else reads as open
	Marker         string        `json:"marker,omitempty"`
	// PageSHA256 is the digest of the page written with the record, so
	// that a person's edit of the page is seen (see verifyPage).
	PageSHA256 string     `json:"page_sha256,omitempty"`
	CreatedAt  time.Time  `json:"created_at"`
	UpdatedAt  time.Time  `json:"updated_at"`
	ClosedAt   *time.Time `json:"closed_at"`

	// Of a record made from a posting in this run (newRecord), not stored:
	// its HTML reduced by ats.HTMLText, its fingerprint, and whether its
	// HTML is as posting.Compose sanitised it (the site sanitises any other
	// again: a record read from disk may have been edited by hand).
	text, fp  string
	sanitized bool
}

// newRecord is the open record of p under id, stamped now, with the marker
// (continuing old, the zero Marker for a new posting)
// whose fingerprint List compares against to find drift.
func newRecord(id string, p posting.Posting, now time.Time, old ats.Marker) record {
	// The HTML is reduced to text once, for the marker's fingerprint, the
	// view's and the Remote that Create and Update return.
	text := ats.HTMLText(p.HTML)
	m := recordMarker(id, p, text, old)
	return record{
		ID:             id,
		Key:            p.Key,
		Requisition:    p.Requisition,
		Title:          p.Title,
		Family:         p.Family,
		FamilyTitle:    p.FamilyTitle,
		Level:          p.Level,
		Specialty:      p.Specialty,
		Grade:          p.Grade,
		Locations:      p.Locations,
		Department:     p.Department,
		EmploymentType: p.EmploymentType,
		Workplace:      p.Workplace,
		Pay:            p.Pay,
		Company:        p.Company,
		CompanyURL:     p.CompanyURL,
		ApplyURL:       p.ApplyURL,
		ApplyEmail:     p.ApplyEmail,
		ValidThrough:   p.ValidThrough,
		SourceURL:      p.SourceURL,
		Markdown:       p.Markdown,
		HTML:           p.HTML,
		Status:         statusOpen,
		Marker:         m.String(),
		CreatedAt:      now,
		UpdatedAt:      now,
		text:           text,
		fp:             m.Fingerprint,
		sanitized:      p.HTMLComposed(),
	}
}

// recordMarker is the marker of p's record under id, which held the
// marker old (the zero Marker for a new one), text being p's HTML as
// ats.HTMLText reduces it: bound to the id, with the locations, department
// and state, which a record holds as written.
func recordMarker(id string, p posting.Posting, text string, old ats.Marker) ats.Marker {
	m := ats.NewMarker(p, ats.TextFingerprint(ats.HTMLText(p.Title), text)).Continuing(old).Bound(id)
	m.Attrs, m.State = ats.AttrFingerprint(p.Locations, p.Department), ats.StateOpen
	return m
}

// open reports whether r is open: any status but "closed" (in any case) is,
// so that a hand-made file without one is listed open.
func (r record) open() bool { return !strings.EqualFold(r.Status, statusClosed) }

// encodeRecord is the file's content: compact (indenting a record of 30 KB
// cost a sixth of a full sync's CPU), HTML left unescaped so that a person
// can read and edit it, one trailing newline.
func encodeRecord(r record) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(r); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// readRecord reads and decodes postings/ID.json.
func (b *Board) readRecord(id string) (record, error) {
	data, err := os.ReadFile(b.jsonPath(id))
	if err != nil {
		return record{}, err
	}
	return decodeRecord(data)
}

func decodeRecord(data []byte) (record, error) {
	var r record
	err := json.Unmarshal(data, &r)
	return r, err
}

// remote is r as List returns it but for its Body, which the caller sets
// (see bodyText) or defers. page says whether its HTML page exists, fp is
// its fingerprint (see fingerprint; only an owned record needs one).
func (b *Board) remote(r record, page bool, fp string) ats.Remote {
	rem := ats.Remote{
		ID:         r.ID,
		Title:      r.Title,
		Locations:  r.Locations,
		Department: r.Department,
		Open:       r.open(),
	}
	if page {
		rem.URL = fileURL(filepath.Join(b.postings, r.ID+".html"))
	}
	m, _ := ats.ParseMarker(r.Marker)
	rem.SetOwner(m, func() string { return fp })
	if rem.Owned && rem.Open && !page {
		// The page went missing: no hash matches, so the plan updates the
		// posting and the write puts its page back.
		rem.Hash = ""
	}
	return rem
}

// owned reports whether r carries jobsync's marker.
func (r record) owned() bool {
	m, _ := ats.ParseMarker(r.Marker)
	return ats.Owns(m)
}

// bodyText is r's body as List reports it: the text of its HTML, or of its
// markdown when it has none.
func (r record) bodyText() string {
	if r.HTML == "" {
		return ats.HTMLText(r.Markdown)
	}
	if r.text != "" {
		return r.text
	}
	return ats.HTMLText(r.HTML)
}

// fingerprint is what List compares with the marker's fingerprint: of the
// title and the HTML's text (no text for a record without HTML).
func (r record) fingerprint() string {
	if r.fp != "" {
		return r.fp
	}
	var text string
	if r.HTML != "" {
		text = r.bodyText()
	}
	return ats.TextFingerprint(ats.HTMLText(r.Title), text)
}

// job is r as the site shows it. The body of a record read from disk is
// sanitised again by the site: it may have been edited by hand since
// jobsync wrote it.
func (r record) job() site.Job {
	j := site.Job{
		ID: r.ID, Key: r.Key, Requisition: r.Requisition, Title: r.Title, FamilyTitle: r.FamilyTitle, Family: r.Family,
		Grade: r.Grade, Locations: r.Locations, Workplace: r.Workplace, Department: r.Department,
		EmploymentType: r.EmploymentType, Pay: r.Pay, ApplyURL: r.ApplyURL, ApplyEmail: r.ApplyEmail,
		ValidThrough: r.ValidThrough, HTML: r.HTML, Sanitized: r.sanitized, SourceURL: r.SourceURL, Marker: r.Marker,
		Open: r.open(), Posted: r.CreatedAt, Updated: r.UpdatedAt,
	}
	if r.ClosedAt != nil {
		j.Closed = *r.ClosedAt
	}
	return j
}

func fileURL(path string) string {
	return (&url.URL{Scheme: "file", Path: filepath.ToSlash(path)}).String()
}
