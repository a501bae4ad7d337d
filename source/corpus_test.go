package source

import (
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"testing"

	"github.com/jobsync/jobsync/posting"
)

// noPosting lists the corpus pages that hold no posting and must fail.
var noPosting = map[string]bool{
	"engineering___index.md":                           true, // front matter only
	"engineering__development__management__fellow.md":  true, // a stub that links elsewhere
	"alliances__technology-partner-manager___index.md": true, // indicators and hiring process only
}

// looseGrade finds grade sentences in raw page text, independently of the
// parser: "is a [grade 8](", "are a [grade 7]", "is a [8](", "is a grade 9.5",
// "[grade #12]".
var looseGrade = regexp.MustCompile(`(?i)\b(?:is|are)\s+an?\s+(?:\[\s*(?:grade\s*#?\s*)?(\d+(?:\.\d+)?)\s*\]|grade\s*#?\s*(\d+(?:\.\d+)?))`)

func corpusDir(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(repoRoot(t), "..", "shared", "handbook", "gitlab")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("corpus not present: %v", err)
	}
	return dir
}

func TestCorpus(t *testing.T) {
	t.Parallel()
	dir := corpusDir(t)
	paths, err := filepath.Glob(filepath.Join(dir, "*.md"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no pages in %s: %v", dir, err)
	}
	for _, path := range paths {
		name := filepath.Base(path)
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			f, err := Parse(path, data, Options{})
			if noPosting[name] {
				var pe *ParseError
				if !errors.As(err, &pe) || pe.Path != path {
					t.Fatalf("want a ParseError naming the page, got %v", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			checkWarnings(t, f, data)
			have := map[posting.Grade]bool{}
			for _, l := range f.Levels {
				have[l.Grade] = true
			}
			var missing []string
			for _, m := range looseGrade.FindAllStringSubmatch(normalizeSpace(string(data)), -1) {
				num := m[1]
				if num == "" {
					num = m[2]
				}
				g, err := strconv.ParseFloat(num, 64)
				if err != nil {
					t.Fatal(err)
				}
				if !have[posting.Grade(g)] {
					missing = append(missing, num)
				}
			}
			if len(missing) > 0 {
				sort.Strings(missing)
				t.Errorf("grades stated on the page but on no level: %v (levels %+v)", missing, levelSummary(f))
			}
		})
	}
}

func normalizeSpace(s string) string {
	return regexp.MustCompile("\u00a0").ReplaceAllString(s, " ")
}

func levelSummary(f posting.Family) []string {
	var out []string
	for _, l := range f.Levels {
		out = append(out, l.Title+" "+strconv.FormatFloat(float64(l.Grade), 'g', -1, 64))
	}
	return out
}

// checkWarnings asserts every warning names a line of the file.
func checkWarnings(t *testing.T, f posting.Family, data []byte) {
	t.Helper()
	lines := countLines(data)
	for _, w := range f.Warnings {
		if w.Line < 1 || w.Line > lines {
			t.Errorf("warning line %d outside 1..%d: %s", w.Line, lines, w.Message)
		}
	}
}

func countLines(data []byte) int {
	n := 1
	for i, c := range data {
		if c == '\n' && i+1 < len(data) {
			n++
		}
	}
	return n
}
