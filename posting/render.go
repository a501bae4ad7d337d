package posting

import (
	"bufio"
	"bytes"
	"net/url"
	"strings"

	"github.com/microcosm-cc/bluemonday"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// The markdown converter and the sanitising policy are built once and never
// changed afterwards; both are safe for concurrent use.
var (
	markdown = newMarkdown()
	policy   = newPolicy()
)

// RenderHTML renders one markdown document to the HTML a posting publishes:
// GitHub-flavoured markdown, relative links made absolute against baseURL
// (or reduced to their text when baseURL is empty), fragment-only links and
// links with other schemes reduced to their text, images reduced to their
// alt text, headings kept between h2 and h4, raw HTML dropped, and the result
// sanitised by a strict allow-list policy.
func RenderHTML(md, baseURL string) string {
	return Sanitize(renderUnsafe(md, baseURL))
}

// Sanitize applies the posting policy to HTML: only p, lists, emphasis,
// h2–h4, br, tables, code, pre, blockquote and links with http, https or
// mailto URLs survive (links get rel="nofollow"); scripts, frames, styles,
// event handlers and every other attribute are removed.
func Sanitize(html string) string {
	return policy.Sanitize(html)
}

// renderUnsafe renders md with goldmark after rewriting its links; the
// output still needs sanitising.
func renderUnsafe(md, baseURL string) string {
	var buf bytes.Buffer
	buf.Grow(len(md) + len(md)/2)
	w := bufio.NewWriterSize(&buf, 512)
	renderUnsafeTo(w, md, parseBase(baseURL))
	return buf.String()
}

// renderUnsafeTo is renderUnsafe writing to w, which it flushes at the end.
// Only w's own writer could fail, and callers give it a bytes.Buffer.
func renderUnsafeTo(w *bufio.Writer, md string, base *url.URL) {
	src := []byte(md)
	doc := markdown.Parser().Parse(text.NewReader(src))
	rewrite(doc, src, base)
	_ = markdown.Renderer().Render(w, src, doc)
}

func parseBase(baseURL string) *url.URL {
	if baseURL == "" {
		return nil
	}
	u, err := url.Parse(baseURL)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return nil
	}
	return u
}

func newMarkdown() goldmark.Markdown {
	return goldmark.New(
		goldmark.WithExtensions(extension.GFM),
		goldmark.WithRendererOptions(
			// Priority below the HTML renderer's 1000, so these win.
			renderer.WithNodeRenderers(util.Prioritized(skipRawHTML{}, 10)),
		),
	)
}

// skipRawHTML renders raw HTML (blocks and inline) as nothing at all, where
// goldmark's safe mode would leave "raw HTML omitted" comments behind.
type skipRawHTML struct{}

// RegisterFuncs implements renderer.NodeRenderer.
func (skipRawHTML) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	skip := func(util.BufWriter, []byte, ast.Node, bool) (ast.WalkStatus, error) {
		return ast.WalkSkipChildren, nil
	}
	reg.Register(ast.KindHTMLBlock, skip)
	reg.Register(ast.KindRawHTML, skip)
}

func newPolicy() *bluemonday.Policy {
	p := bluemonday.NewPolicy()
	p.AllowElements("p", "ul", "ol", "li", "strong", "em", "b", "i", "del",
		"h2", "h3", "h4", "br", "code", "pre", "blockquote",
		"table", "thead", "tbody", "tr", "th", "td")
	p.AllowAttrs("href").OnElements("a")
	p.AllowURLSchemes("http", "https", "mailto")
	p.RequireParseableURLs(true)
	p.AllowRelativeURLs(false)
	p.RequireNoFollowOnLinks(true)
	return p
}

