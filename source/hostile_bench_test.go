package source

import (
	"strconv"
	"strings"
	"testing"

	"github.com/jobsync/jobsync/posting"
)

// hostilePages are the red team's pages (issue 18, finding 6): before the
// limits, 100k nested list markers took 71 s to parse, 100k quotes 27 s and
// 860 MB.
func hostilePages(scale int) map[string]string {
	const head = "---\ntitle: Engineer\n---\n# Engineer\n\nRole.\n\n"
	return map[string]string{
		"nested-lists":  head + strings.Repeat("- ", scale) + "x\n",
		"nested-quotes": head + strings.Repeat("> ", scale) + "x\n",
		"wide-table":    head + strings.Repeat("| a ", scale) + "|\n" + strings.Repeat("|---", scale) + "|\n",
		"long-line":     head + strings.Repeat("word ", 8*scale) + "\n",
	}
}

// BenchmarkHostilePage parses each hostile page at the red team's scale:
// go test ./source -run '^$' -bench HostilePage -benchtime 1x -benchmem.
func BenchmarkHostilePage(b *testing.B) {
	for name, page := range hostilePages(100_000) {
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			data := []byte(page)
			for b.Loop() {
				_, _ = Parse("hostile.md", data, Options{})
			}
		})
	}
}

// BenchmarkHostileCompose parses the Product Manager page with a long
// paragraph (lines of 80 bytes) in its role and composes its 112 postings.
// Before the limits a 4 MB one took 2.8 GB at sync (the red team's figure);
// now a 4 MB page is refused by Parse (maxPageBytes), and a 900 KB
// paragraph by Compose at its first posting (posting.MaxPostingBytes).
func BenchmarkHostileCompose(b *testing.B) {
	_, data := pmPage(b)
	line := strings.Repeat("word ", 15) + "words\n"
	for _, size := range []int{4 << 20, 900 << 10} {
		page := []byte(strings.Replace(string(data), "## Role\n\n", "## Role\n\n"+strings.Repeat(line, size/len(line))+"\n", 1))
		b.Run(strconv.Itoa(size>>10)+"KB", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				f, err := Parse("product-manager.md", page, Options{})
				if err == nil {
					_, err = posting.Compose([]posting.Family{f}, nil, posting.ComposeOptions{})
				}
				if err == nil {
					b.Fatal("no limit reached")
				}
			}
		})
	}
}
