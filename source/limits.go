package source

import (
	"bytes"
	"fmt"
	"unicode/utf8"

	"github.com/jobsync/jobsync/posting"
)

// Limits on a page, checked before goldmark sees it: its block parser is
// quadratic in nesting depth, and a page builds every posting, so one
// hostile line costs minutes and gigabytes. The handbook's pages stay far
// below them (the longest line of 92 corpus pages is 1,216 bytes, the
// deepest nesting 8, the widest table 10 cells).
const (
	maxPageBytes  = 1 << 20  // bytes in a page (the largest real one is 56 KB)
	maxLineBytes  = 16 << 10 // bytes in one line
	maxNesting    = 32       // lists and quotes inside each other
	maxTableCells = 256      // cells in one table row
)

// checkLimits refuses a page over one of the limits, naming the first line
// that is. Text inside fenced code is not nested, and is only measured for
// its length.
func checkLimits(path string, data []byte) error {
	if len(data) > maxPageBytes {
		return &ParseError{Path: path, Err: fmt.Errorf("page is %d bytes; the limit is %d: split it into pages", len(data), maxPageBytes)}
	}
	fenced := false
	for n := 1; len(data) > 0; n++ {
		line, rest, _ := cutLine(data)
		data = rest
		fail := func(format string, args ...any) error {
			return &ParseError{Path: path, Line: n, Err: fmt.Errorf(format, args...)}
		}
		if len(line) > maxLineBytes {
			return fail("line is %d bytes long; the limit is %d: break it into paragraphs", len(line), maxLineBytes)
		}
		if isFence(line) {
			fenced = !fenced
		}
		if fenced {
			continue
		}
		if d := nesting(line); d > maxNesting {
			return fail("lists or quotes nested %d deep; the limit is %d", d, maxNesting)
		}
		if bytes.IndexByte(line, '|') >= 0 {
			if cells := bytes.Count(line, []byte("|")) - 1; cells > maxTableCells {
				return fail("a table row of %d cells; the limit is %d", cells, maxTableCells)
			}
		}
	}
	return nil
}

// isFence reports whether line opens or closes fenced code.
func isFence(line []byte) bool {
	t := bytes.TrimLeft(line, " ")
	return bytes.HasPrefix(t, []byte("```")) || bytes.HasPrefix(t, []byte("~~~"))
}

// nesting is how deep a line's containers go: each list marker or quote
// marker at its start is one level, and so is each two columns of
// indentation before the first, the least a nested list item needs.
func nesting(line []byte) int {
	depth, indent := 0, 0
	for i := 0; i < len(line); {
		switch c := line[i]; {
		case c == ' ' || c == '\t':
			switch {
			case depth > 0: // the space after a marker
			case c == '\t':
				indent += 4
			default:
				indent++
			}
			i++
		case c == '>':
			depth++
			i++
		case (c == '-' || c == '*' || c == '+') && (i+1 == len(line) || line[i+1] == ' ' || line[i+1] == '\t'):
			depth++
			i++
		case c >= '0' && c <= '9':
			j := i
			for j < len(line) && j-i < 9 && line[j] >= '0' && line[j] <= '9' {
				j++
			}
			if j < len(line) && (line[j] == '.' || line[j] == ')') && (j+1 == len(line) || line[j+1] == ' ' || line[j+1] == '\t') {
				depth++
				i = j + 1
				continue
			}
			return depth + indent/2
		default:
			return depth + indent/2
		}
	}
	return depth + indent/2
}

// isControl reports whether r is a control character to drop from a page:
// see posting.IsControl.
func isControl(r rune) bool { return posting.IsControl(r) }

// dropControls removes control characters from data and returns the
// 1-based line of the first, or 0 when there was none.
func dropControls(data []byte) ([]byte, int) {
	i := bytes.IndexFunc(data, isControl)
	if i < 0 {
		return data, 0
	}
	line := 1 + bytes.Count(data[:i], []byte("\n"))
	out := make([]byte, 0, len(data))
	out = append(out, data[:i]...)
	for _, r := range string(data[i:]) {
		if !isControl(r) {
			out = utf8.AppendRune(out, r)
		}
	}
	return out, line
}

// dropControlsString is dropControls for one front matter value.
func dropControlsString(s string) (string, bool) {
	out, line := dropControls([]byte(s))
	return string(out), line > 0
}
