package source

import (
	"bytes"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
)

// BenchmarkParse parses the whole Product Manager page.
func BenchmarkParse(b *testing.B) {
	_, data := pmPage(b)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse("product-manager.md", data, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkGoldmarkFloor is goldmark alone parsing and rendering the same
// bytes to HTML: the floor Parse is measured against.
func BenchmarkGoldmarkFloor(b *testing.B) {
	_, data := pmPage(b)
	md := goldmark.New(goldmark.WithExtensions(extension.Table))
	var buf bytes.Buffer
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		buf.Reset()
		if err := md.Convert(data, &buf); err != nil {
			b.Fatal(err)
		}
	}
}
