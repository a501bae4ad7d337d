package ats

import (
	"strings"

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
				b.WriteString(strings.ReplaceAll(string(z.Text()), "\n", " "))
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
// empty or holding only "-" (an empty list item).
func tidyLines(s string) string {
	lines := strings.Split(s, "\n")
	out := lines[:0]
	for _, l := range lines {
		if l = strings.Join(strings.Fields(l), " "); l != "" && l != "-" {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}
