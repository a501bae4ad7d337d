package posting

import (
	"slices"
	"strings"
	"testing"
)

func TestIsPlaceholder(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		in   string
		want bool
	}{
		{"Additional example behaviors are to be added in a future iteration.", true},
		{"To Be Added In A Future Iteration", true},
		{"Salary TBD", true},
		{"TODO: write this", true},
		{"(TBD)", true},
		{"Todo lists are fun", false},
		{"TBDs are fine inside words: XTBDX", false},
		{"Experience in product management", false},
		{"", false},
		{"Location: tbd", true},
		{"Coming soon.", true},
		{"Lorem ipsum dolor sit amet", true},
		{"Maintain a todo list", false},
		{"Work with TBDX tooling", false},
		{"The upcoming soon-to-be-released feature", false},
		{"Be the one making decisions.", false},
		{strings.Repeat("Long real content. ", 20) + "Details TBD.", false}, // content that mentions a TBD
	} {
		if got := IsPlaceholder(tc.in); got != tc.want {
			t.Errorf("IsPlaceholder(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
}

func TestDropPlaceholderText(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ name, in, want string }{
		{"nothing to drop", "One.\n\nTwo.", "One.\n\nTwo."},
		{"paragraph dropped", "One.\n\nMore is TBD.\n\nThree.", "One.\n\nThree."},
		{"list item dropped", "Intro.\n\n- Keep\n- Additional behaviors are to be added in a future iteration.\n- Keep too", "Intro.\n\n- Keep\n- Keep too"},
		{"nested item goes with its parent", "- TODO later\n  - child\n- Keep", "- Keep"},
		{"nested placeholder drops its parent item", "- Parent\n  - TBD\n- Keep", "- Keep"},
		{"whole list dropped", "Intro.\n\n- TBD\n- TODO", "Intro."},
		{"ordered list", "1. Keep\n2. TBD", "1. Keep"},
		{"only placeholder", "TBD", ""},
		{"long paragraph mentioning TBD kept", strings.Repeat("Real content. ", 20) + "Dates TBD.", strings.Repeat("Real content. ", 20) + "Dates TBD."},
		{"long list still loses its placeholder item", "- " + strings.Repeat("long item ", 25) + "\n- TBD", "- " + strings.TrimSpace(strings.Repeat("long item ", 25))},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			if got := dropPlaceholderText(tc.in); got != tc.want {
				t.Errorf("dropPlaceholderText(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestCleanItems(t *testing.T) {
	t.Parallel()
	in := []string{"Keep", " Trim ", "TBD", "", "Para one\n\n  continued", "Additional example behaviors are to be added in a future iteration."}
	want := []string{"Keep", "Trim", "Para one\n  continued"}
	if got := cleanItems(in); !slices.Equal(got, want) {
		t.Errorf("cleanItems = %q, want %q", got, want)
	}
	clean := []string{"a", "b"}
	if got := cleanItems(clean); &got[0] != &clean[0] {
		t.Error("cleanItems copied a clean list")
	}
}
