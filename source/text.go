package source

import (
	"bytes"
	"github.com/jobsync/jobsync/posting"
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
)

// Markdown extraction: text fields are slices of the page's source, with raw
// HTML cut out (videos become links) and list items rebuilt one by one so
// that a malformed item can be split and a placeholder dropped.

// blockMarkdown returns the markdown of one block, or "" when nothing of it
// is kept.
func (p *parser) blockMarkdown(n ast.Node) string {
	switch n := n.(type) {
	case *ast.Paragraph, *ast.TextBlock:
		return p.paragraph(n)
	case *ast.List:
		return p.listMarkdown(n)
	case *ast.HTMLBlock:
		if _, ok := p.htmlTables[n]; ok {
			if p.tablesUsed[n] {
				return ""
			}
			return tableMarkdown(p.tableOf(n))
		}
		return p.htmlBlock(n)
	case *east.Table:
		if p.tablesUsed[n] {
			return ""
		}
		return p.sourceLines(n)
	case *ast.ThematicBreak, *ast.Heading:
		return ""
	case *ast.FencedCodeBlock:
		return p.codeBlock(n, string(n.Language(p.src)))
	case *ast.CodeBlock:
		return p.codeBlock(n, "")
	default:
		return p.sourceLines(n)
	}
}

// codeBlock fences a code block's lines (goldmark keeps the fences and the
// indentation out of them).
func (p *parser) codeBlock(n ast.Node, lang string) string {
	lines := n.Lines()
	if lines.Len() == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString("```" + lang + "\n")
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		b.Write(p.src[seg.Start:seg.Stop])
	}
	s := strings.TrimRight(b.String(), "\n")
	return s + "\n```"
}

// paragraph returns a paragraph's source, raw HTML cut out. Placeholders and
// lone Hugo shortcodes are dropped with a warning.
func (p *parser) paragraph(n ast.Node) string {
	s := p.inlineSource(n, n.Lines().Len())
	return p.keepText(s, p.lineOfNode(n))
}

// keepText drops placeholder text and lone shortcodes, warning at line.
func (p *parser) keepText(s string, line int) string {
	switch {
	case s == "":
		return ""
	case posting.IsPlaceholder(s):
		p.warn(line, "placeholder text dropped: "+quoteShort(s))
		return ""
	case isShortcode(s):
		p.warn(line, "Hugo shortcode dropped: "+quoteShort(s))
		return ""
	}
	return s
}

// inlineSource joins the first nLines source lines of a leaf block, leading
// indentation trimmed, with its raw HTML replaced.
func (p *parser) inlineSource(n ast.Node, nLines int) string {
	lines := n.Lines()
	cuts := p.rawHTMLCuts(n)
	var b strings.Builder
	for i := 0; i < nLines; i++ {
		seg := lines.At(i)
		start, stop := seg.Start, seg.Stop
		for start < stop && (p.src[start] == ' ' || p.src[start] == '\t') {
			start++
		}
		if i > 0 {
			b.WriteByte('\n')
		}
		p.writeCut(&b, start, stop, cuts)
	}
	return strings.TrimSpace(b.String())
}

// cut is a range of source replaced by repl.
type cut struct {
	start, stop int
	repl        string
}

// writeCut writes src[start:stop] minus the cuts, trailing newline dropped.
func (p *parser) writeCut(b *strings.Builder, start, stop int, cuts []cut) {
	for _, c := range cuts {
		if c.stop <= start || c.start >= stop {
			continue
		}
		if c.start > start {
			b.Write(p.src[start:c.start])
		}
		if c.start >= start {
			b.WriteString(c.repl)
		}
		start = c.stop
	}
	if start < stop {
		b.Write(bytes.TrimRight(p.src[start:stop], "\r\n"))
	}
}

// rawHTMLCuts finds the inline raw HTML in n and decides what replaces it.
func (p *parser) rawHTMLCuts(n ast.Node) []cut {
	var cuts []cut
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		raw, ok := c.(*ast.RawHTML)
		if !ok {
			return ast.WalkContinue, nil
		}
		for i := 0; i < raw.Segments.Len(); i++ {
			seg := raw.Segments.At(i)
			h := analyzeHTML(p.src[seg.Start:seg.Stop])
			if h.other {
				p.warn(p.lineOf(seg.Start), "raw HTML dropped: "+quoteShort(string(p.src[seg.Start:seg.Stop])))
			}
			cuts = append(cuts, cut{seg.Start, seg.Stop, h.links()})
		}
		return ast.WalkSkipChildren, nil
	})
	return cuts
}

// htmlBlock turns an HTML block into markdown: embedded media become links,
// anchors and comments vanish, anything else is dropped with a warning.
func (p *parser) htmlBlock(n *ast.HTMLBlock) string {
	h := p.htmlOf(n)
	if h.other {
		p.warn(p.lineOfNode(n), "raw HTML dropped: "+quoteShort(p.sourceLines(n)))
	}
	return h.links()
}

// listMarkdown rebuilds a list from its items.
func (p *parser) listMarkdown(l *ast.List) string {
	items := p.items(l, 0)
	var b strings.Builder
	for i, it := range items {
		if i > 0 {
			b.WriteByte('\n')
		}
		marker := "- "
		if l.IsOrdered() {
			marker = strconv.Itoa(l.Start+i) + ". "
		}
		b.WriteString(marker)
		b.WriteString(indent(it, len(marker)))
	}
	return b.String()
}

