package source

import (
	"strings"

	"github.com/agnivade/levenshtein"
)

// kind is what a section holds, judged from its heading.
type kind int

const (
	kOther  kind = iota
	kRole        // role / intro / overview / description
	kResp        // responsibilities
	kReq         // requirements
	kNice        // nice-to-have requirements
	kPerf        // performance indicators
	kGrade       // job grade
	kLevels      // a container of levels
	kSpecs       // a container of specialties
	kBehav       // expected behaviours at a level
	kSkip        // hiring process, career ladder, links…: not part of a posting
	kSpec        // one specialty named in its heading: "Specialty: Verify"
)

// heading is a classified heading.
type heading struct {
	kind   kind
	prefix string // "Senior Manager" in "Senior Manager Requirements"
	typo   string // the canonical word when a misspelling was accepted
	word   string // the misspelt word
}

// keyword is a word that names a kind; fuzzy words accept small typos.
type keyword struct {
	word  string
	kind  kind
	fuzzy bool
}

var keywords = []keyword{
	{"requirements", kReq, true},
	{"requirement", kReq, true},
	{"qualifications", kReq, true},
	{"qualification", kReq, true},
	{"responsibilities", kResp, true},
	{"responsibility", kResp, true},
	{"duties", kResp, false},
	{"specialties", kSpecs, false},
	{"specialty", kSpecs, false},
	{"specialities", kSpecs, false},
	{"speciality", kSpecs, false},
	{"specializations", kSpecs, false},
	{"specialization", kSpecs, false},
	{"specialisations", kSpecs, false},
	{"specialisation", kSpecs, false},
	{"segments", kSpecs, false},
	{"segment", kSpecs, false},
	{"levels", kLevels, false},
	{"behaviors", kBehav, false},
	{"behaviours", kBehav, false},
	{"behavior", kBehav, false},
	{"behaviour", kBehav, false},
	{"expectations", kBehav, false},
}

// keywordKinds indexes keywords by word.
var keywordKinds = func() map[string]kind {
	m := make(map[string]kind, len(keywords))
	for _, kw := range keywords {
		m[kw.word] = kw.kind
	}
	return m
}()

// phrases are matched on the lower-cased heading, before single words.
var phrases = []struct {
	text string
	kind kind
}{
	{"nice to have", kNice},
	{"nice-to-have", kNice},
	{"nice to haves", kNice},
	{"nice-to-haves", kNice},
	{"bonus points", kNice},
	{"preferred qualifications", kNice},
	{"performance indicator", kPerf},
	{"how you'll be measured", kPerf},
	{"job grade", kGrade},
	{"career path", kLevels},
	{"job levels", kLevels},
	{"hiring process", kSkip},
	{"interview process", kSkip},
	{"career ladder", kSkip},
	{"career development", kSkip},
	{"relevant links", kSkip},
	{"what it’s like", kSkip},
	{"what it's like", kSkip},
	{"how you'll grow", kSkip},
	{"how you’ll grow", kSkip},
	{"moving to", kSkip},
	{"moving from", kSkip},
	{"equal opportunity", kSkip},
	{"projects you", kResp},
	{"what we offer", kSkip},
	{"apply now", kSkip},
	{"learn more", kSkip},
	{"what you'll do", kResp},
	{"what you’ll do", kResp},
	{"what you can expect", kResp},
	{"what you'll bring", kReq},
	{"what you’ll bring", kReq},
	{"what you bring", kReq},
	{"who you are", kReq},
	{"what you'll be doing", kResp},
	{"what you’ll be doing", kResp},
	{"what you will do", kResp},
	{"in this role you", kResp},
	{"what you'll need", kReq},
	{"what you’ll need", kReq},
	{"you should apply if", kReq},
	{"what we're looking for", kReq},
	{"what we’re looking for", kReq},
}

// specLeads open a heading that names one specialty: "Specialty: Verify".
var specLeads = []string{"specialty:", "specialty -", "speciality:", "speciality -",
	"specialization:", "specialization -", "specialisation:", "specialisation -"}

// whole headings that name a kind only when they are the whole heading.
var wholes = map[string]kind{
	"role": kRole, "the role": kRole, "about the role": kRole, "overview": kRole,
	"role overview": kRole, "job description": kRole, "description": kRole,
	"introduction": kRole, "intro": kRole, "summary": kRole, "job summary": kRole,
	"about the job": kRole, "about the team": kRole, "the opportunity": kRole, "about you": kReq,
	"your role": kRole, "mission": kRole, "position overview": kRole, "role description": kRole,
	"grade": kGrade, "grades": kGrade, "job grades": kGrade,
	"all levels": kReq, "all roles": kReq, "every level": kReq,
	"about us": kRole, "about this job": kRole, "about this role": kRole, "about the position": kRole,
	"about the company": kRole,
	"links":             kSkip, "compensation": kSkip, "benefits": kSkip, "references": kSkip, "resources": kSkip, "hiring": kSkip,
	"kpis": kPerf, "kpi": kPerf, "metrics": kPerf,
}

