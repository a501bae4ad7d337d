package source

import (
	"bytes"
	"errors"
	"reflect"
	"strings"
	"testing"
)

// Pages built to make the parser slow or huge are refused before goldmark
// sees them, with an error naming the line: goldmark's block parser is
// quadratic in nesting depth (100k list levels took 71 s).
func TestHostilePagesRefused(t *testing.T) {
	t.Parallel()
	const head = "---\ntitle: Engineer\n---\n# Engineer\n\nRole.\n\n"
	for _, tc := range []struct {
		name string
		page string
		line int
		want string
	}{
		{"100k nested list markers", head + strings.Repeat("- ", 100_000) + "x\n", 8, "200001 bytes long"},
		{"nested list markers", head + strings.Repeat("- ", 5000) + "x\n", 8, "nested 5000 deep"},
		{"nested quotes", head + strings.Repeat("> ", 5000) + "x\n", 8, "nested 5000 deep"},
		{"nested mixed", head + strings.Repeat("> 1. * ", 20) + "x\n", 8, "nested 60 deep"},
		{"nested by indentation", head + func() string {
			var b strings.Builder
			for i := range 200 {
				b.WriteString(strings.Repeat("  ", i) + "- x\n")
			}
			return b.String()
		}(), 8 + maxNesting, "nested 33 deep"},
		{"a 100k-column table", head + strings.Repeat("| a ", 100_000) + "|\n" + strings.Repeat("|---", 100_000) + "|\n", 8, "400001 bytes long"},
		{"a 1000-column table", head + strings.Repeat("| a ", 1000) + "|\n" + strings.Repeat("|---", 1000) + "|\n", 8, "table row of 1000 cells"},
		{"a 4 MB line", head + strings.Repeat("word ", 800_000) + "\n", 0, "4000044 bytes; the limit is 1048576"},
		{"a 400 KB line", head + strings.Repeat("word ", 80_000) + "\n", 8, "400000 bytes long"},
		{"a long front matter line", "---\ntitle: " + strings.Repeat("x", 20_000) + "\n---\n# E\n", 2, "20007 bytes long"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			_, err := Parse("role.md", []byte(tc.page), Options{})
			var pe *ParseError
			if !errors.As(err, &pe) || pe.Line != tc.line || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error = %v, want a ParseError on line %d holding %q", err, tc.line, tc.want)
			}
		})
	}
}

// Nesting inside fenced code is text, not nesting, and the real pages stay
// well under every limit.
func TestLimitsLeaveRealPagesAlone(t *testing.T) {
	t.Parallel()
	page := "---\ntitle: Engineer\n---\n# Engineer\n\nRole.\n\n```\n" + strings.Repeat("- ", 500) + "\n```\n"
	if _, err := Parse("role.md", []byte(page), Options{}); err != nil {
		t.Errorf("fenced code: %v", err)
	}
	_, data := pmPage(t)
	if _, err := Parse("product-manager.md", data, Options{}); err != nil {
		t.Errorf("product-manager.md: %v", err)
	}
}

// A page saved with CR-only line endings (classic Mac) parses as the same
// page with LF endings, not as one line holding everything.
func TestCROnlyLineEndings(t *testing.T) {
	t.Parallel()
	_, data := pmPage(t)
	want, err := Parse("pm.md", data, Options{})
	if err != nil {
		t.Fatal(err)
	}
	got, err := Parse("pm.md", bytes.ReplaceAll(data, []byte("\n"), []byte("\r")), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("CR-only page: %d levels, %d specialties, %d warnings; want %d, %d, %d",
			len(got.Levels), len(got.Specialties), len(got.Warnings), len(want.Levels), len(want.Specialties), len(want.Warnings))
	}
}

// A title or description that is a list or a mapping is refused: it would
// be published as "[a b]".
func TestNonStringTitleRefused(t *testing.T) {
	t.Parallel()
	for _, fm := range []string{"title: [a, b]", "title: {a: 1}", "description:\n  - a\n  - b"} {
		_, err := Parse("role.md", []byte("---\n"+fm+"\n---\n# Engineer\n\nRole.\n\n## Requirements\n\n- Go\n"), Options{})
		var pe *ParseError
		if !errors.As(err, &pe) || pe.Line != 2 || !strings.Contains(err.Error(), "want a string") {
			t.Errorf("%q: error = %v, want a ParseError on line 2 saying it wants a string", fm, err)
		}
	}
	if _, err := Parse("role.md", []byte("---\ntitle: 2024\n---\n# Engineer\n\nRole.\n"), Options{}); err != nil {
		t.Errorf("a number as title: %v", err)
	}
}

// Control characters (ESC sequences that retitle or clear a terminal, bidi
// overrides that reorder text) never reach a family: they are dropped, with
// a warning naming the first line that held one.
func TestControlCharactersDropped(t *testing.T) {
	t.Parallel()
	page := "---\ntitle: \"Engineer\\e]0;owned\\a\"\n---\n# Engineer\n\nRole\x1b[2J text.\n\n## Requirements\n\n- Go\u202e\x7f\u0085\n- Rust\n"
	f, err := Parse("role.md", []byte(page), Options{})
	if err != nil {
		t.Fatal(err)
	}
	all := f.Title + f.Role + strings.Join(f.BaseRequirements, "|")
	if strings.ContainsFunc(all, isControl) {
		t.Errorf("control characters kept: %q", all)
	}
	if f.Title != "Engineer]0;owned" || !strings.Contains(f.Role, "Role[2J text.") {
		t.Errorf("title %q, role %q: want the text around the controls kept", f.Title, f.Role)
	}
	if !hasWarning(f, 2, "control character") {
		t.Errorf("no warning on line 2: %+v", f.Warnings)
	}
}
