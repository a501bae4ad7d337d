package local

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if string(got) != string(want) {
		t.Errorf("%s differs from the golden file (go test -update rewrites it)\ngot:\n%s", name, got)
	}
}

func TestGoldenFiles(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	b := newTestBoard(t, "")
	var ids []string
	for i := range 4 {
		r, err := b.Create(ctx, testPosting(i*5, 0))
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, r.ID)
	}
	if err := b.Close(ctx, ids[3]); err != nil {
		t.Fatal(err)
	}
	writeHandMade(t, b, "hand-made-no-page", `{"title": "Without a page", "status": "open"}`)
	// Writing a posting refreshes index.html, which now sees the hand-made file.
	if _, err := b.Update(ctx, ids[0], testPosting(0, 1)); err != nil {
		t.Fatal(err)
	}
	read := func(path string) []byte {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		return data
	}
	golden(t, "index.golden.html", read(filepath.Join(b.dir, indexName)))
	golden(t, "posting.golden.html", read(filepath.Join(b.postings, ids[1]+".html")))
	golden(t, "posting-closed.golden.html", read(filepath.Join(b.postings, ids[3]+".html")))
	golden(t, "posting.golden.json", read(b.jsonPath(ids[1])))
}

func TestEscaping(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	b := newTestBoard(t, "")
	p := testPosting(0, 0)
	p.Title = `<script>alert("title")</script> & Co`
	p.Locations = []string{`<img src=x onerror=alert(1)>`}
	p.Department = `"><b>dept</b>`
	p.SourceURL = `javascript:alert("source")`
	p.HTML = `<p>Fine text.</p><script>alert("body")</script><p onclick="alert(1)">Click</p><iframe src="https://evil.example"></iframe>`
	p.Key = `product-manager/"><script>/x`
	r, err := b.Create(ctx, p)
	if err != nil {
		t.Fatal(err)
	}
	page, err := os.ReadFile(filepath.Join(b.postings, r.ID+".html"))
	if err != nil {
		t.Fatal(err)
	}
	index := readIndex(t, b)
	for name, doc := range map[string]string{"index.html": index, "posting page": string(page)} {
		if bad := unsafeMarkup(t, doc); len(bad) > 0 {
			t.Errorf("%s holds markup from values: %q\n%s", name, bad, doc)
		}
		if !strings.Contains(doc, "&lt;script&gt;alert(&#34;title&#34;)&lt;/script&gt; &amp; Co") {
			t.Errorf("%s does not show the title as text:\n%s", name, doc)
		}
	}
	if strings.Contains(string(page), "javascript:") {
		t.Errorf("the posting page shows a source URL that is not http(s):\n%s", page)
	}
	if !strings.Contains(string(page), "<p>Fine text.</p>") {
		t.Errorf("the posting's own HTML is not kept as HTML:\n%s", page)
	}
	m, ok := pageMarker(page)
	if !ok || m.Key != p.Key {
		t.Errorf("pageMarker = %+v, %v; want key %q", m, ok, p.Key)
	}
}

// unsafeMarkup parses doc and returns what no value may have injected:
// script, img, iframe and b elements, event-handler attributes, and links
// that are not http(s), relative or mailto.
func unsafeMarkup(t *testing.T, doc string) []string {
	t.Helper()
	root, err := html.Parse(strings.NewReader(doc))
	if err != nil {
		t.Fatal(err)
	}
	var bad []string
	for n := range root.Descendants() {
		if n.Type != html.ElementNode {
			continue
		}
		if n.DataAtom == atom.Script && ownScript(n) {
			continue
		}
		switch n.DataAtom {
		case atom.Script, atom.Img, atom.Iframe, atom.B:
			bad = append(bad, "<"+n.Data+">")
		}
		for _, a := range n.Attr {
			if strings.HasPrefix(a.Key, "on") {
				bad = append(bad, a.Key)
			}
			if a.Key == "href" && n.DataAtom == atom.Link && a.Val == "data:," {
				continue // the empty icon that spares browsers a favicon request
			}
			if a.Key == "href" && strings.Contains(a.Val, ":") && !strings.HasPrefix(a.Val, "https:") &&
				!strings.HasPrefix(a.Val, "http:") && !strings.HasPrefix(a.Val, "mailto:") {
				bad = append(bad, "href="+a.Val)
			}
		}
	}
	return bad
}

// ownScript reports whether a script element is one the site writes: the
// JSON-LD of a posting page, or the index's filter.
func ownScript(n *html.Node) bool {
	text := ""
	if n.FirstChild != nil {
		text = n.FirstChild.Data
	}
	if len(n.Attr) == 1 && n.Attr[0].Key == "type" && n.Attr[0].Val == "application/ld+json" {
		return !strings.Contains(text, "<")
	}
	return len(n.Attr) == 0 && strings.Contains(text, `document.getElementById("filter")`) && !strings.Contains(text, "alert")
}
