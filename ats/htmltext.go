package ats

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// HTMLText reduces HTML to its readable text: one line per block, "- " before
// list items, entities decoded, tags dropped. Plain text passes through
// unchanged but for its entities. Diffs and fingerprints use it so that a
// board's markup choices never count as a change.
//
// Each line is its text with runs of white space (as strings.Fields sees it)
// folded to one space and trimmed; empty lines and lines of only "-" are
// dropped. Text without '<' or '&' is returned as it is, untidied.
//
// Fingerprints stored on boards depend on every byte of the result: see
// testdata/fingerprints.golden before changing it.
func HTMLText(s string) string {
	if !strings.ContainsAny(s, "<&") {
		return s
	}
	var b strings.Builder
	z := html.NewTokenizer(strings.NewReader(s))
	skip := 0 // depth inside <script>/<style>, whose text is not visible
	for {
		switch z.Next() {
		case html.ErrorToken:
			return tidyLines(b.String())
		case html.TextToken:
			if skip == 0 {
				// White space in HTML text folds to a space; only tags break lines.
				text := z.Text()
				for {
					i := bytes.IndexByte(text, '\n')
					if i < 0 {
						b.Write(text)
						break
					}
					b.Write(text[:i])
					b.WriteByte(' ')
					text = text[i+1:]
				}
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			switch a := atom.Lookup(name); a {
			case atom.Script, atom.Style:
				skip++
			case atom.Li:
				b.WriteString("\n- ")
			case atom.Br:
				b.WriteString("\n")
			default:
				if isBlock(a) {
					b.WriteString("\n")
				}
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			switch a := atom.Lookup(name); a {
			case atom.Script, atom.Style:
				if skip > 0 {
					skip--
				}
			default:
				if isBlock(a) {
					b.WriteString("\n")
				}
			}
		}
	}
}

func isBlock(a atom.Atom) bool {
	switch a {
	case atom.P, atom.Div, atom.Ul, atom.Ol, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6,
		atom.Table, atom.Tr, atom.Blockquote, atom.Pre, atom.Section, atom.Article, atom.Hr:
		return true
	}
	return false
}

// tidyLines folds the white space of each line and drops the lines left
// empty or holding only "-" (an empty list item): as joining the lines'
// strings.Fields by spaces would, without a string per word.
func tidyLines(s string) string {
	out := make([]byte, 0, len(s))
	for line := range strings.SplitSeq(s, "\n") {
		n := len(out)
		if n > 0 {
			out = append(out, '\n')
		}
		folded := appendFolded(out, line)
		if l := folded[len(out):]; len(l) == 0 || len(l) == 1 && l[0] == '-' {
			out = out[:n]
			continue
		}
		out = folded
	}
	return string(out)
}

// appendFolded appends the words of s (as strings.Fields splits it) to dst,
// one space between each.
func appendFolded(dst []byte, s string) []byte {
	start, first := -1, true
	for i := 0; i < len(s); {
		space, size := isSpaceAt(s, i)
		if !space {
			if start < 0 {
				start = i
			}
		} else if start >= 0 {
			dst = appendWord(dst, s[start:i], first)
			start, first = -1, false
		}
		i += size
	}
	if start >= 0 {
		dst = appendWord(dst, s[start:], first)
	}
	return dst
}

// isSpaceAt reports whether the character at s[i] is white space to
// strings.Fields (unicode.IsSpace), and its length in bytes; a byte that
// is not UTF-8 is not space.
func isSpaceAt(s string, i int) (bool, int) {
	if c := s[i]; c < utf8.RuneSelf {
		return c == ' ' || '\t' <= c && c <= '\r', 1
	}
	r, size := utf8.DecodeRuneInString(s[i:])
	return unicode.IsSpace(r), size
}

func appendWord(dst []byte, w string, first bool) []byte {
	if !first {
		dst = append(dst, ' ')
	}
	return append(dst, w...)
}
