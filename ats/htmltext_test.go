package ats

import (
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/jobsync/jobsync/posting"
	"github.com/jobsync/jobsync/source"
)

// realPostings are the postings composed from the product manager page, as
// the engine composes them.
var realPostings = sync.OnceValues(func() ([]posting.Posting, error) {
	const path = "../testdata/product-manager.md"
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	fam, err := source.Parse(path, data, source.Options{BaseURL: "https://handbook.gitlab.com"})
	if err != nil {
		return nil, err
	}
	return posting.Compose([]posting.Family{fam}, nil, posting.ComposeOptions{Company: "GitLab", CompanyURL: "https://about.gitlab.com"})
})

func loadRealPostings(tb testing.TB) []posting.Posting {
	tb.Helper()
	ps, err := realPostings()
	if err != nil {
		tb.Fatal(err)
	}
	if len(ps) == 0 {
		tb.Fatal("no postings composed from the product manager page")
	}
	return ps
}

// trickyTexts are inputs at the edges of what HTMLText handles: white space
// of every kind, entities, lists, line breaks, invisible elements, broken
// markup and broken UTF-8.
var trickyTexts = []string{
	"",
	"&",
	"&&",
	"<",
	">",
	"-",
	"just text",
	"  spaced \t plain\n\ntext  ",
	"plain\u00a0with\u2003unicode\u3000spaces ",
	"a\r\nb\rc",
	// Entities.
	"R&amp;D &lt;3",
	"&nbsp;",
	"&nbsp;&nbsp;x&nbsp;&nbsp;y&nbsp;",
	"<p>Own&nbsp;the <b>roadmap</b>&#46;</p>",
	"&amp;lt;p&amp;gt;",
	"a&#10;b&#13;c&#9;d&#12;e&#11;f",
	"&#xA0;x&#160;y&#x2003;z&#x85;w&#133;v&#x2028;u&#x3000;t",
	"&#0;&#x0;a",
	"&notanentity; &amp &lt &gt; &AMP; &Amp;",
	"&#x110000;&#xD800;&#99999999999;",
	"&#x1680;&#x180E;&#x200B;&#xFEFF;&#x202F;&#x205F;",
	// Blocks and lists.
	"<h2>About</h2><p>We  build\n tools.</p><ul><li>Go</li><li><b>Rust</b></li></ul>",
	"<ul><li>a<ul><li>b</li><li>c<ol><li>d</li></ol></li></ul></li><li>e</li></ul>",
	"<ul>\n  <li>\n    one\n  </li>\n  <li>two</li>\n</ul>\n",
	"<li>",
	"<li></li><li> </li><li>&nbsp;</li><li>-</li><li>- -</li><li>--</li>",
	"<p>-</p><p> - </p><p>&nbsp;-&nbsp;</p><p>-x</p>",
	"-<br>-<br>- a",
	"<LI>Upper</LI><Li>Mixed</lI><H2>T</H2><DIV>d</DIV>",
	"<div\n>x</div\t><p/>y<hr>z<hr/>w",
	"<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>",
	"<blockquote>q</blockquote><pre>  pre\n  formatted  </pre><section>s</section><article>a</article>",
	"<h1>1</h1><h3>3</h3><h4>4</h4><h5>5</h5><h6>6</h6><h7>7</h7>",
	"<p>   </p><div>\t\n</div><ul><li></li></ul>",
	"<span>inline</span><b>bold</b><i> italic </i><a href=\"x\">link</a>",
	// Line breaks.
	"one<br>two<br/>three<br />four<BR>five</br>six",
	"<br><br><br>",
	"a<br/>",
	// Invisible elements.
	"<p>a</p><script>alert(1)</script><style>p{}</style><p>b</p>",
	"<script>var a = '<p>x</p>';</script>y",
	"<script/>x</script>y",
	"</script>x</style>y",
	"<SCRIPT>x</SCRIPT>y<Style>z</sTyle>w",
	"<script>never closed",
	"<style>never closed <p>x</p>",
	"<script><script></script>y</script>z",
	"<style><script></style>x</script>y",
	"<script>\x00</script>a\x00b",
	"<noscript><p>n</p></noscript><iframe><p>i</p></iframe><xmp><p>x</p></xmp>",
	"<textarea><p>&amp;</textarea><title>a&amp;b</title>",
	"<plaintext><p>x</p>&amp;",
	// CRLF, tabs and Unicode spaces.
	"<p>a\r\nb</p>\r\n<p>c\rd</p>\r\n",
	"<p>\ta\v\fb\t</p>\t<li>\tc</li>",
	"<p>\u2000a\u2001b\u2002c\u2003d\u2004e\u2005f\u2006g\u2007h\u2008i\u2009j\u200ak</p>",
	"<p>\u2028a\u2029b\u202fc\u205fd\u3000e\u1680f\u0085g\u00a0h</p>",
	"<p>\u200bzero\ufeffwidth\u180enot spaces</p>",
	"<li>\u00a0</li><li>\u3000-\u3000</li>",
	// Broken UTF-8, also split by markup.
	"\xff&amp;\xfe",
	"<p>\xc2</p><p>\xa0</p>",
	"\xc2<b>\xa0</b>x&amp;",
	"\xe2\x80<!-- -->\x83y<p>z",
	"\xe3\x80<i>\x80</i>&amp;",
	"<p>a\xc2</p>\xa0b",
	"&amp;\xc2\xa0\xc2",
	"<p>\xed\xa0\x80 surrogate</p>",
	// Malformed HTML.
	"<p",
	"<p>unclosed",
	"</p></p>x",
	"<<p>>",
	"a < b & c > d",
	"<p a=/>x",
	"<p a=\"<li>\">x</p>",
	"<li",
	"<!-- unclosed",
	"<!-- <p>x</p> -->y",
	"<!DOCTYPE html><p>x",
	"<?xml version=\"1.0\"?><p>x</p>",
	"</ x>y",
	"</>y",
	"<p\x00>x<l\x00i>y",
	"<![CDATA[x]]>y",
	"<br\x00>x<li\x00>y",
	"<p/x>a<li/ x>b",
	"<p\fclass=x>a</p\f>b",
}

