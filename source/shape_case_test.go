package source

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// shapeCase is one fixture page under testdata/shapes and what it parses to.
type shapeCase struct {
	file        string
	title       string
	levels      []string // "Title|Heading|grade|requirements|responsibilities", with "|code" when the level has one
	specialties []string // "Name|requirements|responsibilities"
	warnings    []string // "line|substring"
	role        string   // substring of the role
	base        int
	expect      []string // the levels' expectations, joined by " ~ ", when set
}

// runShapes parses each case's page and compares it with the case.
func runShapes(t *testing.T, cases []shapeCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.file, func(t *testing.T) {
			t.Parallel()
			tc.check(t)
		})
	}
}

func (tc shapeCase) check(t *testing.T) {
	t.Helper()
	path := filepath.Join("testdata", "shapes", tc.file)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	f, err := Parse(path, data, Options{})
	if err != nil {
		t.Fatal(err)
	}
	checkWarnings(t, f, data)
	if f.Title != tc.title {
		t.Errorf("title %q, want %q", f.Title, tc.title)
	}
	var levels []string
	for _, l := range f.Levels {
		s := strings.Join([]string{l.Title, l.Heading,
			strconv.FormatFloat(float64(l.Grade), 'g', -1, 64),
			strconv.Itoa(len(l.Requirements)), strconv.Itoa(len(l.Responsibilities))}, "|")
		if l.Code != "" {
			s += "|" + l.Code
		}
		levels = append(levels, s)
	}
	if strings.Join(levels, "\n") != strings.Join(tc.levels, "\n") {
		t.Errorf("levels:\n%s\nwant:\n%s", strings.Join(levels, "\n"), strings.Join(tc.levels, "\n"))
	}
	if tc.expect != nil {
		var got []string
		for _, l := range f.Levels {
			got = append(got, strings.Join(l.Expectations, " ~ "))
		}
		if strings.Join(got, "\n") != strings.Join(tc.expect, "\n") {
			t.Errorf("expectations:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tc.expect, "\n"))
		}
	}
	var specs []string
	for _, s := range f.Specialties {
		specs = append(specs, s.Name+"|"+strconv.Itoa(len(s.Requirements))+"|"+strconv.Itoa(len(s.Responsibilities)))
	}
	if strings.Join(specs, "\n") != strings.Join(tc.specialties, "\n") {
		t.Errorf("specialties:\n%s\nwant:\n%s", strings.Join(specs, "\n"), strings.Join(tc.specialties, "\n"))
	}
	for _, w := range tc.warnings {
		line, sub, _ := strings.Cut(w, "|")
		n, _ := strconv.Atoi(line)
		if !hasWarning(f, n, sub) {
			t.Errorf("no warning %q at line %d in %+v", sub, n, f.Warnings)
		}
	}
	if len(f.Warnings) != len(tc.warnings) {
		t.Errorf("%d warnings, want %d: %+v", len(f.Warnings), len(tc.warnings), f.Warnings)
	}
	if !strings.Contains(f.Role, tc.role) {
		t.Errorf("role %q does not contain %q", f.Role, tc.role)
	}
	if len(f.BaseRequirements) != tc.base {
		t.Errorf("%d base requirements, want %d: %q", len(f.BaseRequirements), tc.base, f.BaseRequirements)
	}
	for _, s := range append(append([]string{f.Role}, f.BaseRequirements...), f.Responsibilities...) {
		if strings.ContainsAny(s, "<>") {
			t.Errorf("raw HTML passed through: %q", s)
		}
	}
}
