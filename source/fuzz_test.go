package source

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// FuzzParse: Parse never panics, fails only with a *ParseError, and every
// warning names a line of the input.
func FuzzParse(f *testing.F) {
	_, pm := pmPage(f)
	f.Add(pm)
	fixtures, _ := filepath.Glob(filepath.Join("testdata", "shapes", "*.md"))
	for _, path := range fixtures {
		data, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	for _, s := range []string{
		"", "---\n", "---\ntitle: x\n---\n", "\x00", "\xff\xfe",
		"- a\n-b\n-c\n", "## Levels\n### A\nThe A is a [grade 8](x).\n",
		"<a id=\"base-x-requirements\"></a>\n## X\n- y\n",
		"## Job Grade\n\nGrade 9.5\n", "| a |\n| - |\n| <b>x</b> |\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		fam, err := Parse("fuzz.md", data, Options{})
		if err != nil {
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("error %T %v is no *ParseError", err, err)
			}
			if pe.Line < 0 || pe.Line > countLines(data) {
				t.Fatalf("error line %d outside the input's %d lines", pe.Line, countLines(data))
			}
			return
		}
		checkWarnings(t, fam, data)
		for _, l := range fam.Levels {
			if l.Line < 1 || l.Line > countLines(data) {
				t.Fatalf("level line %d outside the input", l.Line)
			}
		}
	})
}
