package posting

import "testing"

func TestAbsoluteLinks(t *testing.T) {
	t.Parallel()
	base := parseBase("https://handbook.gitlab.com")
	for _, tc := range []struct{ name, in, want string }{
		{"inline link", "See [values](/handbook/values/).", "See [values](https://handbook.gitlab.com/handbook/values/)."},
		{"angle brackets and title", `[a](</handbook/a b> "T")`, `[a](<https://handbook.gitlab.com/handbook/a b> "T")`},
		{"two links", "[a](/a) and [b](/b#c)", "[a](https://handbook.gitlab.com/a) and [b](https://handbook.gitlab.com/b#c)"},
		{"image", "![d](/img/d.png)", "![d](https://handbook.gitlab.com/img/d.png)"},
		{"reference definition", "[a][r]\n\n[r]: /handbook/r", "[a][r]\n\n[r]: https://handbook.gitlab.com/handbook/r"},
		{"absolute kept", "[a](https://x.example/a)", "[a](https://x.example/a)"},
		{"fragment kept", "[a](#base)", "[a](#base)"},
		{"protocol-relative kept", "[a](//evil.example/a)", "[a](//evil.example/a)"},
		{"page-relative kept", "[a](handbook/a)", "[a](handbook/a)"},
		{"brackets in text are not references", "x [a]: /b", "x [a]: /b"},
		{"nothing to do", "plain text", "plain text"},
		{"bare slash", "[home](/)", "[home](https://handbook.gitlab.com/)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			if got := absoluteLinks(tc.in, base); got != tc.want {
				t.Errorf("absoluteLinks(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
	if got := absoluteLinks("[a](/a)", nil); got != "[a](/a)" {
		t.Errorf("without a base: %q", got)
	}
}
