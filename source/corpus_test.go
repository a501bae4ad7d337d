package source

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/jobsync/jobsync/posting"
)

// The corpus test reads every page in ../shared/handbook (skipping when the
// folder is absent) and measures, per page, whether jobsync reads it fully,
// partly or not at all:
//
//   - GitLab pages (gitlab/, gitlab-newer/): fully when every grade the page
//     states comes out on the level the sentence names, and no level carries
//     a grade the page does not state. The grades are found by grade
//     sentences matched here, independently of the parser; gitlab-newer/
//     pages also have their levels written out by hand (corpusWant).
//   - other companies' pages (other/): fully when the page yields exactly the
//     levels a recruiter reads off it (title and code, written by hand per
//     page in corpusWant), or the one posting of a single-role ad.
//
// A page that is not read fully is listed in corpusKnown with the reason;
// the test fails when a page's status differs from what is recorded, so the
// table stays true as the parser improves. Run with -v for the report.

// status is how much of a page is read.
type status string

const (
	full    status = "full"
	partial status = "partial"
	none    status = "none"
)

func shared(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(repoRoot(t), "..", "shared", "handbook")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("corpus not present: %v", err)
	}
	return dir
}

// corpusPages lists the pages of one shared folder, as "folder/name".
func corpusPages(t *testing.T, root, folder string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(filepath.Join(root, folder), func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".md") {
			return err
		}
		rel, err := filepath.Rel(root, path)
		out = append(out, filepath.ToSlash(rel))
		return err
	})
	if err != nil || len(out) == 0 {
		t.Fatalf("no pages in %s/%s: %v", root, folder, err)
	}
	sort.Strings(out)
	return out
}

func TestCorpus(t *testing.T) {
	t.Parallel()
	root := shared(t)
	for _, folder := range []string{"gitlab", "gitlab-newer", "other"} {
		pages := corpusPages(t, root, folder)
		counts := map[status]int{}
		var report []string
		for _, rel := range pages {
			data, err := os.ReadFile(filepath.Join(root, rel))
			if err != nil {
				t.Fatal(err)
			}
			got, why := measure(t, rel, data)
			counts[got]++
			if got != full {
				report = append(report, fmt.Sprintf("  %-7s %s: %s", got, rel, why))
			}
			want, reason := full, ""
			if k, ok := corpusKnown[rel]; ok {
				s, r, _ := strings.Cut(k, ": ")
				want, reason = status(s), r
			}
			if got != want {
				t.Errorf("%s: read %s, recorded as %s (%s); measured: %s", rel, got, want, reason, why)
			}
		}
		t.Logf("%s: %d pages: %d fully, %d partly, %d not at all\n%s", folder, len(pages),
			counts[full], counts[partial], counts[none], strings.Join(report, "\n"))
	}
	for rel := range corpusKnown {
		if _, err := os.Stat(filepath.Join(root, rel)); err != nil {
			t.Errorf("corpusKnown names %s, which is not in the corpus", rel)
		}
	}
	for rel := range corpusWant {
		if _, err := os.Stat(filepath.Join(root, rel)); err != nil {
			t.Errorf("corpusWant names %s, which is not in the corpus", rel)
		}
	}
}

// measure parses one page and judges it; why says what is missing.
func measure(t *testing.T, rel string, data []byte) (status, string) {
	t.Helper()
	f, err := Parse(rel, data, Options{})
	var pe *ParseError
	if err != nil && !errors.As(err, &pe) {
		t.Fatalf("%s: error %T is no *ParseError: %v", rel, err, err)
	}
	if err == nil {
		checkWarnings(t, f, data)
	}
	want, hand := corpusWant[rel]
	if !hand {
		if !strings.HasPrefix(rel, "gitlab/") {
			t.Fatalf("%s: no expectation written in corpusWant", rel)
		}
		if noPosting[filepath.Base(rel)] {
			want = pageWant{noPosting: true}
		} else {
			return measureGrades(f, err, data)
		}
	}
	if want.noPosting {
		if err == nil {
			return none, fmt.Sprintf("want no posting, got levels %v", levelSummary(f))
		}
		if want.errLine != 0 && pe.Line != want.errLine || !strings.Contains(pe.Err.Error(), want.errHas) {
			return partial, fmt.Sprintf("want an error at line %d saying %q, got %v", want.errLine, want.errHas, err)
		}
		return full, ""
	}
	if err != nil {
		return none, err.Error()
	}
	if want.single {
		return measureSingle(f, want)
	}
	got, why := measureLevels(f, want.levels)
	if got == full && want.specialties != nil {
		var names []string
		for _, s := range f.Specialties {
			names = append(names, s.Name)
		}
		if !slices.Equal(names, want.specialties) {
			return partial, fmt.Sprintf("specialties %q, want %q", names, want.specialties)
		}
	}
	if got == full && strings.HasPrefix(rel, "gitlab") {
		// the hand-written levels must agree with the grade sentences
		if s, why := measureGrades(f, nil, data); s != full {
			return s, why
		}
	}
	return got, why
}

