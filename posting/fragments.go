package posting

import (
	"bufio"
	"bytes"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// fragments renders and sanitises the pieces of postings, each distinct
// piece once, for one base URL. A Compose call holds one per family, so the
// role text shared by a hundred postings is rendered once, and a requirement
// shared by all of them once. It lives only as long as that call.
type fragments struct {
	base   string
	blocks map[string]string // markdown block → sanitised HTML
	items  map[string]string // list item markdown → sanitised "<li>…</li>\n"
}

func newFragments(baseURL string) *fragments {
	return &fragments{
		base:   baseURL,
		blocks: make(map[string]string),
		items:  make(map[string]string),
	}
}

// block returns the HTML of a markdown block rendered on its own.
func (f *fragments) block(md string) string {
	if h, ok := f.blocks[md]; ok {
		return h
	}
	h := RenderHTML(md, f.base)
	f.blocks[md] = h
	return h
}

// heading returns the HTML of a section heading.
func (f *fragments) heading(text string) string {
	return f.block(headingMarkdown(text))
}

// item returns the HTML of one list item, "<li>…</li>\n", as it renders
// inside a tight bullet list.
func (f *fragments) item(md string) string {
	if h, ok := f.items[md]; ok {
		return h
	}
	h := RenderHTML(itemMarkdown("- ", md), f.base)
	if inner, ok := strings.CutPrefix(h, "<ul>\n"); ok {
		if inner, ok = strings.CutSuffix(inner, "</ul>\n"); ok {
			h = inner
		}
	} else {
		// Not rendered as a list item: keep it, wrapped as one.
		h = "<li>" + strings.TrimSpace(h) + "</li>\n"
	}
	f.items[md] = h
	return h
}

func headingMarkdown(text string) string {
	return "## " + text
}

// itemMarkdown writes a list item: the marker, then the item with its
// continuation lines indented under it.
func itemMarkdown(marker, item string) string {
	if !strings.Contains(item, "\n") {
		return marker + item
	}
	return marker + strings.ReplaceAll(item, "\n", "\n"+strings.Repeat(" ", len(marker)))
}

// fragmentSep separates fragments sanitised together. It is a private-use
// character, which markdown and the sanitiser pass through as text; pieces
// that hold it are rendered one at a time instead.
const fragmentSep = "\uE000"

// prerender renders the blocks and items that are not cached yet, in as few
// goldmark and sanitiser passes as it can: the items parsed as one list and
// each list item rendered on its own, the blocks parsed one by one, and all
// of it sanitised at once. What it cannot batch it leaves to block and item.
func (f *fragments) prerender(blocks, items []string) {
	items = f.missing(items, f.items)
	blocks = f.missing(blocks, f.blocks)
	var unsafe bytes.Buffer
	// HTML is about half again as long as its markdown.
	unsafe.Grow(2 * (totalLen(items) + totalLen(blocks)))
	var pieces []string // what each separated part of unsafe is
	var isItem []bool   // whether it is an item (else a block)
	if len(items) > 0 {
		if lis, ok := renderItemsUnsafe(items, f.base); ok {
			for i, li := range lis {
				unsafe.WriteString(li)
				unsafe.WriteString(fragmentSep)
				pieces = append(pieces, items[i])
				isItem = append(isItem, true)
			}
		}
	}
	w := bufio.NewWriter(&unsafe)
	base := parseBase(f.base)
	for _, b := range blocks {
		if strings.Contains(b, fragmentSep) {
			continue
		}
		renderUnsafeTo(w, b, base)
		unsafe.WriteString(fragmentSep)
		pieces = append(pieces, b)
		isItem = append(isItem, false)
	}
	if len(pieces) == 0 {
		return
	}
	parts := strings.Split(Sanitize(unsafe.String()), fragmentSep)
	if len(parts) != len(pieces)+1 {
		return // the sanitiser merged or dropped a separator: go one by one
	}
	for i, piece := range pieces {
		if isItem[i] {
			f.items[piece] = parts[i]
		} else {
			f.blocks[piece] = parts[i]
		}
	}
}

// totalLen is the sum of the lengths of ss.
func totalLen(ss []string) int {
	n := 0
	for _, s := range ss {
		n += len(s)
	}
	return n
}

// missing returns the distinct pieces not in cache.
func (f *fragments) missing(pieces []string, cache map[string]string) []string {
	var out []string
	seen := make(map[string]bool, len(pieces))
	for _, p := range pieces {
		if _, ok := cache[p]; ok || seen[p] {
			continue
		}
		seen[p] = true
		out = append(out, p)
	}
	return out
}

// renderItemsUnsafe renders items as the list items of one tight bullet
// list, each "<li>…</li>\n" as it renders in any such list. It returns false
// when the items do not parse as exactly one tight list item each.
func renderItemsUnsafe(items []string, baseURL string) ([]string, bool) {
	var md strings.Builder
	for _, it := range items {
		if strings.Contains(it, fragmentSep) {
			return nil, false
		}
		md.WriteString(itemMarkdown("- ", it))
		md.WriteByte('\n')
	}
	src := []byte(md.String())
	doc := markdown.Parser().Parse(text.NewReader(src))
	list, ok := doc.FirstChild().(*ast.List)
	if !ok || list.NextSibling() != nil || !list.IsTight || list.ChildCount() != len(items) {
		return nil, false
	}
	rewrite(doc, src, parseBase(baseURL))
	out := make([]string, 0, len(items))
	var buf bytes.Buffer
	// One buffered writer for every item: given a plain io.Writer, Render
	// would allocate one per call. Render flushes it into buf.
	w := bufio.NewWriter(&buf)
	for li := list.FirstChild(); li != nil; li = li.NextSibling() {
		buf.Reset()
		// Rendering into a bytes.Buffer cannot fail.
		_ = markdown.Renderer().Render(w, src, li)
		out = append(out, buf.String())
	}
	return out, true
}