// rewrite fixes the parsed document in place: links are made absolute or
// unwrapped, images become their alt text, headings are clamped to h2–h4,
// and the text between inline raw <script>-like tags goes with them.
func rewrite(doc ast.Node, src []byte, base *url.URL) {
	var unwrap []ast.Node
	var hidden []rawSkip
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			n.Level = min(max(n.Level, 2), 4)
		case *ast.Link:
			if dest, ok := resolveLink(string(n.Destination), base); ok {
				n.Destination = []byte(dest)
				n.Title = nil
			} else {
				unwrap = append(unwrap, n)
			}
		case *ast.AutoLink:
			// E-mail autolinks render as mailto: links; URL autolinks
			// always carry a scheme, which must be a published one.
			if n.AutoLinkType != ast.AutoLinkEmail {
				if _, ok := resolveLink(string(n.URL(src)), nil); !ok {
					unwrap = append(unwrap, n)
				}
			}
		case *ast.RawHTML:
			if tag := hiddenContentTag(rawHTMLText(n, src)); tag != "" {
				hidden = append(hidden, rawSkip{n, tag})
			}
		case *ast.Image:
			unwrap = append(unwrap, n)
		}
		return ast.WalkContinue, nil
	})
	for _, n := range unwrap {
		parent := n.Parent()
		if parent == nil {
			continue
		}
		if al, ok := n.(*ast.AutoLink); ok {
			// An autolink has no children: its text is its label.
			parent.ReplaceChild(parent, n, ast.NewString(al.Label(src)))
			continue
		}
		for c := n.FirstChild(); c != nil; {
			next := c.NextSibling()
			parent.InsertBefore(parent, n, c)
			c = next
		}
		parent.RemoveChild(parent, n)
	}
	for _, h := range hidden {
		removeUntilClose(h, src)
	}
}

// rawSkip is inline raw HTML that opens an element whose content is not
// text to show (<script>, <style>, …), with that element's name.
type rawSkip struct {
	node ast.Node
	tag  string
}

// hiddenContentTags are the elements whose content goes with their tags.
var hiddenContentTags = []string{"script", "style", "iframe", "noscript", "object", "textarea", "title", "template", "svg", "math"}

// hiddenContentTag returns the name of the element raw opens when its
// content must not be shown, or "".
func hiddenContentTag(raw string) string {
	if len(raw) < 2 || raw[0] != '<' || raw[1] == '/' {
		return ""
	}
	for _, t := range hiddenContentTags {
		if len(raw) > len(t)+1 && strings.EqualFold(raw[1:len(t)+1], t) {
			if c := raw[len(t)+1]; c == '>' || c == ' ' || c == '/' || c == '\t' || c == '\n' {
				return t
			}
		}
	}
	return ""
}

func rawHTMLText(n *ast.RawHTML, src []byte) string {
	var b strings.Builder
	for i := 0; i < n.Segments.Len(); i++ {
		s := n.Segments.At(i)
		b.Write(s.Value(src))
	}
	return b.String()
}

// removeUntilClose removes the siblings after an inline opening tag up to
// and including its closing tag; without one, every sibling after it.
func removeUntilClose(h rawSkip, src []byte) {
	parent := h.node.Parent()
	if parent == nil {
		return
	}
	closing := "</" + h.tag
	for c := h.node.NextSibling(); c != nil; {
		next := c.NextSibling()
		parent.RemoveChild(parent, c)
		if r, ok := c.(*ast.RawHTML); ok {
			if t := rawHTMLText(r, src); len(t) >= len(closing) && strings.EqualFold(t[:len(closing)], closing) {
				return
			}
		}
		c = next
	}
}

// resolveLink returns the URL a link publishes, and false when the link must
// be reduced to its text: a fragment-only or empty link, a scheme other than
// http, https or mailto, or a relative link with no base to resolve it.
func resolveLink(dest string, base *url.URL) (string, bool) {
	dest = strings.TrimSpace(dest)
	if dest == "" || strings.HasPrefix(dest, "#") {
		return "", false
	}
	u, err := url.Parse(dest)
	if err != nil {
		return "", false
	}
	switch strings.ToLower(u.Scheme) {
	case "http", "https":
		if u.Host == "" {
			return "", false
		}
		return u.String(), true
	case "mailto":
		return u.String(), true
	case "":
		if base == nil {
			return "", false
		}
		abs := base.ResolveReference(u)
		if abs.Scheme != "http" && abs.Scheme != "https" {
			return "", false
		}
		return abs.String(), true
	default:
		return "", false
	}
}
