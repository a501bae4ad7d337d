package source

import (
	"strings"

	"github.com/jobsync/jobsync/posting"
)

// warn records an oddity at a 1-based file line.
func (p *parser) warn(line int, msg string) {
	p.warnings = append(p.warnings, posting.Warning{Line: line, Message: msg})
}

// isPlaceholder says whether text stands for content not yet written: "to
// be added in a future iteration", "TBD", "TBA", "TODO", "coming soon", "to
// be determined", "lorem ipsum". Only short texts count: a long paragraph
// that mentions a TBD is content. A hand-written scan: it runs on every item.
func isPlaceholder(s string) bool {
	if len(s) > maxPlaceholder {
		return false
	}
	for i := 0; i < len(s); i++ {
		if i > 0 && isAlnum(s[i-1]) {
			continue // every phrase starts a word
		}
		switch s[i] | 0x20 {
		case 't':
			if hasFoldAt(s, i, "to be added in a future iteration") || hasFoldAt(s, i, "to be determined") ||
				wordFoldAt(s, i, "tbd") || wordFoldAt(s, i, "tba") || wordAt(s, i, "TODO") {
				return true
			}
		case 'c':
			if hasFoldAt(s, i, "coming soon") {
				return true
			}
		case 'l':
			if hasFoldAt(s, i, "lorem ipsum") {
				return true
			}
		}
	}
	return false
}

// maxPlaceholder is the longest text read as a placeholder.
const maxPlaceholder = 200

// hasFoldAt says whether s holds the lower-case ASCII phrase at i, any case.
func hasFoldAt(s string, i int, phrase string) bool {
	if len(s)-i < len(phrase) {
		return false
	}
	for j := 0; j < len(phrase); j++ {
		c := s[i+j]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != phrase[j] {
			return false
		}
	}
	return true
}

// wordFoldAt is hasFoldAt for a whole word.
func wordFoldAt(s string, i int, word string) bool {
	return hasFoldAt(s, i, word) && wordBounds(s, i, i+len(word))
}

// wordAt is an exact, whole-word match at i.
func wordAt(s string, i int, word string) bool {
	return strings.HasPrefix(s[i:], word) && wordBounds(s, i, i+len(word))
}

func wordBounds(s string, start, end int) bool {
	return (start == 0 || !isAlnum(s[start-1])) && (end >= len(s) || !isAlnum(s[end]))
}

func isAlnum(c byte) bool { return isLetter(c) || c >= '0' && c <= '9' || c == '_' }

// isShortcode says whether text is only a Hugo shortcode: {{< toc >}}.
func isShortcode(s string) bool {
	return (strings.HasPrefix(s, "{{<") && strings.HasSuffix(s, ">}}") ||
		strings.HasPrefix(s, "{{%") && strings.HasSuffix(s, "%}}")) &&
		strings.Count(s, "{{") == 1
}
