package posting

import (
	"testing"
)

// TestPrerenderMatchesOneByOne checks that batch rendering gives each piece
// exactly the HTML it gets rendered alone.
func TestPrerenderMatchesOneByOne(t *testing.T) {
	t.Parallel()
	const base = "https://handbook.example.com"
	items := []string{
		"Plain item",
		"Item with a [relative link](/handbook/x) and a [fragment](#y)",
		"Item with <span>raw</span> HTML and <script>alert(1)</script> script",
		"Nested list:\n  - first\n  - second",
		"1. looks ordered",
		"**bold** and `code`",
		"Plain item", // repeated
		"Ends with a table-like | pipe",
	}
	blocks := []string{
		"",
		"## A heading",
		"A paragraph with [a link](/a).\n\n- a list\n- of two",
		"<figure>\n<iframe src=\"x\"></iframe>\n</figure>\n\nText after a figure.",
		"| a | b |\n|---|---|\n| [c](/c) | d |",
		"```\nunclosed fence",
		"<!-- an unclosed comment",
	}
	f := newFragments(base)
	f.prerender(blocks, items)
	for _, it := range items {
		got, ok := f.items[it]
		if !ok {
			t.Errorf("item %q not prerendered", it)
			continue
		}
		if want := newFragments(base).item(it); got != want {
			t.Errorf("item %q: batch %q, alone %q", it, got, want)
		}
	}
	for _, b := range blocks {
		got, ok := f.blocks[b]
		if !ok {
			t.Errorf("block %q not prerendered", b)
			continue
		}
		if want := RenderHTML(b, base); got != want {
			t.Errorf("block %q: batch %q, alone %q", b, got, want)
		}
	}
}

func TestPrerenderFallsBack(t *testing.T) {
	t.Parallel()
	// A separator inside a piece, and an item that would make the list
	// loose, are rendered one at a time.
	items := []string{"has \uE000 separator", "fine"}
	f := newFragments("")
	f.prerender([]string{"block \uE000"}, items)
	if _, ok := f.items["fine"]; ok {
		t.Error("items were batched although one holds the separator")
	}
	if got, want := f.item("has \uE000 separator"), "<li>has \uE000 separator</li>\n"; got != want {
		t.Errorf("item = %q, want %q", got, want)
	}
	if got, want := f.block("block \uE000"), "<p>block \uE000</p>\n"; got != want {
		t.Errorf("block = %q, want %q", got, want)
	}
}
