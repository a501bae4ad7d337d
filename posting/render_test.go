package posting

import (
	"strings"
	"testing"
)

// forbidden is what no rendered posting may ever hold.
var forbidden = []string{
	"<script", "<iframe", "<figure", "<img", "<style", "<span", "<div",
	"onerror", "onclick", `href="javascript:`, "raw HTML", "<!--", `href="/`, `href="#`,
}

func TestRenderHTML(t *testing.T) {
	t.Parallel()
	const base = "https://handbook.gitlab.com"
	for _, tc := range []struct {
		name    string
		md      string
		base    string
		want    []string // substrings the HTML must hold
		wantNot []string // substrings it must not hold, beside forbidden
	}{
		{
			name: "relative link made absolute",
			md:   "See [the handbook](/handbook/values/#results).",
			base: base,
			want: []string{`<a href="https://handbook.gitlab.com/handbook/values/#results" rel="nofollow">the handbook</a>`},
		},
		{
			name:    "relative link without base becomes its text",
			md:      "See [the handbook](/handbook/values/).",
			want:    []string{"<p>See the handbook.</p>"},
			wantNot: []string{"<a"},
		},
		{
			name:    "fragment link unwrapped",
			md:      "Beyond the [base requirements](#base-pm-requirements), more.",
			base:    base,
			want:    []string{"<p>Beyond the base requirements, more.</p>"},
			wantNot: []string{"<a"},
		},
		{
			name: "absolute and mailto links kept",
			md:   "[Direction](https://about.gitlab.com/direction/) or [mail](mailto:jobs@example.com)",
			want: []string{
				`<a href="https://about.gitlab.com/direction/" rel="nofollow">Direction</a>`,
				`<a href="mailto:jobs@example.com" rel="nofollow">mail</a>`,
			},
		},
		{
			name:    "javascript link becomes its text",
			md:      "[click](javascript:alert(1)) and [data](data:text/html;base64,PHNjcmlwdD4=) and <javascript:alert(2)>",
			base:    base,
			want:    []string{"<p>click and data and javascript:alert(2)</p>"},
			wantNot: []string{"<a", "data:"},
		},
		{
			name:    "script block and inline script gone with their content",
			md:      "<script>alert(1)</script>\n\nText <script>alert(2)</script> after.",
			want:    []string{"<p>Text  after.</p>"},
			wantNot: []string{"alert"},
		},
		{
			name:    "iframe and figure gone",
			md:      "<figure class=\"video_container\">\n  <iframe src=\"https://www.youtube.com/embed/x\"></iframe>\n</figure>\n\n## Role\n\nText.",
			want:    []string{"<h2>Role</h2>\n<p>Text.</p>"},
			wantNot: []string{"youtube"},
		},
		{
			name:    "img with onerror gone",
			md:      "Look <img src=x onerror=alert(1)> here.\n\n<img src=y onerror=\"alert(2)\">",
			want:    []string{"<p>Look  here.</p>"},
			wantNot: []string{"alert"},
		},
		{
			name: "markdown image becomes its alt text",
			md:   "![a diagram](/img/diagram.png)",
			base: base,
			want: []string{"<p>a diagram</p>"},
		},
		{
			name:    "raw HTML anchors and spans dropped without comments",
			md:      "<a id=\"base-pm-requirements\"></a>\n\nWe <span style=\"color:red\">work</span> <b>openly</b>.",
			want:    []string{"<p>We work openly.</p>"},
			wantNot: []string{"style", "color"},
		},
		{
			name: "headings kept between h2 and h4",
			md:   "# One\n\n### Three\n\n##### Five",
			want: []string{"<h2>One</h2>", "<h3>Three</h3>", "<h4>Five</h4>"},
		},
		{
			name: "GFM table with a relative link",
			md:   "| Task | Description |\n| --- | --- |\n| Review [PI pages](/handbook/product/performance-indicators/) | PIs |",
			base: base,
			want: []string{"<table>", "<th>Task</th>", `<td>Review <a href="https://handbook.gitlab.com/handbook/product/performance-indicators/" rel="nofollow">PI pages</a></td>`},
		},
		{
			name: "autolinks",
			md:   "Go to https://gitlab.com or www.gitlab.com or write to jobs@gitlab.com.",
			want: []string{`<a href="https://gitlab.com" rel="nofollow">`, `<a href="http://www.gitlab.com" rel="nofollow">`, `<a href="mailto:jobs@gitlab.com" rel="nofollow">`},
		},
		{
			name: "emphasis, code, lists and quotes survive",
			md:   "**bold** *em* `code` ~~gone~~\n\n> quote\n\n1. one\n2. two\n\n```\npre\n```",
			want: []string{"<strong>bold</strong>", "<em>em</em>", "<code>code</code>", "<del>gone</del>", "<blockquote>", "<ol>", "<pre><code>pre\n</code></pre>"},
		},
		{
			name:    "HTML-looking text is escaped, not dropped",
			md:      "Use `<b>` tags and 1 < 2 & 3 > 2.",
			want:    []string{"<code>&lt;b&gt;</code>", "1 &lt; 2 &amp; 3 &gt; 2"},
			wantNot: []string{"<b>"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got := RenderHTML(tc.md, tc.base)
			for _, w := range tc.want {
				if !strings.Contains(got, w) {
					t.Errorf("HTML lacks %q:\n%s", w, got)
				}
			}
			for _, w := range append(tc.wantNot, forbidden...) {
				if strings.Contains(got, w) {
					t.Errorf("HTML holds %q:\n%s", w, got)
				}
			}
		})
	}
}

