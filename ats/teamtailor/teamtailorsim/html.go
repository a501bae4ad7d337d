package teamtailorsim

import (
	"html"
	"slices"
	"strings"
)

// The docs say only that a body is "simple html". The simulator cleans it as
// Rails' sanitize helper does by default (Teamtailor is a Rails app): the
// tags below are kept with only their safe attributes, other tags go and
// their text stays, script and style go with their content, comments go.
var (
	keptTags = []string{
		"strong", "em", "b", "i", "u", "p", "code", "pre", "tt", "samp", "kbd", "var", "sub", "sup", "dfn", "cite",
		"big", "small", "address", "hr", "br", "div", "span", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li",
		"dl", "dt", "dd", "abbr", "acronym", "a", "img", "blockquote", "del", "ins",
	}
	keptAttrs = []string{"href", "src", "width", "height", "alt", "cite", "datetime", "title", "class", "name", "abbr"}
	voidTags  = []string{"br", "hr", "img"}
	dropped   = []string{"script", "style", "iframe", "object", "embed"}
)

// sanitize cleans a body.
func sanitize(s string) string {
	var b strings.Builder
	for len(s) > 0 {
		lt := strings.IndexByte(s, '<')
		if lt < 0 {
			b.WriteString(s)
			break
		}
		b.WriteString(s[:lt])
		s = s[lt:]
		if strings.HasPrefix(s, "<!--") {
			end := strings.Index(s, "-->")
			if end < 0 {
				break
			}
			s = s[end+3:]
			continue
		}
		t, rest, ok := readTag(s)
		if !ok {
			b.WriteString("&lt;")
			s = s[1:]
			continue
		}
		s = rest
		switch {
		case slices.Contains(dropped, t.name) && !t.end:
			if end := strings.Index(strings.ToLower(s), "</"+t.name); end >= 0 {
				s = s[end:]
				if gt := strings.IndexByte(s, '>'); gt >= 0 {
					s = s[gt+1:]
				}
			} else {
				s = ""
			}
		case !slices.Contains(keptTags, t.name):
			b.WriteByte(' ') // its text stays, apart from its neighbours'
		case t.end && !slices.Contains(voidTags, t.name):
			b.WriteString("</" + t.name + ">")
		case !t.end:
			b.WriteString("<" + t.name)
			for _, a := range t.attrs {
				if slices.Contains(keptAttrs, a.name) && safeValue(a) {
					b.WriteString(" " + a.name + `="` + html.EscapeString(a.value) + `"`)
				}
			}
			b.WriteString(">")
		}
	}
	return b.String()
}

// safeValue refuses links to anything but the web and mail.
func safeValue(a attr) bool {
	if a.name != "href" && a.name != "src" {
		return true
	}
	v := strings.ToLower(strings.TrimSpace(a.value))
	return strings.HasPrefix(v, "http://") || strings.HasPrefix(v, "https://") || strings.HasPrefix(v, "mailto:") || strings.HasPrefix(v, "/")
}

type tag struct {
	name  string
	end   bool
	attrs []attr
}

type attr struct{ name, value string }

// readTag reads the tag s starts with ("<p class=x>", "</p>", "<br/>") and
// returns the rest of s; ok is false when s does not start with a tag.
func readTag(s string) (tag, string, bool) {
	var t tag
	i := 1
	if i < len(s) && s[i] == '/' {
		t.end = true
		i++
	}
	start := i
	for i < len(s) && (isLetter(s[i]) || (i > start && s[i] >= '0' && s[i] <= '9')) {
		i++
	}
	if i == start {
		return t, s, false
	}
	t.name = strings.ToLower(s[start:i])
	for {
		for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r' || s[i] == '/') {
			i++
		}
		if i >= len(s) {
			return t, s, false
		}
		if s[i] == '>' {
			return t, s[i+1:], true
		}
		ns := i
		for i < len(s) && !strings.ContainsRune(" \t\n\r/>=", rune(s[i])) {
			i++
		}
		a := attr{name: strings.ToLower(s[ns:i])}
		if i < len(s) && s[i] == '=' {
			i++
			switch {
			case i < len(s) && (s[i] == '"' || s[i] == '\''):
				q := s[i]
				end := strings.IndexByte(s[i+1:], q)
				if end < 0 {
					return t, s, false
				}
				a.value = html.UnescapeString(s[i+1 : i+1+end])
				i += end + 2
			default:
				vs := i
				for i < len(s) && !strings.ContainsRune(" \t\n\r>", rune(s[i])) {
					i++
				}
				a.value = html.UnescapeString(s[vs:i])
			}
		}
		t.attrs = append(t.attrs, a)
	}
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
