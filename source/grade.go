package source

import (
	"strconv"
	"strings"

	"github.com/jobsync/jobsync/posting"
	"github.com/yuin/goldmark/ast"
)

// A grade sentence names a job title and its grade:
//
//	The Product Manager is a [grade 7](…).
//	The {Security Compliance Engineer} is a [6](…).
//	The Vice President of Tax is a [grade #12](…).
//	The Principal Pricing Manager is a grade 9.5.
//
// The regexes run on one paragraph's source at a time, non-breaking spaces
// made plain; they are compiled once.

// gradeMatch is a grade sentence found in a paragraph.
type gradeMatch struct {
	grade   posting.Grade
	subject string // the job title the sentence names, cleaned; "" when generic
	rawSubj string // the subject before cleaning, for sibling look-ups
	line    int
	only    bool     // the sentence is all its paragraph says
	para    ast.Node // the paragraph that holds it
	none    bool     // the level says it is not aligned to a job grade
	code    string   // a level named by its code: "IC4", "Level 2"
	named   bool     // a level named by its heading alone (one H1 per level)
}

// soleSentence says whether little follows a grade sentence in its paragraph.
func soleSentence(rest string) bool {
	i := strings.Index(rest, ". ")
	return i < 0 || len(strings.TrimSpace(rest[i+1:])) < 20
}

// findGrade looks for a grade sentence in s. Strict requires the "is a
// [grade N]" form; loose (inside a Job Grade section) also takes a bare
// "grade N" or a paragraph that is only a number.
func findGrade(s string, loose bool) (gradeMatch, bool) {
	if !loose && !mayHoldGrade(s) {
		return gradeMatch{}, false
	}
	s = strings.ReplaceAll(s, "\u00a0", " ")
	if m := gradeStrict.FindStringSubmatchIndex(s); m != nil {
		var num string
		for g := 1; 2*g < len(m); g++ {
			if m[2*g] >= 0 {
				num = s[m[2*g]:m[2*g+1]]
				break
			}
		}
		g, err := strconv.ParseFloat(num, 64)
		if err == nil && g > 0 && g < 100 {
			raw := subjectBefore(s[:m[0]])
			return gradeMatch{grade: posting.Grade(g), subject: cleanSubject(raw), rawSubj: raw, only: soleSentence(s[m[1]:])}, true
		}
	}
	if m := gradeLabel.FindStringSubmatch(s); m != nil {
		// "Job Grade: 8", "**Grade** 9.5" opening a paragraph
		if g, err := strconv.ParseFloat(m[1], 64); err == nil && g > 0 && g < 100 {
			return gradeMatch{grade: posting.Grade(g), only: soleSentence(s[len(m[0]):])}, true
		}
	}
	if !loose {
		return gradeMatch{}, false
	}
	m := gradeLoose.FindStringSubmatch(s)
	if m == nil {
		m = gradeBare.FindStringSubmatch(s)
	}
	if m != nil {
		if g, err := strconv.ParseFloat(m[1], 64); err == nil && g > 0 && g < 100 {
			return gradeMatch{grade: posting.Grade(g)}, true
		}
	}
	return gradeMatch{}, false
}

// headingGrade reads a grade stated in a heading, "Senior Engineer (Grade
// 8)", and returns the heading without it.
func headingGrade(title string) (posting.Grade, string, bool) {
	if !strings.Contains(asciiLower(title), "grade") {
		return 0, "", false
	}
	m := gradeInHeading.FindStringSubmatchIndex(title)
	if m == nil {
		return 0, "", false
	}
	g, err := strconv.ParseFloat(title[m[2]:m[3]], 64)
	if err != nil || g <= 0 || g >= 100 {
		return 0, "", false
	}
	rest := strings.Trim(cleanSpace(title[:m[0]]+" "+title[m[1]:]), " -–—,:|")
	if rest == "" {
		return 0, "", false
	}
	return posting.Grade(g), rest, true
}

// mayHoldGrade is a cheap test before any regex runs: "grade" in any case,
// or "a [" before a number ("is a [8](…)").
func mayHoldGrade(s string) bool {
	if strings.Contains(s, "rade") || strings.Contains(s, "RADE") || strings.Contains(s, "\u00a0") {
		return true
	}
	for rest := s; ; {
		i := strings.Index(rest, "a [")
		if i < 0 {
			return false
		}
		rest = strings.TrimLeft(rest[i+3:], " #")
		if rest != "" && rest[0] >= '0' && rest[0] <= '9' {
			return true
		}
	}
}

// subjectBefore returns the words before "is a …" that name the job: the
// text after the last "The ", else after the last sentence end.
func subjectBefore(s string) string {
	if i := strings.LastIndex(s, "The "); i >= 0 && (i == 0 || !isLetter(s[i-1])) {
		return s[i+len("The "):]
	}
	if i := strings.LastIndex(s, ". "); i >= 0 {
		return s[i+2:]
	}
	return s
}

// generic words mean the subject is not a job title ("The role is a …",
// "The Associate level in the Engineering Division is a …").
var generic = map[string]bool{
	"level": true, "role": true, "position": true, "this": true, "division": true,
	"job": true, "person": true, "candidate": true, "individual": true, "it": true,
}

// cleanSubject strips markup from a subject; "" when it is no job title.
func cleanSubject(s string) string {
	s = strings.Map(func(r rune) rune {
		switch r {
		case '{', '}', '*', '[', ']', '`':
			return -1
		case '_':
			return ' '
		}
		return r
	}, s)
	s = strings.Trim(cleanSpace(s), " ,:;-")
	if s == "" || len(s) > 120 {
		return ""
	}
	lower := asciiLower(s)
	isGeneric := false
	forWords(lower, func(start, end int) bool {
		// an acronym is a name: "IT Systems Engineer" is no "it"
		isGeneric = generic[lower[start:end]] && s[start:end] != strings.ToUpper(s[start:end])
		return !isGeneric
	})
	if isGeneric {
		return ""
	}
	return s
}

func isLetter(c byte) bool { return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' }

// levelTitle chooses a level's title: the job title its grade sentence
// names, unless that is missing, names several jobs, or is cut short.
func levelTitle(subject, head string) string {
	if subject == "" {
		return head
	}
	ls, lh := strings.ToLower(subject), strings.ToLower(head)
	switch {
	case lh == "" || ls == lh:
		return subject
	case strings.Contains(ls, lh):
		// "Sr. Analyst & Sr. Manager are a grade 7" under "Sr. Analyst"
		return head
	case strings.HasPrefix(lh, ls) && isLetter(lh[len(ls)]):
		// "The Vice President of Ta} is a …" under "Vice President of Tax"
		return head
	}
	return subject
}

// sameTitle says whether two titles name the same job, allowing a title
// cut short by a typo.
func sameTitle(a, b string) bool { return prefixMatch(normTitle(a), normTitle(b)) }

// normTitle is a title lower-cased with its spacing cleaned.
func normTitle(s string) string { return strings.ToLower(cleanSpace(s)) }

// prefixMatch compares normalised titles: equal, or one at least 90% of the
// other and its prefix.
func prefixMatch(a, b string) bool {
	if a == "" || b == "" {
		return false
	}
	if a == b {
		return true
	}
	if len(a) > len(b) {
		a, b = b, a
	}
	return len(a)*10 >= len(b)*9 && strings.HasPrefix(b, a)
}
