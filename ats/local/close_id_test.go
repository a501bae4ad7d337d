package local

import (
	"context"
	"os"
	"testing"
)

// Close writes the file of the id it was asked to close, whatever the
// record's "id" field says: a posting file a person copied keeps the old
// "id", and closing the copy must not close the original.
func TestCloseWritesTheFileOfTheIDItWasGiven(t *testing.T) {
	b := newTestBoard(t, "")
	ps := testPostings(1)
	syncBoard(t, b, ps)
	orig := baseID(ps[0].Key)
	data, err := os.ReadFile(b.jsonPath(orig))
	if err != nil {
		t.Fatal(err)
	}
	// A person copies the file (same marker, same "id" inside).
	if err := os.WriteFile(b.jsonPath("copy"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := b.Close(context.Background(), "copy"); err != nil {
		t.Fatal(err)
	}
	got := listByID(t, b)
	if !got[orig].Open || got["copy"].Open {
		t.Fatalf("Close(copy): %s open=%v, copy open=%v; want the copy closed and the original open", orig, got[orig].Open, got["copy"].Open)
	}
}

// A record without an "id" field (files are hand-editable and every field
// is optional) closes under its file's name, not into hidden ".json" files
// that would leave it open for ever.
func TestCloseOfRecordWithoutIDConverges(t *testing.T) {
	b := newTestBoard(t, "")
	ps := testPostings(1)
	syncBoard(t, b, ps)
	id := baseID(ps[0].Key)
	editRecord(t, b, id, func(m map[string]any) { delete(m, "id") })
	for range 2 {
		syncBoard(t, b, nil) // the posting is no longer desired: close it
	}
	if r := listByID(t, b)[id]; r.Open {
		t.Fatalf("posting %s still open after two syncs that closed it", id)
	}
}

// An "id" field holding a "/" does not stop the posting from closing.
func TestCloseIgnoresAnOddIDField(t *testing.T) {
	b := newTestBoard(t, "")
	ps := testPostings(1)
	syncBoard(t, b, ps)
	id := baseID(ps[0].Key)
	editRecord(t, b, id, func(m map[string]any) { m["id"] = "a/b" })
	if err := b.Close(context.Background(), id); err != nil {
		t.Fatalf("Close(%s): %v", id, err)
	}
}
