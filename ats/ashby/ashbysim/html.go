package ashbysim

import (
	"html"
	"net/url"
	"strings"

	xhtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// A description written through the API keeps only the tags Ashby
// documents as accepting updates: headings, b, i, u, a, ul, ol, li, code
// and pre. Every other tag is stripped and its text kept; a block that is
// not one of those (p, div, br, a table's rows…) becomes a paragraph of
// Ashby's editor, <p>, the form the app itself writes (recorded). Links
// keep only an http, https or mailto href.

// normalise returns content as a write through the API stores it.
func normalise(content string) string {
	body := &xhtml.Node{Type: xhtml.ElementNode, DataAtom: atom.Body, Data: "body"}
	nodes, err := xhtml.ParseFragment(strings.NewReader(content), body)
	if err != nil {
		return ""
	}
	var n normaliser
	for _, c := range nodes {
		n.block(c)
	}
	n.flush()
	return n.out.String()
}

// normaliser writes blocks to out, gathering loose inline content into the
// paragraph para.
type normaliser struct {
	out, para strings.Builder
}

// flush ends the open paragraph.
func (n *normaliser) flush() {
	if p := strings.TrimSpace(n.para.String()); p != "" {
		n.out.WriteString("<p>" + p + "</p>")
	}
	n.para.Reset()
}

// block writes a node met where blocks may stand.
func (n *normaliser) block(c *xhtml.Node) {
	if c.Type != xhtml.ElementNode {
		n.para.WriteString(inline(c))
		return
	}
	switch c.DataAtom {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		n.flush()
		if t := strings.TrimSpace(children(c)); t != "" {
			n.out.WriteString("<" + c.Data + ">" + t + "</" + c.Data + ">")
		}
	case atom.Ul, atom.Ol:
		n.flush()
		var items strings.Builder
		for li := c.FirstChild; li != nil; li = li.NextSibling {
			if t := strings.TrimSpace(children(li)); t != "" && li.Type == xhtml.ElementNode {
				items.WriteString("<li>" + t + "</li>")
			}
		}
		if items.Len() > 0 {
			n.out.WriteString("<" + c.Data + ">" + items.String() + "</" + c.Data + ">")
		}
	case atom.Pre:
		n.flush()
		n.out.WriteString("<pre>" + html.EscapeString(textOf(c)) + "</pre>")
	case atom.Br:
		n.flush()
	case atom.B, atom.I, atom.U, atom.Code, atom.A, atom.Span, atom.Strong, atom.Em, atom.Small, atom.Sup, atom.Sub, atom.S, atom.Mark:
		n.para.WriteString(inline(c))
	case atom.Script, atom.Style, atom.Head, atom.Title, atom.Img, atom.Iframe:
	default: // p, div, li outside a list, tables…: a paragraph each
		n.flush()
		for k := c.FirstChild; k != nil; k = k.NextSibling {
			n.block(k)
		}
		n.flush()
	}
}

// children renders c's children as inline content.
func children(c *xhtml.Node) string {
	var b strings.Builder
	for k := c.FirstChild; k != nil; k = k.NextSibling {
		b.WriteString(inline(k))
	}
	return b.String()
}

// inline renders a node inside a paragraph, heading or list item: the
// allowed inline tags kept, every other tag unwrapped (blocks inside set
// apart by a space).
func inline(c *xhtml.Node) string {
	switch c.Type {
	case xhtml.TextNode:
		return html.EscapeString(collapse(c.Data))
	case xhtml.ElementNode:
	default:
		return ""
	}
	inner := children(c)
	switch c.DataAtom {
	case atom.B, atom.I, atom.U, atom.Code:
		return "<" + c.Data + ">" + inner + "</" + c.Data + ">"
	case atom.A:
		if href := attr(c, "href"); safeLink(href) {
			return `<a href="` + html.EscapeString(href) + `">` + inner + "</a>"
		}
		return inner
	case atom.Script, atom.Style, atom.Img, atom.Iframe:
		return ""
	case atom.Br, atom.P, atom.Div, atom.Li, atom.Ul, atom.Ol, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Pre:
		return " " + inner + " "
	}
	return inner
}

// collapse folds runs of white space to one space, as HTML shows text.
func collapse(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		if r == ' ' || r == '\n' || r == '\t' || r == '\r' || r == '\f' {
			if !space {
				b.WriteByte(' ')
			}
			space = true
			continue
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

func attr(c *xhtml.Node, name string) string {
	for _, a := range c.Attr {
		if a.Namespace == "" && a.Key == name {
			return a.Val
		}
	}
	return ""
}

func safeLink(href string) bool {
	u, err := url.Parse(strings.TrimSpace(href))
	return err == nil && (u.Scheme == "http" || u.Scheme == "https" || u.Scheme == "mailto")
}

// textOf is the text of c and its descendants, as written.
func textOf(c *xhtml.Node) string {
	if c.Type == xhtml.TextNode {
		return c.Data
	}
	var b strings.Builder
	for k := c.FirstChild; k != nil; k = k.NextSibling {
		b.WriteString(textOf(k))
	}
	return b.String()
}

// plain is the plain-text form of a description (descriptionPlain): one
// paragraph a block, list items as " - " lines.
func plain(s string) string {
	z := xhtml.NewTokenizer(strings.NewReader(s))
	var b strings.Builder
	for {
		switch z.Next() {
		case xhtml.ErrorToken:
			return strings.TrimSpace(b.String())
		case xhtml.TextToken:
			b.WriteString(collapse(string(z.Text())))
		case xhtml.StartTagToken, xhtml.EndTagToken, xhtml.SelfClosingTagToken:
			tok := z.Token()
			switch tok.Data {
			case "li":
				if tok.Type == xhtml.StartTagToken {
					b.WriteString("\n - ")
				}
			case "p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "pre":
				b.WriteString("\n\n")
			}
		}
	}
}
