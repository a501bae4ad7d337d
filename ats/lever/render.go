package lever

import (
	"bytes"
	"html"
	"net/url"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Lever accepts a small set of HTML (DOC § HTML support). Markdown is parsed
// with goldmark and its tree written straight into those tags:
//
//	DESCRIPTION HTML  div p span br b i s u a   (attributes class, href, style)
//	LIST HTML         li b i s u a              (attributes class, href)
//
// strong → b, em → i, ~~del~~ → s, code → plain text, links kept only with
// an http or https href, images → their alt text, raw HTML dropped, headings
// → <div><span style="font-size: 18px">…</span></div> (Lever's "heading 3"
// size), list items → <div>- …</div> in descriptions (the "- " that
// ats.HTMLText gives list items, so diffs line up) and <li>…</li> in lists,
// everything else unwrapped to its text.

// headingStyle is the inline style Lever documents for a third-level heading.
const headingStyle = "font-size: 18px"

var md = goldmark.New(goldmark.WithExtensions(extension.Strikethrough, extension.Linkify, extension.Table))

// parseMarkdown parses s into goldmark's tree.
func parseMarkdown(s string) (ast.Node, []byte) {
	src := []byte(s)
	return md.Parser().Parse(text.NewReader(src)), src
}

// descriptionHTML renders markdown as DESCRIPTION HTML: one <div> per block.
func descriptionHTML(markdown string) string {
	doc, src := parseMarkdown(markdown)
	var b strings.Builder
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		writeBlock(&b, n, src)
	}
	return b.String()
}

// listItemHTML renders one markdown list item as LIST HTML: a single <li>
// holding the item's text with its inline markup; blocks inside the item are
// joined with spaces, since LIST HTML has no line breaks.
func listItemHTML(markdown string) string {
	if s := itemText(markdown); s != "" {
		return "<li>" + s + "</li>"
	}
	return ""
}

// headingHTML renders a plain heading for a description.
func headingHTML(heading string) string {
	return `<div><span style="` + headingStyle + `">` + html.EscapeString(heading) + `</span></div>`
}

// bulletHTML renders one markdown list item as a description line.
func bulletHTML(markdown string) string {
	if s := itemText(markdown); s != "" {
		return "<div>- " + s + "</div>"
	}
	return ""
}

// itemText is a markdown item's text with its inline markup in Lever's
// tags, its blocks joined with spaces; "" when it holds no text.
func itemText(markdown string) string {
	doc, src := parseMarkdown(markdown)
	var parts []string
	collectInline(doc, src, &parts)
	s := strings.Join(parts, " ")
	if strings.TrimSpace(s) == "" {
		return ""
	}
	return s
}

// writeBlock writes one block node as DESCRIPTION HTML.
func writeBlock(b *strings.Builder, n ast.Node, src []byte) {
	switch n := n.(type) {
	case *ast.Paragraph, *ast.TextBlock:
		if s := inlineHTML(n, src, true); strings.TrimSpace(s) != "" {
			b.WriteString("<div>" + s + "</div>")
		}
	case *ast.Heading:
		if s := inlineHTML(n, src, true); strings.TrimSpace(s) != "" {
			b.WriteString(`<div><span style="` + headingStyle + `">` + s + `</span></div>`)
		}
	case *ast.List:
		for item := n.FirstChild(); item != nil; item = item.NextSibling() {
			var parts []string
			var nested []ast.Node
			for c := item.FirstChild(); c != nil; c = c.NextSibling() {
				if c.Kind() == ast.KindList {
					nested = append(nested, c)
					continue
				}
				collectInline(c, src, &parts)
			}
			if s := strings.Join(parts, " "); strings.TrimSpace(s) != "" {
				b.WriteString("<div>- " + s + "</div>")
			}
			for _, l := range nested {
				writeBlock(b, l, src)
			}
		}
	case *ast.CodeBlock, *ast.FencedCodeBlock:
		lines := n.Lines()
		var ls []string
		for i := 0; i < lines.Len(); i++ {
			seg := lines.At(i)
			ls = append(ls, html.EscapeString(strings.TrimRight(string(seg.Value(src)), "\n")))
		}
		if len(ls) > 0 {
			b.WriteString("<div>" + strings.Join(ls, "<br>") + "</div>")
		}
	case *east.Table:
		for row := n.FirstChild(); row != nil; row = row.NextSibling() {
			var cells []string
			for cell := row.FirstChild(); cell != nil; cell = cell.NextSibling() {
				cells = append(cells, inlineHTML(cell, src, false))
			}
			if s := strings.Join(cells, " | "); strings.TrimSpace(strings.ReplaceAll(s, "|", "")) != "" {
				b.WriteString("<div>" + s + "</div>")
			}
		}
	case *ast.HTMLBlock, *ast.ThematicBreak:
		// Raw HTML never reaches a posting; a rule has no Lever equivalent.
	default:
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			writeBlock(b, c, src)
		}
	}
}

