package ats

import (
	"strings"
	"testing"
)

// A body diff is cut: each line to MaxDiffLineBytes, and the diff to
// MaxDiffLines lines, each cut saying what it left out; a body over
// MaxDiffInputBytes is not diffed. A one-word edit to a 4 MB paragraph
// printed 939 MB of plan before.
func TestDiffIsCut(t *testing.T) {
	t.Parallel()
	para := strings.Repeat("word ", 6000)
	d := unifiedDiff("intro\n"+para+"\n", "intro\n"+para+"edit\n")
	for _, line := range strings.Split(d, "\n") {
		if len(line) > MaxDiffLineBytes+100 {
			t.Fatalf("a diff line of %d bytes", len(line))
		}
	}
	if !strings.Contains(d, "more bytes]") {
		t.Errorf("no note of the cut:\n%s", d)
	}

	var old, new strings.Builder
	for i := range 2000 {
		old.WriteString("l\n")
		new.WriteString("l" + strings.Repeat("x", i%3) + "\n")
	}
	d = unifiedDiff(old.String(), new.String())
	if n := strings.Count(d, "\n"); n > MaxDiffLines+1 {
		t.Errorf("%d diff lines, want at most %d", n, MaxDiffLines+1)
	}
	if !strings.Contains(d, "more lines of diff cut]") {
		t.Errorf("no note of the lines cut:\n%s", d[len(d)-200:])
	}
	huge := strings.Repeat("word ", 800_000)
	if d := unifiedDiff(huge, huge+"edit"); !strings.Contains(d, "[not diffed: 4000000 bytes of text on the board, 4000004 desired") {
		t.Errorf("a 4 MB body diffed: %.200q", d)
	}
	if small := unifiedDiff("a\nb\n", "a\nc\n"); strings.Contains(small, "cut") {
		t.Errorf("a small diff was cut: %q", small)
	}
}
