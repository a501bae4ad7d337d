package posting

import (
	"regexp"
	"strings"
)

// markup is an HTML tag or comment in text that should hold none; a tag
// left open runs to the end.
var markup = regexp.MustCompile(`<!--[\s\S]*?(?:-->|$)|<[!?/]?[A-Za-z][^>]*(?:>|$)`)

// PlainText is s as a plain-text field (a title, a location, a department)
// must reach a board: HTML tags and comments dropped, control characters
// dropped, runs of white space one space. Boards serve these fields to
// careers sites that may render them as HTML; ATS pages escape them, other
// sites may not.
func PlainText(s string) string {
	if strings.ContainsRune(s, '<') {
		s = markup.ReplaceAllString(s, "")
	}
	if strings.ContainsFunc(s, IsControl) {
		s = strings.Map(func(r rune) rune {
			if IsControl(r) {
				return -1
			}
			return r
		}, s)
	}
	return strings.Join(strings.Fields(s), " ")
}

// IsControl reports whether r is a control character that must reach no
// board and no terminal as it is, tab and newline aside: C0, DEL, C1, and
// the bidi embeddings, overrides and isolates that make text read other
// than it is stored.
func IsControl(r rune) bool {
	switch {
	case r < 0x20:
		return r != '\t' && r != '\n'
	case r == 0x7f, r >= 0x80 && r <= 0x9f:
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return true
	}
	return false
}
