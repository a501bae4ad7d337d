package source

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestShapes parses one small page per supported shape.
func TestShapes(t *testing.T) {
	t.Parallel()
	runShapes(t, []shapeCase{
		{
			file:  "levels-nested.md",
			title: "Widget Engineer",
			levels: []string{
				"Widget Engineer|Intermediate Widget Engineer|6|2|0",
				"Senior Widget Engineer|Senior Widget Engineer|7|1|1",
			},
			warnings: []string{"53|states no job grade"},
			role:     "Widget Engineers build the widgets",
			base:     2,
		},
		{
			file:  "top-level.md",
			title: "Gadget Analyst",
			levels: []string{
				"Gadget Analyst|Gadget Analyst|6|1|1",
				"Senior Gadget Analyst|Senior Gadget Analyst|7|2|0",
			},
			role: "Gadget Analysts measure gadgets.",
		},
		{
			file:   "single-role.md",
			title:  "Widget Fellow",
			levels: []string{"Widget Fellow|Widget Fellow|12|0|0"},
			role:   "most senior widget expert",
			base:   1,
		},
		{
			file:  "sibling-grade.md",
			title: "Sprocket Manager",
			levels: []string{
				"Sprocket Manager|Sprocket Manager|8|1|0",
				"Senior Sprocket Manager|Senior Sprocket Manager|9.5|2|0",
			},
			role: "Sprocket Managers run the sprocket teams.",
		},
		{
			file:  "grade-forms.md",
			title: "Cog Specialist",
			levels: []string{
				"Associate Cog Specialist|Associate Cog Specialist|5|1|0",
				"Cog Specialist|Cog Specialist|8|0|0",
				"Senior Cog Specialist|Senior Cog Specialist|9|0|0",
				"Lead Cog Specialist|Lead Cog Specialist|10|0|0",
				"Sr. Cog Lead|Sr. Cog Lead|11|0|0",
				"Sr. Cog Manager|Sr. Cog Manager|11|1|0",
				"Principal Cog Specialist|Principal Cog Specialist|12|0|0",
			},
		},
		{
			file:   "nbsp.md",
			title:  "Gear Engineer",
			levels: []string{"Gear Engineer|Gear Engineer|6|1|0"},
		},
		{
			file:  "heading-grade.md",
			title: "Spring Engineer",
			levels: []string{
				"Senior Spring Engineer|Senior Spring Engineer (Grade 8)|8|1|0",
				"Staff Spring Engineer|Staff Spring Engineer|9|1|0",
				"Principal Spring Engineer|Principal Spring Engineer|10|0|0",
				"Distinguished Spring Engineer|Distinguished Spring Engineer|11|0|0",
			},
		},
		{
			file:        "pseudo-headings.md",
			title:       "Valve Technician",
			levels:      []string{"Senior Valve Technician|Senior Valve Technician|7|2|0"},
			specialties: []string{"High Pressure|1|1"},
			role:        "Valve Technicians keep the valves turning.",
			base:        1,
		},
		{
			file:   "front-matter-grade.md",
			title:  "Rivet Auditor",
			levels: []string{"Rivet Auditor|Rivet Auditor|7|0|0"},
			base:   1,
		},
		{
			file:        "specialty-headings.md",
			title:       "Pipe Fitter",
			specialties: []string{"Copper|1|0", "Steel|2|0"},
			role:        "Pipe Fitters fit pipes.",
			base:        1,
		},
		{
			file:  "job-grades-first.md",
			title: "Contract Widget",
			levels: []string{
				"Contract Widget|Contract Widget|6|1|0",
				"Senior Contract Widget|Senior Contract Widget|7|1|0",
			},
		},
		{
			file:        "specialties.md",
			title:       "Bolt Designer",
			specialties: []string{"Hex Bolts|2|1", "Carriage Bolts|2|0", "Anchor Bolts|0|0"},
			warnings:    []string{"29|has no requirements"},
			role:        "Bolt Designers design bolts.",
		},
		{
			file:   "quirks.md",
			title:  "Nut Inspector",
			levels: []string{"Senior Nut Inspector|Senior Nut Inspector|7|2|0"},
			warnings: []string{
				"1|no front matter",
				"11|raw HTML dropped",
				"13|read \"Responsibilites\"",
				"16|placeholder",
				"18|its own item",
				"20|read \"Requirments\"",
				"26|second requirements section",
				"40|second requirements section",
				"44|states no job grade",
				"48|empty specialty",
				"50|placeholder",
			},
			role: "Nut Inspectors inspect nuts.\n\n[Video](https://www.youtube.com/watch?v=abc123XYZ)",
			base: 2,
		},
	})
}

