package source

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestLadderShapes covers other companies' career ladders: levels named by
// code in headings, one H1 per level, levels as markdown or HTML table
// columns, HTML row groups, a table mapping titles to codes, and a
// single-role job ad.
func TestLadderShapes(t *testing.T) {
	t.Parallel()
	runShapes(t, []shapeCase{
		{
			file:  "code-headings.md",
			title: "Bolt Career Framework",
			levels: []string{
				"IC1|IC1|0|0|0|IC1",
				"IC2|IC2|0|0|0|IC2",
			},
			warnings: []string{"1|no front matter"},
			role:     "Bolt people grow through these levels.",
			base:     1,
		},
		{
			file:  "level-n-tables.md",
			title: "Nut Analyst Levels",
			levels: []string{
				"Nut Analyst I|Level 1: Nut Analyst I|0|0|0|Level 1",
				"Nut Analyst I|Level 2: Nut Analyst I|0|0|0|Level 2",
				"Senior Nut Analyst|Level 3: Senior Nut Analyst|0|0|0|Level 3",
			},
			expect: []string{
				"**Ownership**: Counts nuts.\nAsks for help. ~ **Earn Trust**: Works in a team.",
				"**Ownership**: Counts many nuts.",
				"",
			},
			warnings: []string{"1|no front matter"},
			role:     "These levels help Nut Analysts grow.",
		},
		{
			file:  "h1-levels.md",
			title: "H1 Levels",
			levels: []string{
				"Washer Engineer I|Washer Engineer I|0|0|0",
				"Washer Engineer II|Washer Engineer II|0|0|0",
				"Senior Washer Engineer|Senior Washer Engineer|0|0|0",
			},
			warnings: []string{"1|no front matter"},
		},
		{
			file:  "table-columns.md",
			title: "Spring Levels",
			levels: []string{
				"L1|L1|0|0|0|L1",
				"L2|L2|0|0|0|L2",
				"L3|L3|0|0|0|L3",
			},
			expect: []string{
				"**Coiling**: Coils springs. ~ **Safety**: Wears gloves.",
				"**Coiling**: Same as L1. ~ **Safety**: Trains others.\nAudits.",
				"**Coiling**: Designs coils. ~ **Safety**: Sets policy.",
			},
			warnings: []string{"1|no front matter"},
			role:     "The matrix below sets out the spring levels.",
		},
		{
			file:   "html-columns.md",
			title:  "Sales Ladder",
			levels: []string{"Rep|Rep|0|0|0|P1", "Senior Rep|Senior Rep|0|0|0|P2"},
			expect: []string{
				"**Execution**: Knows the basics.\nAsks for help. ~ **Knowledge**:\n- Knows the product\n- Knows [rivals](https://example.com/rivals)",
				"**Execution**: Drives _pipeline_ alone. ~ **Knowledge**: Expert.",
			},
			warnings: []string{"1|no front matter"},
		},
		{
			file:   "html-rows.md",
			title:  "Design Ladder",
			levels: []string{"IC1|IC1|0|0|0|IC1", "IC2|IC2|0|0|0|IC2"},
			expect: []string{
				"Entry level. ~ **Strategy**: Learns strategy ~ **Teamwork**: Learns teamwork",
				"**Strategy**: Sets strategy ~ **Teamwork**: Leads a team",
			},
			warnings: []string{"1|no front matter"},
		},
		{
			file:  "code-map.md",
			title: "Rivet Ladder",
			levels: []string{
				"Rivet Engineer 1|Rivet Engineer 1|0|0|0|IC2",
				"Senior Rivet Engineer|Senior Rivet Engineer|0|0|0|IC4",
				"Rivet Manager|Rivet Manager|0|0|0|M2",
			},
			expect:   []string{"**Scope**: Own rivets", "**Scope**: Team rivets", "**Impact**: Runs a rivet team"},
			warnings: []string{"1|no front matter"},
		},
		{
			file:     "job-ad.md",
			title:    "Clamp Engineer",
			warnings: []string{"1|no front matter"},
			role:     "Clamp Co makes clamps.\n\nWe're looking for a clamp-minded engineer.",
			base:     1,
		},
		{
			file:  "framework.md",
			title: "Pump Framework",
			levels: []string{
				"Level 1|Level 1|0|0|0|Level 1",
				"Level 2|Level 2|0|0|0|Level 2",
				"Level 3|Level 3|0|0|0|Level 3",
			},
			expect: []string{
				"**Communication**:\n- Gives status updates ~ **💥 Impact**:\n- Delivers tasks",
				"**Communication**:\n- Gives feedback\n- Writes clear pull requests",
				"",
			},
			warnings: []string{"5|Level 3 of the framework lists no criteria"},
		},
		{
			file:   "level-page.md",
			title:  "Senior Sprocket Engineer",
			levels: []string{"Senior Sprocket Engineer|Senior Sprocket Engineer|0|0|0"},
		},
		{
			file:  "prose-ad.md",
			title: "Flange Designer",
			role:  "world class design into every flange",
		},
	})
}

// TestLevelsInProse: a page that only names its levels in a list holds no
// posting, and the error says where the levels are named.
func TestLevelsInProse(t *testing.T) {
	t.Parallel()
	path := filepath.Join("testdata", "shapes", "prose-levels.md")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	_, err = Parse(path, data, Options{})
	var pe *ParseError
	if !errors.As(err, &pe) || !errors.Is(err, errNoPosting) || pe.Line != 7 ||
		!strings.Contains(err.Error(), "named only in prose (Junior (L1), Mid-level (L2), Senior (L3))") {
		t.Fatalf("got %v, want a no-posting error at line 7 naming the levels", err)
	}
}

// TestLevelPageDescription: a level page's sections are its level's
// description, under their headings.
func TestLevelPageDescription(t *testing.T) {
	t.Parallel()
	data, err := os.ReadFile(filepath.Join("testdata", "shapes", "level-page.md"))
	if err != nil {
		t.Fatal(err)
	}
	f, err := Parse("level-page.md", data, Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := "**Core Competencies**\n\n- Owns sprocket modules\n\n**Functional Competencies**\n\n**Management**\n\n- Leads a small sprocket team"
	if len(f.Levels) != 1 || f.Levels[0].Description != want || f.Role != "" {
		t.Fatalf("levels %+v role %q, want one level described %q", f.Levels, f.Role, want)
	}
}
