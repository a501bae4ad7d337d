package source

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/jobsync/jobsync/posting"
)

// noPosting lists the gitlab/ pages that hold no posting and must fail.
var noPosting = map[string]bool{
	"engineering___index.md":                           true, // front matter only
	"engineering__development__management__fellow.md":  true, // a stub that links elsewhere
	"alliances__technology-partner-manager___index.md": true, // indicators and hiring process only
}

// Grade sentences, matched on text with links reduced to their labels
// ("is a [8](…)" read as "is a grade 8"): "is a grade 8", "are a grade 7",
// "is a grade #12", "is grade 5", "is a job grade level 5", "is a grade 6
// job", "are grades: 6, 7, 8".
var (
	sentenceGrade = regexp.MustCompile(`(?i)\b(?:is|are)\s+(?:an?\s+|at\s+)?(?:job\s+)?grades?\s*:?\s*(?:level\s*)?#?\s*(\d+(?:\.\d+)?(?:\s*(?:,|and|&)\s*\d+(?:\.\d+)?)*)`)
	numberLink    = regexp.MustCompile(`\[\s*#?(\d+(?:\.\d+)?)\s*\]\(`)
	linkText      = regexp.MustCompile(`\[([^\]]*)\]\((?:\{\{[%<].*?[%>]\}\}|[^)]*)\)`)
	subjectThe    = regexp.MustCompile(`(?i)\bthe\s+([^.]*?)\s+(?:is|are)\s+[^.]*$`)
	numberRe      = regexp.MustCompile(`\d+(?:\.\d+)?`)
)

// stated is a grade a page states, with the job title its sentence names
// ("" when it names none).
type stated struct {
	title string
	grade posting.Grade
}

// statedGrades finds a page's grade sentences.
func statedGrades(data []byte) []stated {
	var out []stated
	text := strings.ReplaceAll(string(data), "\u00a0", " ")
	text = numberLink.ReplaceAllString(text, "[grade $1](")
	text = linkText.ReplaceAllString(text, "$1")
	for _, para := range strings.Split(text, "\n\n") {
		para = strings.ReplaceAll(para, "\n", " ")
		for _, m := range sentenceGrade.FindAllStringSubmatchIndex(para, -1) {
			title := ""
			if s := subjectThe.FindStringSubmatch(para[:m[1]]); s != nil {
				title = strings.Trim(strings.NewReplacer("{", "", "}", "", "*", "", "_", "").Replace(s[1]), " ")
			}
			for _, num := range numberRe.FindAllString(para[m[2]:m[3]], -1) {
				if g, err := strconv.ParseFloat(num, 64); err == nil && g > 0 && g < 100 {
					out = append(out, stated{title, posting.Grade(g)})
				}
			}
		}
	}
	return out
}

// measureGrades judges a GitLab page by its grade sentences: every grade
// on a level, on the level its sentence names, and no other grade.
func measureGrades(f posting.Family, err error, data []byte) (status, string) {
	grades := statedGrades(data)
	if err != nil {
		if len(grades) == 0 {
			return none, "page holds no grade and fails: " + err.Error()
		}
		return none, err.Error()
	}
	var missing []string
	ok := 0
	for _, s := range grades {
		found := false
		for _, l := range f.Levels {
			if l.Grade != s.grade {
				continue
			}
			if s.title == "" || generic[strings.ToLower(lastWord(s.title))] || titleNames(l, s.title) {
				found = true
				break
			}
		}
		if found {
			ok++
		} else {
			missing = append(missing, fmt.Sprintf("%s %s", s.title, s.grade))
		}
	}
	var extra []string
	for _, l := range f.Levels {
		if l.Grade == 0 {
			continue // a level "not aligned to a job grade", or one of another ladder
		}
		if !slices.ContainsFunc(grades, func(s stated) bool { return s.grade == l.Grade }) {
			extra = append(extra, l.Title+" "+l.Grade.String())
		}
	}
	switch {
	case len(missing) == 0 && len(extra) == 0:
		return full, ""
	case ok == 0 && len(grades) > 0:
		return none, fmt.Sprintf("no stated grade on its level: missing %q, levels %v", missing, levelSummary(f))
	case len(grades) == 0:
		return none, fmt.Sprintf("the page states no grade, but levels %v", levelSummary(f))
	}
	return partial, fmt.Sprintf("missing %q, grades not stated %q", missing, extra)
}

func lastWord(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	return f[len(f)-1]
}

// titleNames says whether a sentence's subject names the level: its title
// or heading, or a part of a subject naming several ("A & B are …").
func titleNames(l posting.Level, subject string) bool {
	subj := normTitle(subject)
	for _, t := range []string{l.Title, l.Heading} {
		n := normTitle(t)
		if n == "" {
			continue
		}
		if n == subj || strings.Contains(subj, n) || strings.Contains(n, subj) {
			return true
		}
	}
	return false
}
