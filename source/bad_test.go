package source

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestParseBadInput: bad bytes give a ParseError naming the file (and line
// where there is one), never a panic.
func TestParseBadInput(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		data string
		line int
		msg  string
	}{
		{"empty", "", 0, "empty"},
		{"blank", " \n\n\t\n", 0, "empty"},
		{"front matter only", "---\ntitle: X\n---\n", 0, "empty"},
		{"binary", "# Title\n\nsome\x00thing\n", 3, "binary"},
		{"invalid utf-8", "---\ntitle: X\n---\n\n## Role\n\nbad \xff byte\n", 7, "UTF-8"},
		{"bad yaml", "---\ntitle: X\ndescription: [unclosed\n---\n\n## Role\n\ntext\n", 2, "front matter"}, // yaml.v3 reports the mapping's line
		{"yaml tab", "---\ntitle: X\n\tbad: indent\n---\n\n## Role\n\ntext\n", 3, "front matter"},
		{"unclosed front matter", "---\ntitle: X\n\n## Role\n\ntext\n", 1, "not closed"},
		{"no posting", "---\ntitle: X\n---\n\n## Hiring Process\n\nApply.\n", 0, "no posting"},
		{"only headings", "# A\n## B\n### C\n", 0, "no posting"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			_, err := Parse("page.md", []byte(tc.data), Options{})
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("got %v, want a *ParseError", err)
			}
			if pe.Path != "page.md" || pe.Line != tc.line || !strings.Contains(err.Error(), tc.msg) {
				t.Errorf("got %q (line %d), want line %d and %q", err, pe.Line, tc.line, tc.msg)
			}
			want := "page.md: "
			if tc.line > 0 {
				want = "page.md:" + strconv.Itoa(tc.line) + ": "
			}
			if !strings.HasPrefix(err.Error(), want) {
				t.Errorf("message %q does not start %q", err, want)
			}
		})
	}
}

// TestReadBadFiles: Read and Load name the file for every bad input.
func TestReadBadFiles(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	big := make([]byte, 2048)
	for i := range big {
		big[i] = 'a'
	}
	for _, tc := range []struct {
		name string
		path string
		msg  string
	}{
		{"empty", write("empty.md", nil), "empty"},
		{"binary", write("binary.md", []byte("\x89PNG\r\n\x1a\n\x00\x00")), "binary"},
		{"invalid utf-8", write("latin1.md", []byte("## Role\n\ncaf\xe9\n")), "UTF-8"},
		{"too large", write("big.md", big), "too large"},
		{"missing", filepath.Join(dir, "missing.md"), "no such file"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			pages := Load(t.Context(), tc.path, LoadOptions{Read: ReadOptions{MaxSize: 1024, CacheDir: "-"}})
			if len(pages) != 1 {
				t.Fatalf("%d pages, want 1", len(pages))
			}
			if err := pages[0].Err; err == nil || !strings.Contains(err.Error(), tc.path) || !strings.Contains(err.Error(), tc.msg) {
				t.Fatalf("got %v, want an error naming %s and saying %q", err, tc.path, tc.msg)
			}
		})
	}
}