// collectInline appends the inline HTML of every leaf block under n, in order.
func collectInline(n ast.Node, src []byte, parts *[]string) {
	switch n.(type) {
	case *ast.Paragraph, *ast.TextBlock, *ast.Heading:
		if s := inlineHTML(n, src, false); strings.TrimSpace(s) != "" {
			*parts = append(*parts, s)
		}
		return
	case *ast.CodeBlock, *ast.FencedCodeBlock:
		lines := n.Lines()
		for i := 0; i < lines.Len(); i++ {
			seg := lines.At(i)
			if s := strings.TrimSpace(string(seg.Value(src))); s != "" {
				*parts = append(*parts, html.EscapeString(s))
			}
		}
		return
	case *ast.HTMLBlock, *ast.ThematicBreak:
		return
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		collectInline(c, src, parts)
	}
}

// inlineHTML writes the inline children of n with b, i, s and a only. br is
// used for hard line breaks when allowBreak is set (DESCRIPTION HTML).
func inlineHTML(n ast.Node, src []byte, allowBreak bool) string {
	var b strings.Builder
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		writeInline(&b, c, src, allowBreak)
	}
	return strings.TrimSpace(b.String())
}

func writeInline(b *strings.Builder, n ast.Node, src []byte, allowBreak bool) {
	children := func() {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			writeInline(b, c, src, allowBreak)
		}
	}
	switch n := n.(type) {
	case *ast.Text:
		v := n.Value(src)
		if !n.IsRaw() {
			v = unescapeMarkdown(v)
		}
		b.WriteString(html.EscapeString(string(v)))
		switch {
		case n.HardLineBreak() && allowBreak:
			b.WriteString("<br>")
		case n.HardLineBreak() || n.SoftLineBreak():
			b.WriteString(" ")
		}
	case *ast.String:
		v := n.Value
		if !n.IsRaw() && !n.IsCode() {
			v = unescapeMarkdown(v)
		}
		b.WriteString(html.EscapeString(string(v)))
	case *ast.CodeSpan:
		var raw bytes.Buffer
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch t := c.(type) {
			case *ast.Text:
				raw.Write(t.Value(src))
			case *ast.String:
				raw.Write(t.Value)
			}
		}
		b.WriteString(html.EscapeString(raw.String()))
	case *ast.Emphasis:
		tag := "i"
		if n.Level >= 2 {
			tag = "b"
		}
		b.WriteString("<" + tag + ">")
		children()
		b.WriteString("</" + tag + ">")
	case *east.Strikethrough:
		b.WriteString("<s>")
		children()
		b.WriteString("</s>")
	case *ast.Link:
		if href, ok := safeHref(string(n.Destination)); ok {
			b.WriteString(`<a href="` + html.EscapeString(href) + `">`)
			children()
			b.WriteString("</a>")
		} else {
			children()
		}
	case *ast.AutoLink:
		u := string(n.URL(src))
		label := html.EscapeString(string(n.Label(src)))
		if href, ok := safeHref(u); ok && n.AutoLinkType == ast.AutoLinkURL {
			b.WriteString(`<a href="` + html.EscapeString(href) + `">` + label + "</a>")
		} else {
			b.WriteString(label)
		}
	case *ast.Image:
		children() // the alt text
	case *ast.RawHTML:
		// dropped: raw HTML never reaches a posting
	default:
		children()
	}
}

// unescapeMarkdown resolves backslash escapes and character references the
// way goldmark's own HTML renderer does.
func unescapeMarkdown(v []byte) []byte {
	v = util.UnescapePunctuations(v)
	v = util.ResolveNumericReferences(v)
	return util.ResolveEntityNames(v)
}

// safeHref returns the link target when it is an absolute http or https URL.
func safeHref(s string) (string, bool) {
	s = strings.TrimSpace(s)
	u, err := url.Parse(s)
	if err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") {
		return "", false
	}
	return u.String(), true
}
