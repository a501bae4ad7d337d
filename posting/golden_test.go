package posting

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// checkGolden compares got with testdata/name, or rewrites the file with
// -update.
func checkGolden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from the golden file (run go test -update after checking):\n--- got\n%s\n--- want\n%s", path, got, want)
	}
}

func TestComposeGolden(t *testing.T) {
	t.Parallel()
	openings := []Opening{
		{Family: "widget-engineer", Level: "Widget Engineer", Specialty: "Gears"},
		{
			Family: "widget-engineer", Level: "senior-widget-engineer", Specialty: "Springs & Coils",
			Locations: []string{"Remote, Americas"}, Department: "Engineering", EmploymentType: "Full-time",
			Workplace: "remote", Pay: &Pay{Min: 120000, Max: 160000, Currency: "USD"},
		},
		{
			Family: "widget-engineer", Level: "Staff Widget Engineer",
			Locations: []string{"Berlin", "Amsterdam"}, Workplace: "hybrid", Pay: &Pay{Min: 95, Max: 95, Currency: "EUR", Interval: "hour"},
		},
	}
	ps, err := Compose([]Family{widgetFamily()}, openings, ComposeOptions{Company: "Example Co", CompanyURL: "https://example.com"})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range ps {
		name := strings.ReplaceAll(p.Key, "/", "_")
		checkGolden(t, name+".golden.html", p.HTML)
		checkGolden(t, name+".golden.md", p.Markdown)
	}
}

// TestComposeLadderGolden: a level known by its code, with expectations
// from a table, composes them into the level's section.
func TestComposeLadderGolden(t *testing.T) {
	t.Parallel()
	fam := Family{
		Key: "comms", Title: "Comms", Role: "Comms tells our story.",
		BaseRequirements: []string{"Clear writing"},
		Levels: []Level{{
			Key: "ic4", Heading: "IC4", Title: "IC4", Code: "IC4",
			Expectations: []string{
				"**Role summary**: An autonomous contributor.",
				"**Collaboration**: Works across the company.\n- Social: drives campaigns\n- Internal: supports leaders",
			},
			Line: 3,
		}, {
			Key: "senior-sdr", Heading: "Senior SDR (P2)", Title: "Senior SDR", Code: "P2",
			Description:  "Senior SDRs mentor SDRs.",
			Expectations: []string{"**Execution**: Drives pipeline alone."},
			Line:         9,
		}},
	}
	ps, err := Compose([]Family{fam}, nil, ComposeOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range ps {
		name := strings.ReplaceAll(p.Key, "/", "_")
		checkGolden(t, name+".golden.html", p.HTML)
		checkGolden(t, name+".golden.md", p.Markdown)
	}
}
