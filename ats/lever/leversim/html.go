package leversim

import (
	"fmt"
	"html"
	"strings"
)

// Lever's HTML rules (DOC § HTML support): what a write may contain.
type htmlRules struct {
	tags  map[string]bool
	attrs map[string]bool
	style bool // whether style="font-size: …" is allowed
}

var (
	// descriptionRules: descriptionHtml, closingPostingHtml, salaryDescriptionHtml.
	descriptionRules = htmlRules{
		tags:  set("div", "p", "span", "br", "b", "i", "s", "u", "a"),
		attrs: set("class", "href", "style"),
		style: true,
	}
	// listRules: lists[].content.
	listRules = htmlRules{
		tags:  set("li", "b", "i", "s", "u", "a"),
		attrs: set("class", "href"),
	}
	// fontSizes are the only inline styles Lever documents.
	fontSizes = set("10px", "14px", "18px", "24px", "32px")
)

func set(xs ...string) map[string]bool {
	m := make(map[string]bool, len(xs))
	for _, x := range xs {
		m[x] = true
	}
	return m
}

// token is one piece of HTML: text, or a start, end or self-closing tag.
type token struct {
	kind  byte // 't' text, 's' start, 'e' end, 'c' self-closing
	name  string
	attrs [][2]string
	text  string // raw text for 't'
}

// tokenize splits s into tokens. It is small and strict: comments,
// doctypes and unclosed tags are errors (Lever refuses invalid HTML).
func tokenize(s string) ([]token, error) {
	var out []token
	for len(s) > 0 {
		i := strings.IndexByte(s, '<')
		if i < 0 {
			out = append(out, token{kind: 't', text: s})
			break
		}
		if i > 0 {
			out = append(out, token{kind: 't', text: s[:i]})
			s = s[i:]
		}
		j := strings.IndexByte(s, '>')
		if j < 0 {
			return nil, fmt.Errorf("unclosed tag")
		}
		raw := s[1:j]
		s = s[j+1:]
		if strings.HasPrefix(raw, "!") || strings.HasPrefix(raw, "?") {
			return nil, fmt.Errorf("comments and declarations are not allowed")
		}
		t, err := parseTag(raw)
		if err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, nil
}

// parseTag parses the inside of <…>.
func parseTag(raw string) (token, error) {
	t := token{kind: 's'}
	raw = strings.TrimSpace(raw)
	if strings.HasPrefix(raw, "/") {
		t.kind = 'e'
		raw = strings.TrimSpace(raw[1:])
	}
	if strings.HasSuffix(raw, "/") {
		t.kind = 'c'
		raw = strings.TrimSpace(strings.TrimSuffix(raw, "/"))
	}
	n := strings.IndexAny(raw, " \t\n\r")
	if n < 0 {
		n = len(raw)
	}
	t.name = strings.ToLower(raw[:n])
	if t.name == "" {
		return t, fmt.Errorf("empty tag")
	}
	rest := raw[n:]
	for {
		rest = strings.TrimLeft(rest, " \t\n\r")
		if rest == "" {
			break
		}
		k := strings.IndexAny(rest, "= \t\n\r")
		if k < 0 {
			t.attrs = append(t.attrs, [2]string{strings.ToLower(rest), ""})
			break
		}
		name := strings.ToLower(rest[:k])
		rest = strings.TrimLeft(rest[k:], " \t\n\r")
		if !strings.HasPrefix(rest, "=") {
			t.attrs = append(t.attrs, [2]string{name, ""})
			continue
		}
		rest = strings.TrimLeft(rest[1:], " \t\n\r")
		var val string
		switch {
		case strings.HasPrefix(rest, `"`) || strings.HasPrefix(rest, `'`):
			q := rest[:1]
			end := strings.Index(rest[1:], q)
			if end < 0 {
				return t, fmt.Errorf("unclosed attribute value in <%s>", t.name)
			}
			val, rest = rest[1:1+end], rest[2+end:]
		default:
			end := strings.IndexAny(rest, " \t\n\r")
			if end < 0 {
				end = len(rest)
			}
			val, rest = rest[:end], rest[end:]
		}
		t.attrs = append(t.attrs, [2]string{name, html.UnescapeString(val)})
	}
	return t, nil
}

// validate checks s against r and returns Lever-style HTML re-serialised
// (<br> becomes <br />, attributes double-quoted, text entities normalised).
func validate(s string, r htmlRules) (string, error) {
	toks, err := tokenize(s)
	if err != nil {
		return "", err
	}
	for _, t := range toks {
		if t.kind == 't' {
			continue
		}
		if !r.tags[t.name] {
			return "", fmt.Errorf("tag <%s> is not allowed", t.name)
		}
		for _, a := range t.attrs {
			if !r.attrs[a[0]] {
				return "", fmt.Errorf("attribute %q on <%s> is not allowed", a[0], t.name)
			}
			switch a[0] {
			case "class":
				if a[1] != "postings-link" {
					return "", fmt.Errorf("class %q is not allowed", a[1])
				}
			case "style":
				if err := checkStyle(a[1]); err != nil {
					return "", err
				}
			}
		}
	}
	return serialize(toks), nil
}

// checkStyle allows only font-size with Lever's five sizes.
func checkStyle(v string) error {
	for _, decl := range strings.Split(v, ";") {
		decl = strings.TrimSpace(decl)
		if decl == "" {
			continue
		}
		prop, val, ok := strings.Cut(decl, ":")
		if !ok || strings.TrimSpace(strings.ToLower(prop)) != "font-size" || !fontSizes[strings.TrimSpace(val)] {
			return fmt.Errorf("style %q is not allowed", v)
		}
	}
	return nil
}

// serialize writes tokens back the way Lever stores HTML.
func serialize(toks []token) string {
	var b strings.Builder
	for _, t := range toks {
		switch t.kind {
		case 't':
			b.WriteString(html.EscapeString(html.UnescapeString(t.text)))
		case 'e':
			b.WriteString("</" + t.name + ">")
		default:
			b.WriteString("<" + t.name)
			for _, a := range t.attrs {
				b.WriteString(" " + a[0] + `="` + html.EscapeString(a[1]) + `"`)
			}
			if t.kind == 'c' || t.name == "br" {
				b.WriteString(" />")
			} else {
				b.WriteString(">")
			}
		}
	}
	return b.String()
}

// plainText derives Lever's plain fields from HTML: text with entities
// decoded, a line break for <br> and after each block (recorded:
// "<div>Seed posting …</div>" → "Seed posting …\n").
func plainText(s string) string {
	toks, err := tokenize(s)
	if err != nil {
		return s
	}
	var b strings.Builder
	for _, t := range toks {
		switch {
		case t.kind == 't':
			b.WriteString(html.UnescapeString(t.text))
		case t.name == "br":
			b.WriteString("\n")
		case t.kind == 'e' && (t.name == "div" || t.name == "p" || t.name == "li" || t.name == "ul"):
			if out := b.String(); out != "" && !strings.HasSuffix(out, "\n") {
				b.WriteString("\n")
			}
		}
	}
	return b.String()
}
