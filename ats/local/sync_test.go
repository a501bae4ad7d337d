package local

import (
	"reflect"
	"testing"

	"github.com/jobsync/jobsync/posting"
)

// TestSecondSyncWritesNothing syncs a board, then syncs it again as a new
// run: the second plan is empty and not one file is written or touched.
func TestSecondSyncWritesNothing(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		first  []posting.Posting
		second []posting.Posting
	}{
		{name: "all open", first: testPostings(30), second: testPostings(30)},
		{name: "some closed", first: testPostings(30), second: testPostings(20)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			b := newTestBoard(t, "")
			syncBoard(t, b, tt.first)
			syncBoard(t, b, tt.second)
			before := snapshot(t, b.dir)

			next := newTestBoard(t, b.dir)
			plan := syncBoard(t, next, tt.second)
			if plan.HasChanges() {
				t.Errorf("second plan has changes: %+v", plan.Summary())
			}
			if s := plan.Summary(); s.Unchanged != len(tt.second) {
				t.Errorf("second plan %+v, want %d unchanged", s, len(tt.second))
			}
			if n := next.written.Load(); n != 0 {
				t.Errorf("a sync with nothing to do wrote %d files", n)
			}
			if after := snapshot(t, b.dir); !reflect.DeepEqual(before, after) {
				t.Error("a sync with nothing to do changed a file or its modification time")
			}
		})
	}
}

// TestFullSyncWritesEachFileOnce counts the files a first sync writes: a
// page and a JSON file per posting, and index.html once.
func TestFullSyncWritesEachFileOnce(t *testing.T) {
	t.Parallel()
	b := newTestBoard(t, "")
	syncBoard(t, b, testPostings(40))
	if got, want := b.written.Load(), int64(2*40+1); got != want {
		t.Errorf("first sync wrote %d files, want %d", got, want)
	}
}
