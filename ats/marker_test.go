package ats

import "testing"

func TestMarkerRoundTrip(t *testing.T) {
	t.Parallel()
	m := Marker{Key: "product-manager/senior-product-manager/verify-ci", Hash: "abc123", Fingerprint: "f00d"}
	got, ok := ParseMarker(m.String())
	if !ok || got != m {
		t.Fatalf("ParseMarker(%q) = %+v, %v; want %+v", m.String(), got, ok, m)
	}
}

func TestParseMarkerRejects(t *testing.T) {
	t.Parallel()
	for _, s := range []string{
		"",
		"Senior PM req 42",
		"jobsync/v0 key=a hash=b fp=c",
		"jobsync/v1 key=a",             // no hash
		"jobsync/v1 hash=b fp=c",       // no key
		"jobsync/v1 key=a hash=b junk", // a field without =
	} {
		if m, ok := ParseMarker(s); ok {
			t.Errorf("ParseMarker(%q) = %+v, want not a marker", s, m)
		}
	}
}

func TestFingerprintIgnoresMarkupButNotWords(t *testing.T) {
	t.Parallel()
	base := Fingerprint("Senior PM", "<p>Own the <b>roadmap</b>.</p><ul><li>Talk to users</li></ul>")
	for _, tc := range []struct {
		name     string
		title    string
		html     string
		wantSame bool
	}{
		{"same", "Senior PM", "<p>Own the <b>roadmap</b>.</p><ul><li>Talk to users</li></ul>", true},
		{"re-serialised", "Senior PM", "<p>Own the <strong style=\"\">roadmap</strong>.</p>\n\n<ul>\n  <li>Talk to users</li>\n</ul>\n", true},
		{"entities for the same text", "Senior PM", "<p>Own&nbsp;the <b>roadmap</b>&#46;</p><ul><li>Talk to users</li></ul>", true},
		{"word changed", "Senior PM", "<p>Own the <b>backlog</b>.</p><ul><li>Talk to users</li></ul>", false},
		{"title changed", "Senior Product Manager", "<p>Own the <b>roadmap</b>.</p><ul><li>Talk to users</li></ul>", false},
		{"item dropped", "Senior PM", "<p>Own the <b>roadmap</b>.</p>", false},
	} {
		if got := Fingerprint(tc.title, tc.html) == base; got != tc.wantSame {
			t.Errorf("%s: same fingerprint = %v, want %v", tc.name, got, tc.wantSame)
		}
	}
}

func TestHTMLText(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ name, in, want string }{
		{"plain", "just text", "just text"},
		{"blocks and items", "<h2>About</h2><p>We  build\n tools.</p><ul><li>Go</li><li><b>Rust</b></li></ul>", "About\nWe build tools.\n- Go\n- Rust"},
		{"entities", "<p>R&amp;D &lt;3</p>", "R&D <3"},
		{"script dropped", "<p>a</p><script>alert(1)</script><style>p{}</style><p>b</p>", "a\nb"},
		{"br", "one<br>two<br/>three", "one\ntwo\nthree"},
	} {
		if got := HTMLText(tc.in); got != tc.want {
			t.Errorf("%s: HTMLText = %q, want %q", tc.name, got, tc.want)
		}
	}
}