// classify reads a heading. Word matches record the words before them as
// the prefix ("<Level> Requirements").
func classify(title string) heading {
	lower := asciiLower(title)
	norm := strings.Trim(strings.TrimSpace(lower), ":.")
	if k, ok := wholes[norm]; ok {
		return heading{kind: k}
	}
	if head, ok := cutRolesSuffix(lower); ok {
		// "Levels of Security Engineer roles", "Responsibilities for … roles"
		if h := classify(title[:len(head)]); h.kind != kOther {
			return h
		}
	}
	for _, lead := range specLeads {
		if strings.HasPrefix(norm, lead) {
			if name := strings.TrimLeft(strings.TrimSpace(title[len(lead):]), ":-–— "); name != "" {
				return heading{kind: kSpec, prefix: name}
			}
		}
	}
	for _, ph := range phrases {
		if i := strings.Index(lower, ph.text); i >= 0 {
			return heading{kind: ph.kind, prefix: cleanPrefix(title[:i])}
		}
	}
	// single words, exact then fuzzy
	var fuzzyHit *heading
	forWords(lower, func(start, end int) bool {
		k, ok := keywordKinds[lower[start:end]]
		if !ok {
			return true
		}
		if (k == kSpecs || k == kLevels) && strings.TrimSpace(strings.Trim(norm[min(end, len(norm)):], ")")) != "" {
			// containers are named by their last word: "Team
			// Specialties", not "Senior Segment Manager"
			return true
		}
		fuzzyHit = &heading{kind: k, prefix: cleanPrefix(title[:start])}
		return false
	})
	if fuzzyHit != nil {
		return *fuzzyHit
	}
	forWords(lower, func(start, end int) bool {
		w := lower[start:end]
		if len(w) < 8 {
			return true
		}
		for _, kw := range keywords {
			if kw.fuzzy && w[:4] == kw.word[:4] && levenshtein.ComputeDistance(w, kw.word) <= 2 {
				fuzzyHit = &heading{kind: kw.kind, prefix: cleanPrefix(title[:start]), typo: kw.word, word: title[start:end]}
				return false
			}
		}
		return true
	})
	if fuzzyHit != nil {
		return *fuzzyHit
	}
	if strings.HasSuffix(norm, " also") {
		return heading{kind: kBehav}
	}
	if strings.HasSuffix(norm, " description") {
		return heading{kind: kRole, prefix: cleanPrefix(title[:len(norm)-len(" description")])}
	}
	return heading{kind: kOther}
}

// cutRolesSuffix cuts " of … roles" or " for … roles" off a lower-cased
// heading.
func cutRolesSuffix(lower string) (string, bool) {
	t := strings.TrimRight(strings.TrimSpace(lower), ":. ")
	if !strings.HasSuffix(t, " roles") && !strings.HasSuffix(t, " role") && !strings.HasSuffix(t, " positions") {
		return "", false
	}
	for _, sep := range []string{" for ", " of "} {
		if i := strings.Index(t, sep); i > 0 {
			return lower[:i], true
		}
	}
	return "", false
}

// forWords calls f with the bounds of each word of s until f returns false.
func forWords(s string, f func(start, end int) bool) {
	start := -1
	for i := 0; i <= len(s); i++ {
		letter := i < len(s) && (s[i] >= 'a' && s[i] <= 'z' || s[i] >= '0' && s[i] <= '9')
		switch {
		case letter && start < 0:
			start = i
		case !letter && start >= 0:
			if !f(start, i) {
				return
			}
			start = -1
		}
	}
}

// cleanPrefix trims the joiners left before a keyword: "Senior PM - ".
func cleanPrefix(s string) string {
	return strings.TrimSpace(strings.TrimRight(strings.TrimSpace(s), "-–—:,|"))
}

// asciiLower lower-cases ASCII letters only, keeping byte offsets.
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// seniority words make a heading under a levels section look like a level.
var seniority = map[string]bool{
	"intern": true, "junior": true, "jr": true, "associate": true, "intermediate": true,
	"senior": true, "sr": true, "staff": true, "principal": true, "lead": true,
	"distinguished": true, "fellow": true, "director": true, "vp": true, "vice": true,
	"president": true, "head": true, "chief": true, "manager": true, "engineer": true,
	"analyst": true, "designer": true, "specialist": true, "counsel": true,
	"scientist": true, "architect": true, "coordinator": true, "administrator": true,
	"developer": true, "representative": true, "executive": true, "officer": true,
}

// looksLikeLevel says whether a heading reads like a job title.
func looksLikeLevel(title string) bool {
	found := false
	lower := asciiLower(title)
	forWords(lower, func(start, end int) bool {
		found = seniority[lower[start:end]]
		return !found
	})
	return found
}