// pageWant is what a recruiter reads off a page.
type pageWant struct {
	levels      []string // "Title|grade or code" in page order; "Title|" for neither
	specialties []string // names, when the page has them
	noPosting   bool     // the page must fail: it holds no posting
	errLine     int      // the line that error must name, when not 0
	errHas      string   // a part of its message
	single      bool     // a single-role ad: one posting, no level
	role        string   // single: a part of the role text
	resp, reqs  int      // single: responsibilities and requirements
}

// levelID is how a level is compared: "title|grade or code".
func levelID(title string, l posting.Level) string {
	mark := l.Code
	if l.Grade != 0 {
		mark = strconv.FormatFloat(float64(l.Grade), 'g', -1, 64)
	}
	return strings.ToLower(cleanSpace(title)) + "|" + strings.ToLower(mark)
}

// measureLevels compares a family's levels with the ones a recruiter reads:
// a level matches by its title or its heading, with its grade or code.
func measureLevels(f posting.Family, want []string) (status, string) {
	used := make([]bool, len(f.Levels))
	var missing []string
	for _, w := range want {
		w = strings.ToLower(cleanSpace(w))
		found := false
		for i, l := range f.Levels {
			if !used[i] && (levelID(l.Title, l) == w || levelID(l.Heading, l) == w) {
				used[i], found = true, true
				break
			}
		}
		if !found {
			missing = append(missing, w)
		}
	}
	var extra []string
	for i, l := range f.Levels {
		if !used[i] {
			extra = append(extra, levelID(l.Title, l))
		}
	}
	switch {
	case len(missing) == 0 && len(extra) == 0:
		return full, ""
	case len(missing) == len(want):
		return none, fmt.Sprintf("no wanted level found; want %q, got %q", want, extra)
	}
	return partial, fmt.Sprintf("missing %q, not wanted %q", missing, extra)
}

// measureSingle checks a single-role ad: one posting with its role text,
// responsibilities and requirements.
func measureSingle(f posting.Family, want pageWant) (status, string) {
	ps, err := posting.Compose([]posting.Family{f}, nil, posting.ComposeOptions{})
	if err != nil {
		return none, err.Error()
	}
	var probs []string
	if len(ps) != 1 {
		probs = append(probs, fmt.Sprintf("%d postings", len(ps)))
	}
	if !strings.Contains(f.Role, want.role) {
		probs = append(probs, fmt.Sprintf("role lacks %q", want.role))
	}
	if len(f.Responsibilities) != want.resp {
		probs = append(probs, fmt.Sprintf("%d responsibilities, want %d", len(f.Responsibilities), want.resp))
	}
	if len(f.BaseRequirements) != want.reqs {
		probs = append(probs, fmt.Sprintf("%d requirements, want %d", len(f.BaseRequirements), want.reqs))
	}
	if len(probs) == 0 {
		return full, ""
	}
	if len(ps) == 1 && (f.Role != "" || len(f.BaseRequirements) > 0) {
		return partial, strings.Join(probs, "; ")
	}
	return none, strings.Join(probs, "; ")
}

func levelSummary(f posting.Family) []string {
	var out []string
	for _, l := range f.Levels {
		mark := l.Grade.String()
		if l.Code != "" {
			mark = l.Code
		}
		out = append(out, l.Title+" "+mark)
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
	// Line endings as Parse reads them: CRLF, and a lone CR (classic Mac), end a line.
	data = bytes.ReplaceAll(bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n")), []byte("\r"), []byte("\n"))
	n := 1
	for i, c := range data {
		if c == '\n' && i+1 < len(data) {
			n++
		}
	}
	return n
}
