package local

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"github.com/jobsync/jobsync/ats"
)

// The index must never stand in for a file a person changed. These are the
// ways a change keeps a file's size and time (found in review).

// touchBack restores path's times after an edit, as touch -r, cp -p, rsync
// -t and editors that keep times do.
func touchBack(t *testing.T, path string, edit func([]byte) []byte) {
	t.Helper()
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	edited := edit(data)
	if len(edited) != len(data) || bytes.Equal(edited, data) {
		t.Fatal("the edit must keep the size and change the content")
	}
	if err := os.WriteFile(path, edited, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(path, fi.ModTime(), fi.ModTime()); err != nil {
		t.Fatal(err)
	}
}

// A same-size edit of a record with its time put back is drift, and the
// next sync leaves it (before: read from the index, the edit overwritten).
func TestIndexSeesAnEditWithItsTimePutBack(t *testing.T) {
	b, _ := syncedWithIndex(t, 3)
	id := testPostingID(1)
	title := readRecord(t, b, id).Title
	edited := []byte(title)
	edited[0] ^= 0x20 // its case
	touchBack(t, b.jsonPath(id), func(data []byte) []byte {
		return bytes.Replace(data, []byte(`"title":"`+title), []byte(`"title":"`+string(edited)), 1)
	})
	_, err := ats.Sync(context.Background(), ats.Targets(b), testPostings(3), ats.RunOptions{}, ats.ApplyOptions{})
	if !errors.Is(err, ats.ErrDrift) {
		t.Errorf("sync: %v, want drift", err)
	}
	if got := readRecord(t, b, id).Title; got != string(edited) {
		t.Errorf("the person's title %q was overwritten with %q", edited, got)
	}
}

// The same for a page.
func TestIndexSeesAPageEditWithItsTimePutBack(t *testing.T) {
	b, _ := syncedWithIndex(t, 3)
	touchBack(t, filepath.Join(b.postings, testPostingID(1)+".html"), func(data []byte) []byte {
		return bytes.Replace(data, []byte("Five years of product work."), []byte("Nine years of product work."), 1)
	})
	if r := listByID(t, b)[testPostingID(1)]; !r.Drifted {
		t.Error("a page edited to the same size, its time put back, is not drift")
	}
}

// A page a person edited and whose marker they removed is drift too, not a
// page a cut write left (before: written again, the edit lost).
func TestPageEditedWithoutItsMarkerIsDrift(t *testing.T) {
	b := newTestBoard(t, "")
	syncBoard(t, b, testPostings(3))
	page := filepath.Join(b.postings, testPostingID(1)+".html")
	data, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	data = bytes.Replace(data, []byte("Five years of product work."), []byte("Ten years of product work."), 1)
	i := bytes.Index(data, []byte(`<meta name="jobsync-marker"`))
	if i < 0 {
		t.Fatal("the page has no marker")
	}
	j := bytes.IndexByte(data[i:], '>')
	data = append(data[:i:i], data[i+j+1:]...)
	if err := os.WriteFile(page, data, 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = ats.Sync(context.Background(), ats.Targets(newTestBoard(t, b.dir)), testPostings(3), ats.RunOptions{}, ats.ApplyOptions{})
	if !errors.Is(err, ats.ErrDrift) {
		t.Errorf("sync: %v, want drift", err)
	}
	if got, _ := os.ReadFile(page); !bytes.Contains(got, []byte("Ten years")) {
		t.Error("the person's edit of the page was overwritten")
	}
}

// A record or page that is a link is judged by what it points to, never by
// the link's own stamp.
func TestIndexDoesNotTrustLinks(t *testing.T) {
	for _, ext := range []string{".json", ".html"} {
		t.Run(ext, func(t *testing.T) {
			b, _ := syncedWithIndex(t, 3)
			id := testPostingID(1)
			path := filepath.Join(b.postings, id+ext)
			target := filepath.Join(t.TempDir(), "target"+ext)
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(target, data, 0o644); err != nil {
				t.Fatal(err)
			}
			if err := os.Remove(path); err != nil {
				t.Fatal(err)
			}
			if err := os.Symlink(target, path); err != nil {
				t.Fatal(err)
			}
			syncBoard(t, newTestBoard(t, b.dir), testPostings(3)) // indexes the link
			later := time.Now().Add(2 * time.Second)              // the index well after the link (see syncedWithIndex)
			if err := os.Chtimes(filepath.Join(b.dir, fileIndexName), later, later); err != nil {
				t.Fatal(err)
			}
			old, edit := []byte(`"title":"`), []byte(`"title":"Edited by hand: `)
			if ext == ".html" {
				old, edit = []byte("Five years"), []byte("Eleven years")
			}
			if err := os.WriteFile(target, bytes.Replace(data, old, edit, 1), 0o644); err != nil {
				t.Fatal(err)
			}
			if r := listByID(t, newTestBoard(t, b.dir))[id]; !r.Drifted {
				t.Errorf("an edit of the linked %s's target is not drift (title %q)", ext, r.Title)
			}
		})
	}
}

// An index larger than the folder's postings could make is ignored, not
// read into memory (before: read whole): the board lists as without one.
func TestHugeIndexIsIgnored(t *testing.T) {
	b, _ := syncedWithIndex(t, 3)
	path := filepath.Join(b.dir, fileIndexName)
	if got, _ := b.readIndex(3); got == nil {
		t.Fatal("the index written by the sync is not read")
	}
	// 256 MiB, sparse: the size counts, not the disk.
	if err := os.Truncate(path, 256<<20); err != nil {
		t.Fatal(err)
	}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	got, _ := b.readIndex(3)
	runtime.ReadMemStats(&after)
	if got != nil {
		t.Error("an index over its bound was used")
	}
	if n := after.TotalAlloc - before.TotalAlloc; n > 16<<20 {
		t.Errorf("reading an index over its bound allocated %d MiB", n>>20)
	}
	if n := len(listByID(t, b)); n != 3 {
		t.Errorf("listed %d postings, want 3", n)
	}
}

// A page edited by a person, then deleted: missing, written again, as
// without the index (before: the index's verdict, drift, outlived the page).
func TestIndexForgetsTheVerdictOfADeletedPage(t *testing.T) {
	b, _ := syncedWithIndex(t, 3)
	id := testPostingID(1)
	page := filepath.Join(b.postings, id+".html")
	data, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(page, bytes.Replace(data, []byte("Five years"), []byte("Six years"), 1), 0o644); err != nil {
		t.Fatal(err)
	}
	// A locked run sees the edit (drift) and indexes that verdict.
	if _, err := ats.Sync(context.Background(), ats.Targets(newTestBoard(t, b.dir)), testPostings(3), ats.RunOptions{}, ats.ApplyOptions{}); !errors.Is(err, ats.ErrDrift) {
		t.Fatalf("sync after the page edit: %v, want drift", err)
	}
	later := time.Now().Add(2 * time.Second)
	if err := os.Chtimes(filepath.Join(b.dir, fileIndexName), later, later); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(page); err != nil {
		t.Fatal(err)
	}
	if r := listByID(t, newTestBoard(t, b.dir))[id]; r.Drifted || r.Hash != "" {
		t.Errorf("a deleted page reads drifted=%v hash=%q, want a missing page (not drifted, no hash)", r.Drifted, r.Hash)
	}
}
