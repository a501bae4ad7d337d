package ats

import (
	"slices"
	"strings"

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
	if reads(FieldBody) && body != r.Body {
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
	return s
}
