package main

import (
	"os"
	"strings"
	"testing"

	"github.com/jobsync/jobsync/posting"
)

// A key longer than a file name may be (255 bytes on most file systems)
// still gets its file, a name of its own, and never stops compose half-way.
func TestComposeOutLongKeys(t *testing.T) {
	t.Parallel()
	long := "family/level/" + strings.Repeat("a-very-long-specialty-", 20)
	postings := []posting.Posting{{Key: long + "1", Title: "A"}, {Key: long + "2", Title: "B"}, {Key: "short/key", Title: "C"}}
	dir := t.TempDir()
	if err := writePostings(dir, "md", postings); err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 3 {
		t.Fatalf("%d files, want 3", len(entries))
	}
	for _, e := range entries {
		if len(e.Name()) > maxFileName {
			t.Errorf("%s: %d bytes, over %d", e.Name(), len(e.Name()), maxFileName)
		}
	}
	if _, err := os.Stat(dir + "/short__key.md"); err != nil {
		t.Errorf("a short key's name changed: %v", err)
	}
}
