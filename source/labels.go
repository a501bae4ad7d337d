package source

import (
	"regexp"
	"strings"
)

// Levels named by a code rather than a grade: "IC4", "L3", "P2", "M1",
// "Level 2", alone or beside a title ("Level 1: Product Analyst I", "SDR
// (P1)", "IC4: Senior Engineer").
var (
	codeAlone = regexp.MustCompile(`^(?:IC|L|P|M|E|T|S|D|TL|EM|SE|SWE|SDE|MTS)-?\s?\d{1,2}$`)
	codeParen = regexp.MustCompile(`^(.*\S)\s*[(\[]\s*((?:IC|L|P|M|E|T|S|D|TL|EM|SE|SWE|SDE|MTS)-?\s?\d{1,2})\s*[)\]]$`)
	codeLead  = regexp.MustCompile(`^((?:IC|L|P|M|E|T|S|D|TL|EM|SE|SWE|SDE|MTS)-?\s?\d{1,2})\s*[:\-–—|]\s*(\S.*)$`)
	levelN    = regexp.MustCompile(`(?i)^(level\s+\d{1,2})\b\s*(?:[:\-–—.|]\s*(\S.*))?$`)
)

// labelMarkup strips emphasis and code marks from a label; built once.
var labelMarkup = strings.NewReplacer("*", "", "_", " ", "`", "")

// levelLabel reads a heading or a table cell that names a level by code:
// the level's title (the code itself when no title is written) and its
// code as written.
func levelLabel(s string) (title, code string, ok bool) {
	if len(s) > 100 {
		return "", "", false // a sentence, not a label
	}
	s = strings.Trim(cleanSpace(labelMarkup.Replace(s)), " :")
	switch {
	case codeAlone.MatchString(s):
		return s, s, true
	case levelN.MatchString(s):
		m := levelN.FindStringSubmatch(s)
		code = "Level " + strings.TrimSpace(m[1][len("level"):])
		if m[2] == "" {
			return code, code, true
		}
		return strings.TrimSpace(m[2]), code, true
	case codeParen.MatchString(s):
		m := codeParen.FindStringSubmatch(s)
		return strings.TrimRight(m[1], " ,-–—"), m[2], true
	case codeLead.MatchString(s):
		m := codeLead.FindStringSubmatch(s)
		return m[2], m[1], true
	}
	return "", "", false
}

// levelName reads a table cell that names a level: by code, or a job title
// of a few words ("Senior Engineer 1").
func levelName(s string) (title, code string, ok bool) {
	if t, c, ok := levelLabel(s); ok {
		return t, c, true
	}
	if len(s) > 100 {
		return "", "", false
	}
	s = strings.Trim(cleanSpace(labelMarkup.Replace(s)), " :")
	if s != "" && len(strings.Fields(s)) <= 6 && looksLikeLevel(s) {
		return s, "", true
	}
	return "", "", false
}

// ladderOfH1s says whether a page's top-level headings are its levels, one
// H1 per level ("# OSPO Engineer I", "# Senior OSPO Engineer", …): at least
// three, each a job title, all sharing the words of one job.
func ladderOfH1s(root *section) bool {
	var h1 []*section
	for _, k := range root.kids {
		if k.depth == 1 {
			h1 = append(h1, k)
		}
	}
	if len(h1) < 3 || len(h1) != len(root.kids) {
		return false
	}
	common := map[string]bool{}
	for i, k := range h1 {
		if k.kind != kOther {
			return false
		}
		words := map[string]bool{}
		lower := asciiLower(k.title)
		forWords(lower, func(start, end int) bool {
			if w := lower[start:end]; len(w) > 2 && !stopWords[w] {
				words[w] = true
			}
			return true
		})
		if i == 0 {
			common = words
			continue
		}
		for w := range common {
			if !words[w] {
				delete(common, w)
			}
		}
	}
	return len(common) > 0
}

// stopWords never make two titles the same job.
var stopWords = map[string]bool{"the": true, "and": true, "for": true, "level": true, "levels": true, "senior": true, "staff": true, "principal": true}
