package posting

import "strings"

// maxPlaceholder is the longest text read as a placeholder: a long
// paragraph that mentions a TBD is content.
const maxPlaceholder = 200

// IsPlaceholder reports whether s, one paragraph or list item, stands for
// content not yet written and so is never published: a short text holding
// "to be added in a future iteration", "to be determined", "coming soon" or
// "lorem ipsum" (any case), the word TBD or TBA (any case), or TODO. The
// parser warns about and drops such text by the same rule.
func IsPlaceholder(s string) bool {
	return len(s) <= maxPlaceholder && mentionsPlaceholder(s)
}

// mentionsPlaceholder reports whether s holds a placeholder phrase anywhere,
// whatever its length. A hand-written scan: it runs on every item.
func mentionsPlaceholder(s string) bool {
	for i := 0; i < len(s); i++ {
		if i > 0 && isWordByte(s[i-1]) {
			continue // every phrase starts a word
		}
		switch s[i] | 0x20 {
		case 't':
			if hasFoldAt(s, i, "to be added in a future iteration") || hasFoldAt(s, i, "to be determined") ||
				wordFoldAt(s, i, "tbd") || wordFoldAt(s, i, "tba") || wordAt(s, i, "TODO") {
				return true
			}
		case 'c':
			if hasFoldAt(s, i, "coming soon") {
				return true
			}
		case 'l':
			if hasFoldAt(s, i, "lorem ipsum") {
				return true
			}
		}
	}
	return false
}

// hasFoldAt says whether s holds the lower-case ASCII phrase at i, any case.
func hasFoldAt(s string, i int, phrase string) bool {
	if len(s)-i < len(phrase) {
		return false
	}
	for j := 0; j < len(phrase); j++ {
		c := s[i+j]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != phrase[j] {
			return false
		}
	}
	return true
}

// wordFoldAt is hasFoldAt for a whole word.
func wordFoldAt(s string, i int, word string) bool {
	return hasFoldAt(s, i, word) && wordBounds(s, i, i+len(word))
}

// wordAt is an exact, whole-word match at i.
func wordAt(s string, i int, word string) bool {
	return strings.HasPrefix(s[i:], word) && wordBounds(s, i, i+len(word))
}

func wordBounds(s string, start, end int) bool {
	return (start == 0 || !isWordByte(s[start-1])) && (end >= len(s) || !isWordByte(s[end]))
}

func isWordByte(c byte) bool {
	return c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// dropPlaceholderItems returns items without the placeholder ones, and
// without items that are empty once trimmed. It returns items itself when
// nothing is dropped.
func dropPlaceholderItems(items []string) []string {
	keep := -1
	for i, it := range items {
		if IsPlaceholder(it) || strings.TrimSpace(it) == "" {
			keep = i
			break
		}
	}
	if keep < 0 {
		return items
	}
	out := make([]string, 0, len(items))
	out = append(out, items[:keep]...)
	for _, it := range items[keep:] {
		if !IsPlaceholder(it) && strings.TrimSpace(it) != "" {
			out = append(out, it)
		}
	}
	return out
}

// dropPlaceholderText removes the blocks of markdown text s that hold
// placeholder text: a paragraph goes whole; in a list, only the items that
// hold it go.
func dropPlaceholderText(s string) string {
	s = strings.TrimSpace(s)
	if !mentionsPlaceholder(s) {
		return s
	}
	blocks := strings.Split(s, "\n\n")
	out := blocks[:0]
	for _, b := range blocks {
		switch {
		case !mentionsPlaceholder(b):
			out = append(out, b)
		case isListBlock(b):
			if kept := dropListItems(b); strings.TrimSpace(kept) != "" {
				out = append(out, kept)
			}
		case !IsPlaceholder(b):
			out = append(out, b) // a long paragraph that mentions a TBD
		}
	}
	return strings.TrimSpace(strings.Join(out, "\n\n"))
}

// isListBlock reports whether a block starts with a list marker.
func isListBlock(b string) bool {
	_, ok := listMarker(strings.TrimLeft(b, "\n"))
	return ok
}

// listMarker returns the indentation of the list item that line starts, if
// it starts one: "- ", "* ", "+ ", "1. ", "1) ".
func listMarker(line string) (indent int, ok bool) {
	rest := strings.TrimLeft(line, " ")
	indent = len(line) - len(rest)
	if len(rest) >= 2 && strings.ContainsRune("-*+", rune(rest[0])) && rest[1] == ' ' {
		return indent, true
	}
	i := 0
	for i < len(rest) && i < 9 && rest[i] >= '0' && rest[i] <= '9' {
		i++
	}
	if i > 0 && i+1 < len(rest) && (rest[i] == '.' || rest[i] == ')') && rest[i+1] == ' ' {
		return indent, true
	}
	return 0, false
}

// dropListItems removes from a list block the items (with their continuation
// lines and nested items) that hold placeholder text.
func dropListItems(b string) string {
	lines := strings.Split(b, "\n")
	var out, item []string
	itemIndent := -1
	flush := func() {
		if len(item) > 0 && !IsPlaceholder(strings.Join(item, "\n")) {
			out = append(out, item...)
		}
		item = item[:0]
	}
	for _, l := range lines {
		if ind, ok := listMarker(l); ok && (itemIndent < 0 || ind <= itemIndent) {
			flush()
			itemIndent = ind
		}
		item = append(item, l)
	}
	flush()
	return strings.Join(out, "\n")
}
