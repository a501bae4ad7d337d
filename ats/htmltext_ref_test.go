package ats

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// The reference implementations below are HTMLText and Fingerprint as they
// were before they were rewritten for speed, copied verbatim (with old-
// prefixed names). Fingerprints are stored on live boards, so the new code
// must give byte-identical output for every input: the tests in
// htmltext_test.go compare the two. Do not change these.

func oldHTMLText(s string) string {
	if !strings.ContainsAny(s, "<&") {
		return s
	}
	var b strings.Builder
	z := html.NewTokenizer(strings.NewReader(s))
	skip := 0 // depth inside <script>/<style>, whose text is not visible
	for {
		switch z.Next() {
		case html.ErrorToken:
			return oldTidyLines(b.String())
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
				if oldIsBlock(a) {
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
				if oldIsBlock(a) {
					b.WriteString("\n")
				}
			}
		}
	}
}

func oldIsBlock(a atom.Atom) bool {
	switch a {
	case atom.P, atom.Div, atom.Ul, atom.Ol, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6,
		atom.Table, atom.Tr, atom.Blockquote, atom.Pre, atom.Section, atom.Article, atom.Hr:
		return true
	}
	return false
}

func oldTidyLines(s string) string {
	lines := strings.Split(s, "\n")
	out := lines[:0]
	for _, l := range lines {
		if l = strings.Join(strings.Fields(l), " "); l != "" && l != "-" {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

func oldFingerprint(fields ...string) string {
	h := sha256.New()
	for _, f := range fields {
		h.Write([]byte(oldNormalizeSpace(oldHTMLText(f))))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil)[:12])
}

func oldNormalizeSpace(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
