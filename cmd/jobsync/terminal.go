package main

import (
	"strconv"
	"strings"

	"github.com/jobsync/jobsync/posting"
)

// termSafe is s with its control characters escaped (ESC as \x1b, a bidi
// override as \u202e), newlines and tabs kept: text from a page or a board
// must not retitle, clear or reorder the terminal it is printed on.
func termSafe(s string) string {
	if !strings.ContainsFunc(s, posting.IsControl) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if posting.IsControl(r) {
			q := strconv.QuoteRune(r)
			b.WriteString(q[1 : len(q)-1])
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}
