package source

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jobsync/jobsync/posting"
	"github.com/pmezard/go-difflib/difflib"
)

func parsePM(t *testing.T) posting.Family {
	t.Helper()
	_, data := pmPage(t)
	f, err := Parse("testdata/product-manager.md", data, Options{BaseURL: "https://handbook.gitlab.com"})
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func TestProductManagerFamily(t *testing.T) {
	t.Parallel()
	f := parsePM(t)
	if f.Title != "Product Manager" || f.Key != "product-manager" {
		t.Errorf("title %q key %q", f.Title, f.Key)
	}
	if want := "Product Managers at GitLab have a unique opportunity to define the future of the entire DevOps lifecycle"; f.Description != want {
		t.Errorf("description = %q", f.Description)
	}
	if f.BaseURL != "https://handbook.gitlab.com" || f.Source != "testdata/product-manager.md" {
		t.Errorf("base %q source %q", f.BaseURL, f.Source)
	}
	if len(f.BaseRequirements) != 19 {
		t.Errorf("%d base requirements, want 19", len(f.BaseRequirements))
	}
	if f.BaseRequirements[0] != "Experience in product management" ||
		f.BaseRequirements[18] != "Bonus points: Experience engaging with customers in a B2B setting" {
		t.Errorf("base requirements from %q to %q", f.BaseRequirements[0], f.BaseRequirements[18])
	}
	// 4 from Core PM Responsibilities, 8 + 6 + 4 from its three sub-sections
	if len(f.Responsibilities) != 22 {
		t.Errorf("%d responsibilities, want 22", len(f.Responsibilities))
	}
	if !strings.HasPrefix(f.Role, "[Video](https://www.youtube.com/watch?v=DVLOyaRbAoM)\n\nProduct Managers at GitLab") {
		t.Errorf("role starts %q", f.Role[:80])
	}
	if !strings.Contains(f.Role, "[single application](/handbook/product/single-application)") {
		t.Error("role lost its inline link")
	}
	if strings.Contains(f.Role, "<") {
		t.Errorf("raw HTML in role: %q", f.Role)
	}
	if !strings.Contains(f.ResponsibilitiesText, "| Task | Description |") {
		t.Error("responsibilities text lost the table")
	}
	if f.PerformanceIndicator != "[Stage Monthly Active Users](/handbook/product/performance-indicators/)" {
		t.Errorf("performance indicator %q", f.PerformanceIndicator)
	}
}

func TestProductManagerLevels(t *testing.T) {
	t.Parallel()
	f := parsePM(t)
	want := []struct {
		title, heading string
		grade          posting.Grade
		reqs           int
		line           int
	}{
		{"Product Manager", "Intermediate Product Manager", 7, 5, 121},
		{"Senior Product Manager", "Senior Product Manager", 8, 4, 179},
		{"Principal Product Manager", "Principal Product Manager", 9, 7, 239},
		// 6 listed (line 333 split out) + the prose of the second Requirements section
		{"Senior Principal Product Manager", "Senior Principal Product Manager", 10, 7, 307},
	}
	if len(f.Levels) != len(want) {
		t.Fatalf("%d levels, want %d: %+v", len(f.Levels), len(want), f.Levels)
	}
	for i, w := range want {
		l := f.Levels[i]
		if l.Title != w.title || l.Heading != w.heading || l.Grade != w.grade || len(l.Requirements) != w.reqs || l.Line != w.line {
			t.Errorf("level %d = %q/%q grade %v, %d reqs, line %d; want %+v", i, l.Title, l.Heading, l.Grade, len(l.Requirements), l.Line, w)
		}
		if l.Key != posting.Slug(w.title) {
			t.Errorf("level %d key %q", i, l.Key)
		}
		if strings.HasPrefix(l.Title, "Moving") {
			t.Errorf("%q is no level", l.Title)
		}
	}
	sp := f.Levels[3]
	found := false
	for _, r := range sp.Requirements {
		if strings.HasPrefix(r, "Leads working groups") {
			found = true
		}
		if strings.Contains(r, "\n-Leads") {
			t.Errorf("malformed item still glued: %q", r)
		}
	}
	if !found {
		t.Errorf("no requirement starts with %q: %q", "Leads working groups", sp.Requirements)
	}
	if !hasWarning(f, 333, "its own item") {
		t.Errorf("no warning at line 333: %+v", f.Warnings)
	}
	if !hasWarning(f, 336, "second requirements section") {
		t.Errorf("no warning for the second Requirements section: %+v", f.Warnings)
	}
	for _, line := range []int{347, 351, 355, 359} {
		if !hasWarning(f, line, "placeholder") {
			t.Errorf("no placeholder warning at line %d", line)
		}
	}
	if strings.Contains(sp.Description, "future iteration") {
		t.Error("placeholder kept in the description")
	}
	if strings.Contains(f.Levels[0].Description, "is a [grade 7]") {
		t.Error("grade sentence kept in the description")
	}
	if !strings.Contains(f.Levels[0].Description, "  - Counterparts, executives") {
		t.Error("nested list lost its indentation in the description")
	}
}

func TestProductManagerSpecialties(t *testing.T) {
	t.Parallel()
	f := parsePM(t)
	if len(f.Specialties) != 28 {
		t.Fatalf("%d specialties, want 28", len(f.Specialties))
	}
	if f.Specialties[0].Name != "Manage (Organization)" || f.Specialties[27].Name != "ModelOps (MLOps)" {
		t.Errorf("specialties run from %q to %q", f.Specialties[0].Name, f.Specialties[27].Name)
	}
	byName := map[string]posting.Specialty{}
	for _, s := range f.Specialties {
		byName[s.Name] = s
	}
	for _, tc := range []struct {
		name       string
		reqs, resp int
	}{
		{"Verify (CI)", 3, 0},
		{"Govern", 2, 0},
		{"Platforms - GitLab Dedicated", 4, 5},
		{"Platforms - Delivery & Scalability", 3, 3},
		{"Foundations", 3, 0},
		{"Switchboard", 6, 0},
	} {
		s, ok := byName[tc.name]
		if !ok {
			t.Errorf("no specialty %q", tc.name)
			continue
		}
		if len(s.Requirements) != tc.reqs || len(s.Responsibilities) != tc.resp {
			t.Errorf("%s: %d requirements, %d responsibilities; want %d, %d", tc.name, len(s.Requirements), len(s.Responsibilities), tc.reqs, tc.resp)
		}
	}
	if got := byName["Verify (CI)"].Key; got != "verify-ci" {
		t.Errorf("key %q", got)
	}
	if got := byName["Govern"].Description; got != "" {
		t.Errorf("Govern has only a bare list, description %q", got)
	}
	if got := byName["Foundations"].Requirements[2]; got != "Understanding of the UX design best practices. Bonus points if\n  - Experience working as a designer.\n  - Experience building design systems.\n  - Familiarity with SUS." {
		t.Errorf("nested item %q", got)
	}
	if got := byName["Manage (Organization)"].Description; !strings.HasSuffix(got, "[Video](https://www.youtube.com/watch?v=GhUAv1XlhVU)") {
		t.Errorf("video not kept as a link: %q", got)
	}
}

func TestProductManagerGolden(t *testing.T) {
	t.Parallel()
	f := parsePM(t)
	got, err := json.MarshalIndent(f, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	golden := filepath.Join("testdata", "product-manager.golden.json")
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test ./source -update)", err)
	}
	if !bytes.Equal(got, want) {
		diff, _ := difflib.GetUnifiedDiffString(difflib.UnifiedDiff{
			A: difflib.SplitLines(string(want)), B: difflib.SplitLines(string(got)),
			FromFile: golden, ToFile: "Parse output", Context: 2,
		})
		t.Errorf("Parse output differs from %s (go test ./source -update rewrites it):\n%s", golden, diff)
	}
}
