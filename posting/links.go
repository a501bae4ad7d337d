package posting

import (
	"net/url"
	"strings"
)

// absoluteLinks rewrites the root-relative link destinations of markdown md
// ("[text](/handbook/…)", "[ref]: /handbook/…") to absolute URLs against
// base, so that sections and markdown read right wherever they are shown.
// Other links are left as they are; rendering deals with them. Without a
// base, md is returned unchanged.
func absoluteLinks(md string, base *url.URL) string {
	if base == nil || !strings.Contains(md, "/") {
		return md
	}
	if !strings.Contains(md, "](") && !strings.Contains(md, "]:") {
		return md
	}
	var b strings.Builder
	last := 0
	for i := 0; i < len(md); i++ {
		var start int // where a destination would start
		switch {
		case md[i] == ']' && i+1 < len(md) && md[i+1] == '(':
			start = i + 2
		case md[i] == ']' && i+1 < len(md) && md[i+1] == ':' && isLineStartRef(md, i):
			start = i + 2
		default:
			continue
		}
		for start < len(md) && (md[start] == ' ' || md[start] == '\t') {
			start++
		}
		if start < len(md) && md[start] == '<' {
			start++
		}
		if start+1 >= len(md) || md[start] != '/' || md[start+1] == '/' {
			continue
		}
		end := start
		for end < len(md) && !strings.ContainsRune(" \t\n)>", rune(md[end])) {
			end++
		}
		abs, ok := resolveLink(md[start:end], base)
		if !ok {
			continue
		}
		b.WriteString(md[last:start])
		b.WriteString(abs)
		last = end
		i = end - 1
	}
	if last == 0 {
		return md
	}
	b.WriteString(md[last:])
	return b.String()
}

// isLineStartRef reports whether the "]" at i closes a "[label]" that starts
// its line (after up to three spaces): a link reference definition.
func isLineStartRef(md string, i int) bool {
	lineStart := strings.LastIndexByte(md[:i], '\n') + 1
	line := strings.TrimLeft(md[lineStart:i], " ")
	return len(md[lineStart:i])-len(line) <= 3 && strings.HasPrefix(line, "[") && !strings.Contains(line[1:], "]")
}

// absoluteItems applies absoluteLinks to every item, copying the list only
// when something changes.
func absoluteItems(items []string, base *url.URL) []string {
	if base == nil {
		return items
	}
	return mapItems(items, func(it string) string { return absoluteLinks(it, base) })
}

// mapItems applies f to every item. The lists of a family are shared by all
// its postings, so it copies the list only when f changes an item, and
// returns items itself when nothing changes.
func mapItems(items []string, f func(string) string) []string {
	var out []string
	for i, it := range items {
		c := f(it)
		if c != it && out == nil {
			out = append(make([]string, 0, len(items)), items[:i]...)
		}
		if out != nil {
			out = append(out, c)
		}
	}
	if out == nil {
		return items
	}
	return out
}
