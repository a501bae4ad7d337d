package source

import (
	"strings"

	"github.com/jobsync/jobsync/posting"
)

// warn records an oddity at a 1-based file line.
func (p *parser) warn(line int, msg string) {
	p.warnings = append(p.warnings, posting.Warning{Line: line, Message: msg})
}

// isShortcode says whether text is only a Hugo shortcode: {{< toc >}}.
func isShortcode(s string) bool {
	return (strings.HasPrefix(s, "{{<") && strings.HasSuffix(s, ">}}") ||
		strings.HasPrefix(s, "{{%") && strings.HasSuffix(s, "%}}")) &&
		strings.Count(s, "{{") == 1
}
