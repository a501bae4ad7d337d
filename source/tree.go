package source

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark/ast"
)

// section is a heading and what follows it up to the next heading of the
// same or a higher level: the page's heading tree.
type section struct {
	title  string
	norm   string // title lower-cased, spacing cleaned
	depth  int    // heading level; 0 for the page itself
	line   int    // line of the heading in the file
	anchor string
	blocks []ast.Node // the blocks before the first sub-heading
	kids   []*section
	parent *section
	heading

	pseudo bool // a bold paragraph standing in for a heading

	gradeDone bool
	grade     *gradeMatch
}

// stripHeadingID drops a trailing "{#custom-id}" from a heading.
func stripHeadingID(title string) string {
	if !strings.HasSuffix(title, "}") {
		return title
	}
	if i := strings.LastIndex(title, "{#"); i >= 0 && !strings.Contains(title[i:], " ") {
		return strings.TrimSpace(title[:i])
	}
	return title
}

// buildTree groups the document's top-level blocks under their headings.
// Anchor-only HTML blocks vanish and mark the heading that follows.
func (p *parser) buildTree(doc ast.Node) *section {
	root := &section{}
	stack := []*section{root}
	anchor := ""
	tableEnd := -1 // the end of a raw HTML table that spans several blocks
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		if tableEnd >= 0 {
			if start, _ := p.span(n); start < tableEnd {
				continue // inside the table: a blank line split it
			}
			tableEnd = -1
		}
		if h, ok := n.(*ast.HTMLBlock); ok {
			if end := p.htmlTable(h); end >= 0 {
				tableEnd = end
			}
		}
		if id := p.anchorOnly(n); id != "" {
			anchor = id
			continue
		}
		if ps := p.pseudoHeading(n); ps != nil {
			// "**Requirements**" alone in a paragraph: a sub-section of the
			// current section, closed by the next heading or pseudo-heading
			top := stack[len(stack)-1]
			if top.pseudo {
				stack = stack[:len(stack)-1]
				top = stack[len(stack)-1]
			}
			ps.depth, ps.parent = top.depth+1, top
			top.kids = append(top.kids, ps)
			stack = append(stack, ps)
			anchor = ""
			continue
		}
		h, ok := n.(*ast.Heading)
		if !ok {
			top := stack[len(stack)-1]
			top.blocks = append(top.blocks, n)
			if _, isBreak := n.(*ast.ThematicBreak); !isBreak {
				anchor = ""
			}
			continue
		}
		for len(stack) > 1 && (stack[len(stack)-1].pseudo || stack[len(stack)-1].depth >= h.Level) {
			stack = stack[:len(stack)-1]
		}
		parent := stack[len(stack)-1]
		title := stripHeadingID(p.plainText(h))
		s := &section{
			title:  title,
			norm:   normTitle(title),
			depth:  h.Level,
			line:   p.lineOfNode(h),
			anchor: anchor,
			parent: parent,
		}
		s.heading = classify(title)
		if s.typo != "" {
			p.warn(s.line, "heading "+quoteShort(title)+": read "+quoteShort(s.word)+" as "+quoteShort(s.typo))
		}
		if s.kind == kOther && anchor != "" {
			switch a := strings.ToLower(anchor); {
			case strings.Contains(a, "requirement"):
				s.kind = kReq
			case strings.Contains(a, "responsibilit"):
				s.kind = kResp
			}
		}
		anchor = ""
		parent.kids = append(parent.kids, s)
		stack = append(stack, s)
	}
	return root
}

// htmlTable notes a raw HTML table that starts in block h, whatever blank
// lines split it into, and returns the offset where it ends; -1 when h
// starts no table.
func (p *parser) htmlTable(h *ast.HTMLBlock) int {
	start, stop := p.span(h)
	if start >= stop {
		return -1
	}
	open := indexFold(p.src[start:stop], "<table")
	if open < 0 {
		return -1
	}
	lower := bytes.ToLower(p.src[start:]) // once per table, not per HTML block
	depth, i := 0, open
	for i < len(lower) {
		o := bytes.Index(lower[i:], []byte("<table"))
		c := bytes.Index(lower[i:], []byte("</table"))
		switch {
		case c < 0:
			i = len(lower) // never closed: the table runs to the end
			depth = 0
		case o >= 0 && o < c:
			depth++
			i += o + len("<table")
			continue
		default:
			depth--
			i += c + len("</table")
			if gt := bytes.IndexByte(lower[i:], '>'); gt >= 0 {
				i += gt + 1
			}
		}
		if depth <= 0 {
			break
		}
	}
	if p.htmlTables == nil {
		p.htmlTables = map[ast.Node][]byte{}
	}
	p.htmlTables[h] = p.src[start : start+i]
	return start + i
}

// pseudoHeading reads a paragraph that is only bold text naming a part of a
// posting ("**Requirements**", "**Responsibilities:**") as a heading.
func (p *parser) pseudoHeading(n ast.Node) *section {
	para, ok := n.(*ast.Paragraph)
	if !ok || para.Lines().Len() != 1 {
		return nil
	}
	em, ok := para.FirstChild().(*ast.Emphasis)
	if !ok || em.Level != 2 {
		return nil
	}
	if next := em.NextSibling(); next != nil {
		t, ok := next.(*ast.Text)
		if !ok || next.NextSibling() != nil || strings.Trim(string(t.Segment.Value(p.src)), " :") != "" {
			return nil
		}
	}
	title := strings.TrimRight(p.plainText(em), " :")
	h := classify(title)
	switch h.kind {
	case kReq, kResp, kNice, kPerf, kBehav:
	default:
		return nil
	}
	s := &section{title: title, norm: normTitle(title), line: p.lineOfNode(n), pseudo: true, heading: h}
	if h.typo != "" {
		p.warn(s.line, "heading "+quoteShort(title)+": read "+quoteShort(h.word)+" as "+quoteShort(h.typo))
	}
	return s
}

// anchorOnly returns the id when a block is nothing but <a id> anchors,
// whether goldmark read it as an HTML block or as a paragraph of inline HTML.
func (p *parser) anchorOnly(n ast.Node) string {
	var info htmlInfo
	switch n := n.(type) {
	case *ast.HTMLBlock:
		info = p.htmlOf(n)
	case *ast.Paragraph:
		var raw []byte
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch c := c.(type) {
			case *ast.RawHTML:
				for i := 0; i < c.Segments.Len(); i++ {
					seg := c.Segments.At(i)
					raw = append(raw, p.src[seg.Start:seg.Stop]...)
				}
			case *ast.Text:
				if len(strings.TrimSpace(string(c.Segment.Value(p.src)))) > 0 {
					return ""
				}
			default:
				return ""
			}
		}
		if raw == nil {
			return ""
		}
		info = analyzeHTML(raw)
	default:
		return ""
	}
	if len(info.anchors) == 0 || len(info.media) > 0 || info.other {
		return ""
	}
	return info.anchors[len(info.anchors)-1]
}

// hasContent says whether a section holds any block or sub-section.
func (s *section) hasContent() bool { return len(s.blocks) > 0 || len(s.kids) > 0 }

// indexFold is bytes.Index, ASCII case ignored, for a lower-case sub.
func indexFold(b []byte, sub string) int {
	for i := 0; i+len(sub) <= len(b); i++ {
		if b[i] == sub[0] && bytes.EqualFold(b[i:i+len(sub)], []byte(sub)) {
			return i
		}
	}
	return -1
}