// listItems returns one markdown string per item of l. A lazy continuation
// line that starts like a list item ("-Leads …") becomes its own item, with
// a warning; placeholder items are dropped.
func (p *parser) listItems(l *ast.List) []string { return p.items(l, 2) }

// items builds the items of l, a nested list indented by nest spaces.
func (p *parser) items(l *ast.List, nest int) []string {
	var items []string
	for li := l.FirstChild(); li != nil; li = li.NextSibling() {
		items = p.appendItem(items, li, l, nest)
	}
	return items
}

func (p *parser) appendItem(items []string, li ast.Node, l *ast.List, nest int) []string {
	var parts []string
	first := li.FirstChild()
	line := p.lineOfNode(li)
	for c := first; c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Paragraph, *ast.TextBlock:
			if c == first && !l.IsOrdered() {
				if split := p.lazySplit(c, l.Marker); split > 0 {
					head := p.inlineSource(c, split)
					if head = p.keepText(head, line); head != "" {
						items = append(items, head)
					}
					line = p.lineOf(c.Lines().At(split).Start)
					parts = append(parts, p.splitTail(c, split, line))
					continue
				}
			}
			if s := p.inlineSource(c, c.Lines().Len()); s != "" {
				parts = append(parts, s)
			}
		default:
			if s := p.blockMarkdown(c); s != "" {
				if nest > 0 {
					s = strings.Repeat(" ", nest) + indent(s, nest)
				}
				parts = append(parts, s)
			}
		}
	}
	item := strings.Join(parts, "\n")
	if item = p.keepText(item, line); item != "" {
		items = append(items, item)
	}
	return items
}

// lazySplit returns the index of the first line of a list item's paragraph
// that starts with the list's marker glued to a word, or 0.
func (p *parser) lazySplit(n ast.Node, marker byte) int {
	lines := n.Lines()
	for i := 1; i < lines.Len(); i++ {
		seg := lines.At(i)
		s := bytes.TrimLeft(p.src[seg.Start:seg.Stop], " \t")
		if len(s) >= 2 && s[0] == marker && isWordStart(s[1]) &&
			(marker != '*' || bytes.IndexByte(s[1:], '*') < 0) { // "*Note* …" is emphasis
			return i
		}
	}
	return 0
}

// splitTail returns the lines of n from split on, marker removed, warning
// about the repair.
func (p *parser) splitTail(n ast.Node, split, line int) string {
	lines := n.Lines()
	cuts := p.rawHTMLCuts(n)
	var b strings.Builder
	for i := split; i < lines.Len(); i++ {
		seg := lines.At(i)
		start := seg.Start
		for start < seg.Stop && (p.src[start] == ' ' || p.src[start] == '\t') {
			start++
		}
		if i == split {
			start++ // the marker
		} else {
			b.WriteByte('\n')
		}
		p.writeCut(&b, start, seg.Stop, cuts)
	}
	s := strings.TrimSpace(b.String())
	p.warn(line, "list item without a space after its marker read as its own item: "+quoteShort(s))
	return s
}

func isWordStart(c byte) bool {
	return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '[' || c >= 0x80
}

// indent indents every line of s after the first by n spaces.
func indent(s string, n int) string {
	if !strings.Contains(s, "\n") {
		return s
	}
	pad := "\n" + strings.Repeat(" ", n)
	return strings.ReplaceAll(s, "\n", pad)
}

// sourceLines returns the whole source lines a block spans (tables, code,
// quotes), with inline raw HTML cut out.
func (p *parser) sourceLines(n ast.Node) string {
	start, stop := p.span(n)
	if start >= stop {
		return ""
	}
	for start > 0 && p.src[start-1] != '\n' {
		start--
	}
	if i := bytes.IndexByte(p.src[stop:], '\n'); i >= 0 {
		stop += i
	} else {
		stop = len(p.src)
	}
	var b strings.Builder
	p.writeCut(&b, start, stop, p.rawHTMLCuts(n))
	return strings.TrimSpace(b.String())
}

// span returns the source range covered by n and its descendants.
func (p *parser) span(n ast.Node) (start, stop int) {
	start, stop = len(p.src), -1
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		if c.Type() == ast.TypeBlock {
			lines := c.Lines()
			for i := 0; i < lines.Len(); i++ {
				seg := lines.At(i)
				start, stop = min(start, seg.Start), max(stop, seg.Stop)
			}
			if h, ok := c.(*ast.HTMLBlock); ok && h.HasClosure() {
				stop = max(stop, h.ClosureLine.Stop)
			}
			return ast.WalkContinue, nil
		}
		if t, ok := c.(*ast.Text); ok {
			start, stop = min(start, t.Segment.Start), max(stop, t.Segment.Stop)
		}
		return ast.WalkContinue, nil
	})
	return start, stop
}

// plainText is the text of a heading or paragraph without markup.
func (p *parser) plainText(n ast.Node) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.Text:
			b.Write(c.Segment.Value(p.src))
			if c.SoftLineBreak() || c.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(c.Value)
		case *ast.RawHTML:
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return cleanSpace(b.String())
}

// cleanSpace collapses runs of white space (non-breaking spaces included).
func cleanSpace(s string) string {
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool {
		return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\u00a0'
	}), " ")
}

// quoteShort quotes s, cut to a readable length.
func quoteShort(s string) string {
	s = cleanSpace(s)
	if r := []rune(s); len(r) > 60 {
		s = string(r[:57]) + "…"
	}
	return strconv.Quote(s)
}
