package ats

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/jobsync/jobsync/posting"
	"github.com/pmezard/go-difflib/difflib"
)

// Change is one field that differs between a board's posting and the desired
// one. Short fields carry Old and New; the body carries only Diff, a unified
// diff of its text (HTMLText of the HTML, as adapters report Remote.Body)
// from the board's ("current") to the desired ("desired").
type Change struct {
	Field string `json:"field"` // "title", "locations", "department", "body", "hash"
	Old   string `json:"old,omitempty"`
	New   string `json:"new,omitempty"`
	Diff  string `json:"diff,omitempty"`
}

// The fields a Change names.
const (
	FieldTitle      = "title"
	FieldLocations  = "locations"
	FieldDepartment = "department"
	FieldBody       = "body"
	// FieldHash appears alone, when the content hash differs but nothing
	// the board shows does (pay, employment type, a field the board does not
	// report back).
	FieldHash = "hash"
)

// changes lists what differs between the board's posting r and the desired
// d, in a fixed field order, among the fields the board reads back: a field
// List cannot read would always look changed.
func changes(d *posting.Posting, r *Remote, opts PlanOptions) []Change {
	reads := func(field string) bool { return opts.Fields == nil || slices.Contains(opts.Fields, field) }
	var cs []Change
	if reads(FieldTitle) && d.Title != r.Title {
		cs = append(cs, Change{Field: FieldTitle, Old: r.Title, New: d.Title})
	}
	if reads(FieldLocations) && !slices.Equal(d.Locations, r.Locations) {
		cs = append(cs, Change{Field: FieldLocations, Old: strings.Join(r.Locations, ", "), New: strings.Join(d.Locations, ", ")})
	}
	if reads(FieldDepartment) && d.Department != r.Department {
		cs = append(cs, Change{Field: FieldDepartment, Old: r.Department, New: d.Department})
	}
	var body string
	if opts.Body != nil {
		body = opts.Body(*d)
	} else {
		body = HTMLText(d.HTML)
	}
	if reads(FieldBody) && body != r.BodyText() {
		if diff := unifiedDiff(r.Body, body); diff != "" {
			cs = append(cs, Change{Field: FieldBody, Diff: diff})
		}
	}
	if len(cs) == 0 && d.Hash != r.Hash {
		cs = append(cs, Change{Field: FieldHash, Old: r.Hash, New: d.Hash})
	}
	return cs
}

// unifiedDiff is the unified diff from old to new text, with three lines of
// context, or "" when the two differ in nothing but trailing line ends.
func unifiedDiff(old, new string) string {
	if len(old) > MaxDiffInputBytes || len(new) > MaxDiffInputBytes {
		// difflib is quadratic: 64 KB of edited lines take half a second
		// and 220 MB, per posting.
		return fmt.Sprintf("--- current\n+++ desired\n[not diffed: %d bytes of text on the board, %d desired; bodies are diffed up to %d bytes]\n", len(old), len(new), MaxDiffInputBytes)
	}
	s, err := difflib.GetUnifiedDiffString(difflib.UnifiedDiff{
		A:        difflib.SplitLines(strings.TrimRight(old, "\n") + "\n"),
		B:        difflib.SplitLines(strings.TrimRight(new, "\n") + "\n"),
		FromFile: "current",
		ToFile:   "desired",
		Context:  3,
	})
	if err != nil { // only a failing writer errs, and a strings.Builder never does
		return ""
	}
	return cutDiff(s)
}

// Bounds on a body diff, so that a plan stays readable and small whatever
// the posting: a long line is cut, and so is a long diff.
const (
	MaxDiffLineBytes  = 2000 // real paragraphs reach 700 bytes; the goldens hold them whole
	MaxDiffLines      = 400
	MaxDiffInputBytes = 32 << 10 // the text of the largest real posting is under 20 KB
)

// cutDiff cuts each line of diff to MaxDiffLineBytes and the diff to
// MaxDiffLines lines, each cut noted where it is.
func cutDiff(diff string) string {
	if len(diff) <= MaxDiffLineBytes && strings.Count(diff, "\n") <= MaxDiffLines {
		return diff
	}
	lines := strings.SplitAfter(diff, "\n")
	if lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	var b strings.Builder
	for i, line := range lines {
		if i == MaxDiffLines {
			fmt.Fprintf(&b, "[%d more lines of diff cut]\n", len(lines)-i)
			break
		}
		body := strings.TrimSuffix(line, "\n")
		if len(body) > MaxDiffLineBytes {
			n := MaxDiffLineBytes
			for n > 0 && !utf8.RuneStart(body[n]) {
				n--
			}
			body = fmt.Sprintf("%s… [cut: %d more bytes]", body[:n], len(body)-n)
		}
		b.WriteString(body)
		b.WriteByte('\n')
	}
	return b.String()
}
