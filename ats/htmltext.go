package ats

import (
	"strings"
	"sync"
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
func HTMLText(s string) string {
	if !hasMarkup(s) {
		return s
	}
	buf := getTextBuf()
	buf.b = appendHTMLText(buf.b[:0], s, '\n')
	out := string(buf.b)
	putTextBuf(buf)
	return out
}

// hasMarkup reports whether s has a '<' or an '&', without which HTMLText
// returns it unchanged.
func hasMarkup(s string) bool {
	return strings.IndexByte(s, '<') >= 0 || strings.IndexByte(s, '&') >= 0
}

// appendHTMLText appends the lines of HTMLText(s) to dst, separated by sep,
// for an s that has markup. It is one pass over the tokens: the text of the
// current line goes into dst as it comes, and is folded in place when a tag
// ends the line.
func appendHTMLText(dst []byte, s string, sep byte) []byte {
	base := len(dst)
	l := lineWriter{b: dst, start: base, sep: sep}
	z := html.NewTokenizer(strings.NewReader(s))
	skip := 0 // depth inside <script>/<style>, whose text is not visible
	for {
		switch z.Next() {
		case html.ErrorToken:
			l.endLine()
			if len(l.b) > base {
				l.b = l.b[:len(l.b)-1] // the separator after the last line
			}
			return l.b
		case html.TextToken:
			if skip == 0 {
				// White space in HTML text folds to a space; only tags break
				// lines. endLine folds it, "\n" included.
				l.b = append(l.b, z.Text()...)
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			switch a := tagAtom(z.Raw(), false); a {
			case atom.Script, atom.Style:
				skip++
			case atom.Li:
				l.endLine()
				l.b = append(l.b, "- "...)
			case atom.Br:
				l.endLine()
			default:
				if isBlock(a) {
					l.endLine()
				}
			}
		case html.EndTagToken:
			switch a := tagAtom(z.Raw(), true); a {
			case atom.Script, atom.Style:
				if skip > 0 {
					skip--
				}
			default:
				if isBlock(a) {
					l.endLine()
				}
			}
		}
	}
}

// tagAtom is the atom of the tag whose raw bytes (as Tokenizer.Raw gives
// them) are raw: atom.Lookup of the name Tokenizer.TagName would give, but
// without TagName's copy. The name starts after "<" or "</" and ends at
// white space, '/' or '>', as the tokenizer reads it (readTagName); it is
// lower-cased in ASCII only, as TagName does. TagName also replaces NUL with
// U+FFFD, which no atom holds either way. No atom is longer than
// maxAtomLen, so a longer name is none.
func tagAtom(raw []byte, end bool) atom.Atom {
	i := 1
	if end {
		i = 2
	}
	if i > len(raw) {
		return 0
	}
	var name [maxAtomLen]byte
	n := 0
	for _, c := range raw[i:] {
		switch c {
		case ' ', '\n', '\r', '\t', '\f', '/', '>':
			return atom.Lookup(name[:n])
		}
		if n == len(name) {
			return 0
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		name[n] = c
		n++
	}
	return atom.Lookup(name[:n])
}

// maxAtomLen is at least the length of the longest atom's name (25 bytes in
// x/net/html/atom today); the atoms HTMLText looks for are far shorter.
const maxAtomLen = 32

func isBlock(a atom.Atom) bool {
	switch a {
	case atom.P, atom.Div, atom.Ul, atom.Ol, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6,
		atom.Table, atom.Tr, atom.Blockquote, atom.Pre, atom.Section, atom.Article, atom.Hr:
		return true
	}
	return false
}

// lineWriter builds text a line at a time in b: b[start:] is the raw text of
// the current line, and the lines before it are done, each followed by sep.
type lineWriter struct {
	b     []byte
	start int
	sep   byte
}

// endLine folds the white space of the current line and keeps it, followed
// by sep, unless it is empty or only "-".
func (l *lineWriter) endLine() {
	n := foldSpace(l.b[l.start:])
	if n == 0 || n == 1 && l.b[l.start] == '-' {
		l.b = l.b[:l.start]
		return
	}
	l.b = append(l.b[:l.start+n], l.sep)
	l.start = len(l.b)
}

// foldSpace rewrites b in place as strings.Join(strings.Fields(string(b)), " ")
// and returns its new length: runs of white space (unicode.IsSpace, bytes
// that are not valid UTF-8 being no space) fold to one space, and leading
// and trailing white space goes. The result is never longer than b, and
// nothing moves towards the end, so b can be rewritten as it is read.
func foldSpace(b []byte) int {
	w, i := 0, 0
	space := false // white space was read since the last word
	for i < len(b) {
		c := b[i]
		class := byteClass[c]
		if class == classWord {
			if space {
				if w > 0 {
					b[w] = ' ' // w < i: white space was read since the last write
					w++
				}
				space = false
			}
			b[w] = c
			w++
			i++
			continue
		}
		if class == classSpace {
			space = true
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if unicode.IsSpace(r) {
			space = true
			i += size
			continue
		}
		if space {
			if w > 0 {
				b[w] = ' '
				w++
			}
			space = false
		}
		w += copy(b[w:], b[i:i+size])
		i += size
	}
	return w
}

// Byte classes for foldSpace: ASCII that is not space, ASCII space (as
// unicode.IsSpace has it), and the rest, which starts a multi-byte rune or
// is not UTF-8 at all.
const (
	classWord = iota
	classSpace
	classMulti
)

var byteClass = func() (c [256]uint8) {
	for i := utf8.RuneSelf; i < len(c); i++ {
		c[i] = classMulti
	}
	for _, s := range "\t\n\v\f\r " {
		c[s] = classSpace
	}
	return c
}()

// textBuf is a buffer HTMLText and Fingerprint build text in, kept for reuse.
type textBuf struct{ b []byte }

var textBufs = sync.Pool{New: func() any { return &textBuf{b: make([]byte, 0, 4096)} }}

// maxKeptTextBuf bounds the buffers kept for reuse, so one huge posting does
// not pin its memory.
const maxKeptTextBuf = 256 << 10

func getTextBuf() *textBuf { return textBufs.Get().(*textBuf) }

func putTextBuf(t *textBuf) {
	if cap(t.b) <= maxKeptTextBuf {
		textBufs.Put(t)
	}
}
