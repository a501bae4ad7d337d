package ats_test

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jobsync/jobsync/ats"
)

// Fingerprints are stored in the markers of live boards: a change to
// HTMLText or Fingerprint that changed one would flag every posting written
// before it as drifted. testdata/fingerprints.golden pins the fingerprint
// and the HTMLText of every input below and of real postings' HTML
// (testdata/htmltext), as boards re-serialise it too. It was written by the
// code that wrote the markers on today's boards; never -update it for a
// change of HTMLText or Fingerprint.

// fingerprintInputs are inputs at the edges of what HTMLText handles: white
// space of every kind, entities, lists, line breaks, invisible elements,
// broken markup and broken UTF-8.
var fingerprintInputs = []string{
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

// goldenInput is one input of the golden file: a label and its fields.
type goldenInput struct {
	label  string
	fields []string
}

// goldenInputs are the golden file's inputs, in its order.
func goldenInputs(t *testing.T) []goldenInput {
	t.Helper()
	var in []goldenInput
	add := func(label string, fields ...string) { in = append(in, goldenInput{label, fields}) }
	add("long", strings.Repeat("<p>word &amp; word\u00a0</p><ul><li>item</li></ul>", 400)) // past the tokenizer's 4 KiB buffer
	add("long tag", "<p class=\""+strings.Repeat("x", 10000)+"\">a</p><li>b")
	add("long text", strings.Repeat("x\u3000", 5000)+"<br>"+strings.Repeat("\u00a0", 3000)+"-")
	for i, s := range fingerprintInputs {
		add(fmt.Sprintf("edge %03d %.40q", i, s), s)
		b := fingerprintInputs[(i*7+3)%len(fingerprintInputs)]
		add(fmt.Sprintf("edge %03d + next", i), s, b)
	}
	add("no fields")
	paths, err := filepath.Glob(filepath.Join("testdata", "htmltext", "*.html"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no posting fixtures in testdata/htmltext: %v", err)
	}
	for _, path := range paths {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		// The first line is "<!-- title -->", the rest the posting's HTML.
		head, body, _ := strings.Cut(string(data), "\n")
		title := strings.TrimSuffix(strings.TrimPrefix(head, "<!-- "), " -->")
		name := filepath.Base(path)
		add(name+" title+html", title, body)
		add(name+" crlf", strings.ReplaceAll(body, "\n", "\r\n"))
		add(name+" spaced", strings.ReplaceAll(strings.ReplaceAll(body, "<", "\n  <"), " ", "\u00a0 "))
		add(name+" upper", strings.ToUpper(body))
	}
	return in
}

func TestFingerprintsGolden(t *testing.T) {
	t.Parallel()
	var b strings.Builder
	for _, in := range goldenInputs(t) {
		texts := make([]string, len(in.fields))
		sum := sha256.New()
		for i, f := range in.fields {
			texts[i] = ats.HTMLText(f)
			sum.Write([]byte(texts[i]))
			sum.Write([]byte{0})
		}
		fp := ats.Fingerprint(in.fields...)
		if tfp := ats.TextFingerprint(texts...); tfp != fp {
			t.Errorf("%s: TextFingerprint of the HTMLText %s, Fingerprint %s", in.label, tfp, fp)
		}
		fmt.Fprintf(&b, "%s %s %s\n", fp, hex.EncodeToString(sum.Sum(nil)[:8]), in.label)
	}
	got := b.String()
	path := filepath.Join("testdata", "fingerprints.golden")
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
		for i := range min(len(gl), len(wl)) {
			if gl[i] != wl[i] {
				t.Errorf("fingerprint or text changed (first at line %d):\n got %s\nwant %s", i+1, gl[i], wl[i])
				break
			}
		}
		if len(gl) != len(wl) {
			t.Errorf("%d lines, want %d", len(gl), len(wl))
		}
	}
	// A value boards hold, pinned here too, in case the file is ever rewritten.
	if got, want := ats.Fingerprint("Senior PM", "<p>Own&nbsp;the <b>roadmap</b>.</p>\n<ul><li>Talk to  users</li></ul>"), "c07c4730417a1c2d5d8d88ec"; got != want {
		t.Errorf("pinned Fingerprint = %s, want %s", got, want)
	}
}

// FuzzHTMLText checks what HTMLText promises of its lines, and that
// TextFingerprint of the texts is Fingerprint of the fields.
func FuzzHTMLText(f *testing.F) {
	for i, s := range fingerprintInputs {
		f.Add(s, fingerprintInputs[(i*7+3)%len(fingerprintInputs)])
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		text := ats.HTMLText(a)
		if !strings.ContainsAny(a, "<&") {
			if text != a {
				t.Fatalf("HTMLText(%q) = %q, want plain text unchanged", a, text)
			}
		} else if text != "" {
			for _, l := range strings.Split(text, "\n") {
				if l == "" || l == "-" || l != strings.Join(strings.Fields(l), " ") {
					t.Fatalf("HTMLText(%q) has line %q: empty, a lone dash or not folded", a, l)
				}
			}
		}
		if got, want := ats.TextFingerprint(text, ats.HTMLText(b)), ats.Fingerprint(a, b); got != want {
			t.Errorf("TextFingerprint of the texts of (%q, %q) = %s, Fingerprint %s", a, b, got, want)
		}
	})
}

// benchPosting is a real posting's HTML, from testdata/htmltext.
func benchPosting(b *testing.B) (title, body string) {
	b.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "htmltext", "posting-000.html"))
	if err != nil {
		b.Fatal(err)
	}
	head, body, _ := strings.Cut(string(data), "\n")
	return strings.TrimSuffix(strings.TrimPrefix(head, "<!-- "), " -->"), body
}

func BenchmarkHTMLText(b *testing.B) {
	_, body := benchPosting(b)
	b.ReportAllocs()
	b.SetBytes(int64(len(body)))
	for b.Loop() {
		ats.HTMLText(body)
	}
}

func BenchmarkFingerprint(b *testing.B) {
	title, body := benchPosting(b)
	b.ReportAllocs()
	b.SetBytes(int64(len(title) + len(body)))
	for b.Loop() {
		ats.Fingerprint(title, body)
	}
}
