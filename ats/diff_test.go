package ats

import (
	"strings"
	"testing"

	"github.com/jobsync/jobsync/posting"
)

// A board that lays postings out its own way gives the plan its layout, so
// an unchanged body shows no diff and a changed one shows only the edit.
func TestChangesUseTheBoardsBodyLayout(t *testing.T) {
	t.Parallel()
	layout := func(p posting.Posting) string { return "What you'll need:\n" + HTMLText(p.HTML) }
	d := &posting.Posting{Title: "PM", HTML: "<ul><li>Go</li></ul>", Hash: "new"}
	same := &Remote{Title: "PM", Body: "What you'll need:\n- Go", Hash: "old"}
	for _, tc := range []struct {
		name     string
		bodyOf   func(posting.Posting) string
		r        *Remote
		wantBody bool
		wantLine string
	}{
		{"board layout, same text", layout, same, false, ""},
		{"default layout sees the board's heading as an edit", nil, same, true, "-What you'll need:"},
		{"board layout, edited text", layout, &Remote{Title: "PM", Body: "What you'll need:\n- Rust"}, true, "+- Go"},
	} {
		cs := changes(d, tc.r, PlanOptions{Body: tc.bodyOf})
		gotBody := false
		for _, c := range cs {
			if c.Field == FieldBody {
				gotBody = true
				if !strings.Contains(c.Diff, tc.wantLine) {
					t.Errorf("%s: diff lacks the edit:\n%s", tc.name, c.Diff)
				}
			}
		}
		if gotBody != tc.wantBody {
			t.Errorf("%s: body change = %v, want %v (%+v)", tc.name, gotBody, tc.wantBody, cs)
		}
	}
}

// A field the board cannot read back is left out of the diff, not shown
// as "" → value; a change to it alone shows as the hash.
func TestChangesLeaveOutFieldsTheBoardCannotRead(t *testing.T) {
	t.Parallel()
	d := &posting.Posting{Title: "PM", Locations: []string{"Remote"}, Department: "Product", HTML: "<p>Go</p>", Hash: "new"}
	r := &Remote{Title: "PM", Body: "Go", Hash: "old"} // as Greenhouse lists it: no locations, no department
	fields := []string{FieldTitle, FieldBody}
	if cs := changes(d, r, PlanOptions{}); len(cs) != 2 || cs[0].Field != FieldLocations || cs[1].Field != FieldDepartment {
		t.Errorf("every field compared: %+v, want locations and department", cs)
	}
	cs := changes(d, r, PlanOptions{Fields: fields})
	if len(cs) != 1 || cs[0].Field != FieldHash {
		t.Errorf("title and body compared: %+v, want the hash alone", cs)
	}
	edited := *r
	edited.Body = "Rust"
	if cs := changes(d, &edited, PlanOptions{Fields: fields}); len(cs) != 1 || cs[0].Field != FieldBody {
		t.Errorf("an edited body: %+v, want the body alone", cs)
	}
}
