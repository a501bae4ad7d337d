package source

import (
	"bytes"
	"net/url"
	"strings"

	"github.com/yuin/goldmark/ast"
	"golang.org/x/net/html"
)

// htmlInfo is what a piece of raw HTML holds, as far as a posting cares.
type htmlInfo struct {
	media   []string // markdown links for embedded media, in order
	anchors []string // ids of <a id> / <a name> anchors
	other   bool     // anything else: tags or text that is dropped
}

// links is the markdown that replaces the HTML.
func (h htmlInfo) links() string { return strings.Join(h.media, " ") }

// htmlOf analyses an HTML block once.
func (p *parser) htmlOf(n *ast.HTMLBlock) htmlInfo {
	if h, ok := p.html[n]; ok {
		return h
	}
	start, stop := p.span(n)
	var h htmlInfo
	if start < stop {
		h = analyzeHTML(p.src[start:stop])
	}
	if p.html == nil {
		p.html = make(map[ast.Node]htmlInfo)
	}
	p.html[n] = h
	return h
}

// harmless tags are wrappers that carry nothing of their own.
var harmless = map[string]bool{"figure": true, "figcaption": true, "div": true, "p": true, "center": true, "span": true}

// analyzeHTML tokenizes raw HTML: iframes, videos and embeds become links,
// anchors are noted, comments ignored; other tags or text mark it "other".
func analyzeHTML(raw []byte) htmlInfo {
	var h htmlInfo
	z := html.NewTokenizer(bytes.NewReader(raw))
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return h
		case html.CommentToken, html.DoctypeToken:
		case html.TextToken:
			if len(bytes.TrimSpace(z.Text())) > 0 {
				h.other = true
			}
		case html.StartTagToken, html.SelfClosingTagToken, html.EndTagToken:
			name, hasAttr := z.TagName()
			tag := string(name)
			attrs := map[string]string{}
			for hasAttr {
				var k, v []byte
				k, v, hasAttr = z.TagAttr()
				attrs[string(k)] = string(v)
			}
			switch {
			case tt == html.EndTagToken:
				if !harmless[tag] && tag != "a" && tag != "iframe" && tag != "video" && tag != "source" && tag != "embed" && tag != "object" {
					h.other = true
				}
			case tag == "iframe" || tag == "video" || tag == "embed" || tag == "source":
				if src := attrs["src"]; src != "" {
					h.media = append(h.media, mediaLink(tag, src))
				}
			case tag == "a":
				switch {
				case attrs["href"] != "":
					h.other = true
				case attrs["id"] != "":
					h.anchors = append(h.anchors, attrs["id"])
				case attrs["name"] != "":
					h.anchors = append(h.anchors, attrs["name"])
				}
			case harmless[tag]:
			default:
				h.other = true
			}
		}
	}
}

// mediaLink turns an embed URL into a plain markdown link: a YouTube embed
// becomes its watch URL, a Vimeo player URL its page.
func mediaLink(tag, src string) string {
	label := "Video"
	if strings.HasPrefix(src, "//") {
		src = "https:" + src
	}
	u, err := url.Parse(src)
	if err != nil {
		return "[" + label + "](" + src + ")"
	}
	host := strings.TrimPrefix(u.Hostname(), "www.")
	switch {
	case (host == "youtube.com" || host == "youtube-nocookie.com") && strings.HasPrefix(u.Path, "/embed/"):
		id := strings.TrimPrefix(u.Path, "/embed/")
		if id != "" && !strings.Contains(id, "/") {
			src = "https://www.youtube.com/watch?v=" + id
		}
	case host == "player.vimeo.com" && strings.HasPrefix(u.Path, "/video/"):
		src = "https://vimeo.com/" + strings.TrimPrefix(u.Path, "/video/")
	case tag == "iframe" && host != "youtube.com" && host != "youtu.be" && host != "vimeo.com":
		label = "Embedded content"
	}
	return "[" + label + "](" + src + ")"
}
