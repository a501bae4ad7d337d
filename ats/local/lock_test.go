package local

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"testing/synctest"
	"time"

	"github.com/jobsync/jobsync/ats"
)

func TestLock(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	dir := t.TempDir()
	first, second := newTestBoard(t, dir), newTestBoard(t, dir)

	unlock, err := first.Lock(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// The run names the board; the board does not name itself.
	_, err = ats.Start(ctx, ats.Targets(second), nil, ats.RunOptions{Write: true})
	if !errors.Is(err, ErrLocked) {
		t.Fatalf("second Lock error = %v, want ErrLocked", err)
	}
	if want := "board local: another jobsync run holds the lock on " + dir; err.Error() != want {
		t.Errorf("error = %q, want %q", err, want)
	}
	if _, err := first.Lock(ctx); err == nil || errors.Is(err, ErrLocked) {
		t.Errorf("Lock of a Board that holds it = %v, want an error of its own", err)
	}

	if err := unlock(); err != nil {
		t.Fatal(err)
	}
	if err := unlock(); err != nil {
		t.Errorf("second unlock: %v", err)
	}
	unlock2, err := second.Lock(ctx)
	if err != nil {
		t.Fatalf("Lock after the unlock: %v", err)
	}
	if err := unlock2(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, lockName)); err != nil {
		t.Errorf("lock file: %v", err)
	}
}

// TestLockWaitsForContext: Lock waits for the other run's lock until its
// own wait or the caller's context ends. The waits run on synctest's clock,
// so a loaded machine cannot make a deadline pass before Lock starts.
func TestLockWaitsForContext(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	holder := newTestBoard(t, dir)
	unlock, err := holder.Lock(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := unlock(); err != nil {
			t.Error(err)
		}
	})
	tests := []struct {
		name     string
		lockWait time.Duration
		ctx      func() (context.Context, context.CancelFunc)
		want     []error
		waited   time.Duration
	}{
		{name: "caller cancelled before", lockWait: time.Minute, ctx: func() (context.Context, context.CancelFunc) {
			ctx, cancel := context.WithCancel(context.Background())
			cancel()
			return ctx, cancel
		}, want: []error{context.Canceled}},
		{name: "own wait ends", lockWait: time.Second, ctx: func() (context.Context, context.CancelFunc) {
			return context.WithCancel(context.Background())
		}, want: []error{ErrLocked}, waited: time.Second},
		{name: "caller's deadline ends while waiting", lockWait: time.Minute, ctx: func() (context.Context, context.CancelFunc) {
			return context.WithTimeout(context.Background(), 20*time.Second)
		}, want: []error{ErrLocked, context.DeadlineExceeded}, waited: 20 * time.Second},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			synctest.Test(t, func(t *testing.T) {
				b, err := New("local", dir, WithLockWait(tt.lockWait))
				if err != nil {
					t.Fatal(err)
				}
				ctx, cancel := tt.ctx()
				defer cancel()
				start := time.Now()
				_, err = b.Lock(ctx)
				for _, want := range tt.want {
					if !errors.Is(err, want) {
						t.Errorf("Lock error = %v, want one wrapping %v", err, want)
					}
				}
				if err == nil || !strings.Contains(err.Error(), dir) {
					t.Errorf("Lock error = %v, want one naming the folder", err)
				}
				if waited := time.Since(start); waited != tt.waited {
					t.Errorf("Lock gave up after %v, want %v", waited, tt.waited)
				}
			})
		})
	}
}

