package posting

import "strings"

// futureIteration is the handbook's phrase for text still to be written.
const futureIteration = "to be added in a future iteration"

// IsPlaceholder reports whether s holds placeholder text ("to be added in a
// future iteration" in any case, or the words "TBD" or "TODO"), which is
// never published.
func IsPlaceholder(s string) bool {
	return containsFold(s, futureIteration) || containsWord(s, "TBD") || containsWord(s, "TODO")
}

// containsFold reports whether s holds the lower-case ASCII phrase lower,
// ignoring ASCII case.
func containsFold(s, lower string) bool {
	for i := 0; i+len(lower) <= len(s); i++ {
		c := s[i] | 0x20
		if c != lower[0] {
			continue
		}
		if strings.EqualFold(s[i:i+len(lower)], lower) {
			return true
		}
	}
	return false
}

// containsWord reports whether s holds word, exactly, with no letter, digit
// or underscore on either side.
func containsWord(s, word string) bool {
	for off := 0; ; {
		i := strings.Index(s[off:], word)
		if i < 0 {
			return false
		}
		start, end := off+i, off+i+len(word)
		if (start == 0 || !isWordByte(s[start-1])) && (end == len(s) || !isWordByte(s[end])) {
			return true
		}
		off = start + 1
	}
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
	if !IsPlaceholder(s) {
		return s
	}
	blocks := strings.Split(s, "\n\n")
	out := blocks[:0]
	for _, b := range blocks {
		if !IsPlaceholder(b) {
			out = append(out, b)
			continue
		}
		if isListBlock(b) {
			if kept := dropListItems(b); strings.TrimSpace(kept) != "" {
				out = append(out, kept)
			}
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
