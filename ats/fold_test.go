package ats

import (
	"strings"
	"testing"
)

// FuzzFolded: appendFolded folds as joining strings.Fields by spaces does,
// which every fingerprint stored on a board was made with.
func FuzzFolded(f *testing.F) {
	for _, s := range []string{"", " ", "a", "  a  b\t\nc ", "x\u00a0y\u3000z\u0085", "\xff \xfe\x80a", "-", "a\u2028b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want := strings.Join(strings.Fields(s), " ")
		if got := string(appendFolded([]byte("prefix"), s)); got != "prefix"+want {
			t.Errorf("appendFolded(%q) = %q, want %q", s, got, "prefix"+want)
		}
	})
}