func TestSanitize(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ name, in, want string }{
		{"script", `<p>a<script>alert(1)</script>b</p>`, "<p>ab</p>"},
		{"event handler", `<p onclick="x()">a</p>`, "<p>a</p>"},
		{"iframe", `<iframe src="https://evil.example"></iframe><p>a</p>`, "<p>a</p>"},
		{"javascript href", `<a href="javascript:alert(1)">x</a>`, "x"},
		{"relative href", `<a href="/handbook/">x</a>`, "x"},
		{"style attribute and element", `<style>p{}</style><p style="color:red">a</p>`, "<p>a</p>"},
		{"http link gets nofollow", `<a href="https://x.example/" target="_blank">x</a>`, `<a href="https://x.example/" rel="nofollow">x</a>`},
		{"h1 and img dropped", `<h1>T</h1><img src="x">`, "T"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			if got := Sanitize(tc.in); got != tc.want {
				t.Errorf("Sanitize(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func FuzzRenderHTML(f *testing.F) {
	for _, s := range []string{
		"See [x](/a) and [y](#b).",
		"<script>alert(1)</script>",
		"Text <img src=x onerror=alert(1)> <iframe src=x></iframe>",
		"[a](javascript:alert(1)) <javascript:x> ![i](j)",
		"| a |\n|---|\n| <b onclick=x>b</b> |",
		"<!-- c --> <a id=\"x\"></a>\n\n<figure>\n<iframe></iframe>\n</figure>",
	} {
		f.Add(s, "https://handbook.gitlab.com")
		f.Add(s, "")
	}
	f.Fuzz(func(t *testing.T, md, base string) {
		got := RenderHTML(md, base)
		lower := strings.ToLower(got)
		for _, bad := range []string{"<script", "<iframe", "<img", "<style", "<figure", "<!--", " on", "javascript:", `href="/`, `href="#`, "raw html"} {
			// " on" only matters inside a tag: text may hold the word.
			if bad == " on" {
				if strings.Contains(lower, "<a on") || strings.Contains(lower, "<p on") {
					t.Fatalf("event handler in %q", got)
				}
				continue
			}
			if bad == "javascript:" {
				if strings.Contains(lower, `href="javascript:`) {
					t.Fatalf("javascript link in %q", got)
				}
				continue
			}
			if strings.Contains(lower, bad) {
				t.Fatalf("RenderHTML(%q, %q) = %q holds %q", md, base, got, bad)
			}
		}
	})
}