// TestQuirksRepairs checks what the quirks page's repairs produce.
func TestQuirksRepairs(t *testing.T) {
	t.Parallel()
	data, err := os.ReadFile(filepath.Join("testdata", "shapes", "quirks.md"))
	if err != nil {
		t.Fatal(err)
	}
	f, err := Parse("quirks.md", data, Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"Inspect nuts", "Report on nuts", "Escalate broken nuts"}
	if strings.Join(f.Responsibilities, "|") != strings.Join(want, "|") {
		t.Errorf("responsibilities %q, want %q", f.Responsibilities, want)
	}
	if strings.Join(f.BaseRequirements, "|") != "Good eyesight|Patience" {
		t.Errorf("base requirements %q", f.BaseRequirements)
	}
	if got := f.Levels[0].Requirements; strings.Join(got, "|") != "Inspected many nuts|Trains inspectors" {
		t.Errorf("merged requirements %q", got)
	}
	if strings.Contains(f.Role, "Internal note") {
		t.Error("text of dropped HTML kept")
	}
}

// TestNoPosting: a page with no level, specialty or role text fails.
func TestNoPosting(t *testing.T) {
	t.Parallel()
	path := filepath.Join("testdata", "shapes", "no-posting.md")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	_, err = Parse(path, data, Options{})
	var pe *ParseError
	if !errors.As(err, &pe) || pe.Path != path || !errors.Is(err, errNoPosting) {
		t.Fatalf("got %v, want a ParseError naming %s", err, path)
	}
	if !strings.HasPrefix(err.Error(), path+": ") {
		t.Errorf("message %q does not start with the path", err)
	}
}

// TestFrontMatterKept: keys other than title and description are kept, and
// emphasis that starts a continuation line is no malformed list item.
func TestFrontMatterKept(t *testing.T) {
	t.Parallel()
	data, err := os.ReadFile(filepath.Join("testdata", "shapes", "front-matter-grade.md"))
	if err != nil {
		t.Fatal(err)
	}
	f, err := Parse("front-matter-grade.md", data, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if f.Description != "Rivet Auditors audit rivets." || f.FrontMatter["team"] != "quality" || f.FrontMatter["job_grade"] != 7 {
		t.Errorf("description %q front matter %#v", f.Description, f.FrontMatter)
	}
	if _, ok := f.FrontMatter["title"]; ok {
		t.Error("title kept twice")
	}
	want := []string{"Audit rivets\n*Note* that audits are weekly.", "Report findings"}
	if strings.Join(f.Responsibilities, "|") != strings.Join(want, "|") {
		t.Errorf("responsibilities %q, want %q", f.Responsibilities, want)
	}
}

// TestNotAFamily: an index of other pages and a stub of links hold no
// posting, and the error says why, at the line.
func TestNotAFamily(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		file string
		line int
		why  string
	}{
		{"index-table.md", 7, "an index of job families"},
		{"link-stub.md", 5, "only links to other pages"},
	} {
		t.Run(tc.file, func(t *testing.T) {
			t.Parallel()
			path := filepath.Join("testdata", "shapes", tc.file)
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			_, err = Parse(path, data, Options{})
			var pe *ParseError
			if !errors.As(err, &pe) || !errors.Is(err, errNoPosting) || pe.Line != tc.line || !strings.Contains(err.Error(), tc.why) {
				t.Fatalf("got %v, want a no-posting error at line %d saying %q", err, tc.line, tc.why)
			}
		})
	}
}
