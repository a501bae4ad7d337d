package local

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/jobsync/jobsync/ats"
)

// syncedWithIndex is a board that a locked sync of n postings left with
// its index, and a new Board on its folder, as the next run opens it.
func syncedWithIndex(t *testing.T, n int) (next *Board, indexTime time.Time) {
	t.Helper()
	b := newTestBoard(t, "")
	syncBoard(t, b, testPostings(n))
	path := filepath.Join(b.dir, fileIndexName)
	// As if written a moment after the files, not in the same tick of a
	// coarse clock, which would make them untrusted.
	later := time.Now().Add(time.Second)
	if err := os.Chtimes(path, later, later); err != nil {
		t.Fatalf("no index after a sync: %v", err)
	}
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return newTestBoard(t, b.dir), fi.ModTime()
}

// testPostingID is the id of testPosting(i, 0) on a board of testPostings.
func testPostingID(i int) string { return baseID(testPosting(i, 0).Key) }

// listAll lists b with every body loaded, by id.
func listAll(t *testing.T, b *Board) map[string]ats.Remote {
	t.Helper()
	m := listByID(t, b)
	for id, r := range m {
		r.BodyText()
		m[id] = r
	}
	return m
}

// The index is a cache: deleting it changes what List returns in nothing.
func TestIndexIsACache(t *testing.T) {
	t.Parallel()
	b, _ := syncedWithIndex(t, 12)
	editRecord(t, b, testPostingID(3), func(m map[string]any) { m["title"] = "Edited by hand" })
	withIndex := listAll(t, b)
	if err := os.Remove(filepath.Join(b.dir, fileIndexName)); err != nil {
		t.Fatal(err)
	}
	without := listAll(t, newTestBoard(t, b.dir))
	if !reflect.DeepEqual(withIndex, without) {
		t.Errorf("List with the index:\n%+v\nwithout:\n%+v", withIndex, without)
	}
	if r := without[testPostingID(3)]; !r.Drifted || r.Title != "Edited by hand" {
		t.Errorf("the edited posting lists as %+v", r)
	}
}

// A file whose size and time the index knows is not read again; one that
// differs in either, or was modified at or after the index was written, is.
func TestIndexSkipsOnlyUnchangedFiles(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		mtime    func(old, index time.Time) time.Time
		pad      bool // the edit changes the size
		wantRead bool
	}{
		{name: "same size and time (the inode changed)", mtime: func(old, _ time.Time) time.Time { return old }, wantRead: true},
		{name: "same size, other time", mtime: func(old, _ time.Time) time.Time { return old.Add(-time.Hour) }, wantRead: true},
		{name: "other size, same time", mtime: func(old, _ time.Time) time.Time { return old }, pad: true, wantRead: true},
		// A coarse clock may give an edit right after the index its time.
		{name: "time equal to the index's", mtime: func(_, index time.Time) time.Time { return index }, wantRead: true},
		{name: "time after the index's", mtime: func(_, index time.Time) time.Time { return index.Add(time.Second) }, wantRead: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			b, indexTime := syncedWithIndex(t, 3)
			id := testPostingID(1)
			path := b.jsonPath(id)
			fi, err := os.Stat(path)
			if err != nil {
				t.Fatal(err)
			}
			// A title edited by hand, to the same number of bytes unless pad.
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			title := readRecord(t, b, id).Title
			edited := []byte(title)
			edited[0] ^= 0x20 // the case of its first letter
			data = bytes.Replace(data, []byte(`"title":"`+title), []byte(`"title":"`+string(edited)), 1)
			if tt.pad {
				data = append(data, ' ')
			}
			if err := os.WriteFile(path, data, 0o644); err != nil {
				t.Fatal(err)
			}
			mtime := tt.mtime(fi.ModTime(), indexTime)
			if err := os.Chtimes(path, mtime, mtime); err != nil {
				t.Fatal(err)
			}
			r := listByID(t, b)[id]
			if read := r.Title == string(edited); read != tt.wantRead {
				t.Errorf("title %q: file read %v, want %v", r.Title, read, tt.wantRead)
			}
			if r.Drifted != tt.wantRead {
				t.Errorf("drifted %v", r.Drifted)
			}
		})
	}
}

// A run with nothing to do reads the index, not the records, and leaves the
// index as it was; a plan never writes it.
func TestIndexNoopRun(t *testing.T) {
	t.Parallel()
	b, _ := syncedWithIndex(t, 5)
	path := filepath.Join(b.dir, fileIndexName)
	before, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	syncBoard(t, b, testPostings(5))
	if again, err := os.Stat(path); err != nil || !again.ModTime().Equal(before.ModTime()) {
		t.Errorf("a sync with nothing to do rewrote the index (%v): it read a record or a page", err)
	}
	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
	r, err := ats.Start(context.Background(), ats.Targets(b), testPostings(5), ats.RunOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if err := r.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path); err == nil {
		t.Error("a plan wrote the index")
	}
	// The next sync, with nothing to do, writes it again.
	syncBoard(t, b, testPostings(5))
	after, err := os.Stat(path)
	if err != nil {
		t.Fatalf("a sync did not write the missing index: %v", err)
	}
	if after.Size() != before.Size() {
		t.Errorf("index of %d bytes, was %d", after.Size(), before.Size())
	}
}