func TestIndexWaitsForUnlock(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	b := newTestBoard(t, "")
	unlock, err := b.Lock(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := b.List(ctx); err != nil {
		t.Fatal(err)
	}
	for i := range 5 {
		if _, err := b.Create(ctx, testPosting(i, 0)); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := os.Stat(filepath.Join(b.dir, indexName)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("index.html written while locked: %v", err)
	}
	if got := b.written.Load(); got != 10 {
		t.Errorf("written = %d files before unlock, want 10 (a page and a JSON file per create)", got)
	}
	if err := unlock(); err != nil {
		t.Fatal(err)
	}
	if got := b.written.Load(); got != 11 {
		t.Errorf("written = %d files after unlock, want 11 (index.html once)", got)
	}
	if index := readIndex(t, b); strings.Count(index, "<li data-search=") != 5 {
		t.Errorf("index.html:\n%s", index)
	}
}

func TestUnlockRepairsIndex(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		breakIt func(t *testing.T, b *Board)
	}{
		{name: "deleted", breakIt: func(t *testing.T, b *Board) {
			if err := os.Remove(filepath.Join(b.dir, indexName)); err != nil {
				t.Fatal(err)
			}
		}},
		{name: "run died before its unlock", breakIt: func(t *testing.T, b *Board) {
			// What a run leaves when it is killed after a write under the
			// lock: the posting's files, and the index as it was before.
			rec := newRecord("product-manager--new", testPosting(7, 0), testTime, ats.Marker{})
			page, _, err := b.renderPage(rec)
			if err != nil {
				t.Fatal(err)
			}
			data, err := encodeRecord(rec)
			if err != nil {
				t.Fatal(err)
			}
			if err := b.writeFiles(b.postings, file{rec.ID + ".html", page}, file{rec.ID + ".json", data}); err != nil {
				t.Fatal(err)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			ctx := context.Background()
			b := newTestBoard(t, "")
			syncBoard(t, b, testPostings(3))
			tt.breakIt(t, b)
			files, _, err := b.siteFiles(indexEntries(mustView(t, b)))
			if err != nil {
				t.Fatal(err)
			}
			want := files[0].data

			next := newTestBoard(t, b.dir) // a later run that finds nothing to do
			unlock, err := next.Lock(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := next.List(ctx); err != nil {
				t.Fatal(err)
			}
			if err := unlock(); err != nil {
				t.Fatal(err)
			}
			if got := readIndex(t, b); got != string(want) {
				t.Errorf("index.html after unlock:\n%s\nwant:\n%s", got, want)
			}
			if next.written.Load() != 1 {
				t.Errorf("the repairing run wrote %d files, want 1", next.written.Load())
			}
		})
	}
}

// TestLockedRunWithoutWritesWritesNothing: a plan locks and lists a board and
// writes nothing, not even index.html, even when the index was edited by hand.
func TestLockedRunWithoutWritesWritesNothing(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	b := newTestBoard(t, "")
	syncBoard(t, b, testPostings(3))
	edited := filepath.Join(b.dir, indexName)
	if err := os.WriteFile(edited, []byte("<h1>my own index</h1>"), 0o644); err != nil {
		t.Fatal(err)
	}
	// File times are coarse (a clock tick): say plainly that the edit came
	// after the last change to the postings.
	pd, err := os.Stat(b.postings)
	if err != nil {
		t.Fatal(err)
	}
	later := pd.ModTime().Add(time.Second)
	if err := os.Chtimes(edited, later, later); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, b.dir)
	next := newTestBoard(t, b.dir)
	unlock, err := next.Lock(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := next.List(ctx); err != nil {
		t.Fatal(err)
	}
	if err := unlock(); err != nil {
		t.Fatal(err)
	}
	if n := next.written.Load(); n != 0 {
		t.Errorf("a run without writes wrote %d files", n)
	}
	if !reflect.DeepEqual(before, snapshot(t, b.dir)) {
		t.Error("a run without writes changed the folder")
	}
}

// TestPlanOfNewFolder: locking and listing a folder that holds no board yet
// leaves only the lock file behind.
func TestPlanOfNewFolder(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "board")
	b := newTestBoard(t, dir)
	unlock, err := b.Lock(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if rs, err := b.List(ctx); err != nil || len(rs) != 0 {
		t.Fatalf("List = %v, %v", rs, err)
	}
	if err := unlock(); err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 1 || entries[0].Name() != lockName {
		t.Errorf("the folder holds %v, want only %s", entries, lockName)
	}
}

// mustView scans b's folder.
func mustView(t *testing.T, b *Board) map[string]entry {
	t.Helper()
	_, view, _, err := b.scan(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return view
}
