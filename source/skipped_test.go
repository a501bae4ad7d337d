package source

import (
	"strings"
	"testing"
)

// Specialties under a heading that is not published (here "Hiring Process",
// as on one real page) are not silently lost: a warning says where.
func TestSpecialtiesUnderASkippedSectionAreWarnedAbout(t *testing.T) {
	t.Parallel()
	page := `---
title: Widget Engineer
---

## Responsibilities

- Build widgets

## Hiring Process

- A screening call

### Gears

#### Requirements

- Knows gears

### Springs

#### Requirements

- Knows springs
`
	fam, err := Parse("widget.md", []byte(page), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(fam.Specialties) != 0 {
		t.Fatalf("specialties %v: a skipped section's sub-sections are not published", fam.Specialties)
	}
	for _, w := range fam.Warnings {
		if w.Line == 9 && strings.Contains(w.Message, "2 of its sub-sections") {
			return
		}
	}
	t.Errorf("no warning at line 9 about the two specialty-like sub-sections; got %+v", fam.Warnings)
}