// realTexts are the texts of real postings: titles, HTML and markdown, and
// the HTML as boards re-serialise it.
func realTexts(tb testing.TB) []string {
	tb.Helper()
	var out []string
	for _, p := range loadRealPostings(tb) {
		out = append(out, p.Title, p.HTML, p.Markdown,
			strings.ReplaceAll(p.HTML, "\n", "\r\n"),
			strings.ReplaceAll(strings.ReplaceAll(p.HTML, "<", "\n  <"), " ", "\u00a0 "),
			strings.ToUpper(p.HTML))
		for _, s := range p.Sections {
			out = append(out, s.Heading, s.Text)
			out = append(out, s.Items...)
		}
	}
	return out
}

func checkSame(t *testing.T, in string) {
	t.Helper()
	if got, want := HTMLText(in), oldHTMLText(in); got != want {
		t.Errorf("HTMLText(%q)\n = %q\nwant %q", in, got, want)
	}
	if got, want := Fingerprint(in), oldFingerprint(in); got != want {
		t.Errorf("Fingerprint(%q) = %s, want %s", in, got, want)
	}
	if got, want := TextFingerprint(HTMLText(in)), Fingerprint(in); got != want {
		t.Errorf("TextFingerprint(HTMLText(%q)) = %s, want Fingerprint's %s", in, got, want)
	}
}

func TestHTMLTextMatchesReference(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("<p>word &amp; word\u00a0</p><ul><li>item</li></ul>", 400) // past the tokenizer's 4 KiB buffer
	longTag := "<p class=\"" + strings.Repeat("x", 10000) + "\">a</p><li>b"
	longText := strings.Repeat("x\u3000", 5000) + "<br>" + strings.Repeat("\u00a0", 3000) + "-"
	inputs := append(append([]string{long, longTag, longText}, trickyTexts...), realTexts(t)...)
	for _, in := range inputs {
		checkSame(t, in)
	}
	// Fields together, in both orders.
	for i, a := range trickyTexts {
		b := trickyTexts[(i*7+3)%len(trickyTexts)]
		if got, want := Fingerprint(a, b), oldFingerprint(a, b); got != want {
			t.Errorf("Fingerprint(%q, %q) = %s, want %s", a, b, got, want)
		}
	}
	for _, p := range loadRealPostings(t) {
		if got, want := Fingerprint(p.Title, p.HTML), oldFingerprint(p.Title, p.HTML); got != want {
			t.Errorf("Fingerprint of %s = %s, want %s", p.Key, got, want)
		}
	}
	if got, want := Fingerprint(), oldFingerprint(); got != want {
		t.Errorf("Fingerprint() = %s, want %s", got, want)
	}
	// A value boards hold, pinned, in case the reference is ever edited.
	if got, want := Fingerprint("Senior PM", "<p>Own&nbsp;the <b>roadmap</b>.</p>\n<ul><li>Talk to  users</li></ul>"), "c07c4730417a1c2d5d8d88ec"; got != want {
		t.Errorf("pinned Fingerprint = %s, want %s", got, want)
	}
}

func FuzzHTMLTextMatchesReference(f *testing.F) {
	for i, s := range trickyTexts {
		f.Add(s, trickyTexts[(i*7+3)%len(trickyTexts)])
	}
	// Pieces of real postings: whole ones are in the table test, and the
	// fuzzer is faster on short inputs.
	for _, p := range loadRealPostings(f)[:3] {
		f.Add(p.Title, p.HTML[:min(len(p.HTML), 1500)])
		f.Add(p.HTML[len(p.HTML)/2:][:min(len(p.HTML)/2, 1500)], "")
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		checkSame(t, a)
		checkSame(t, a+b)
		if got, want := Fingerprint(a, b), oldFingerprint(a, b); got != want {
			t.Errorf("Fingerprint(%q, %q) = %s, want %s", a, b, got, want)
		}
		if got, want := TextFingerprint(HTMLText(a), HTMLText(b)), Fingerprint(a, b); got != want {
			t.Errorf("TextFingerprint of (%q, %q) = %s, want Fingerprint's %s", a, b, got, want)
		}
	})
}

func BenchmarkHTMLText(b *testing.B) {
	p := loadRealPostings(b)[0]
	b.ReportAllocs()
	b.SetBytes(int64(len(p.HTML)))
	for b.Loop() {
		HTMLText(p.HTML)
	}
}

func BenchmarkFingerprint(b *testing.B) {
	p := loadRealPostings(b)[0]
	b.ReportAllocs()
	b.SetBytes(int64(len(p.Title) + len(p.HTML)))
	for b.Loop() {
		Fingerprint(p.Title, p.HTML)
	}
}
