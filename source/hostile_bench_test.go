package source

import (
	"strings"
	"testing"
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
