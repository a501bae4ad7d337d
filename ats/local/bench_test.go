package local

import (
	"context"
	"testing"

	"github.com/jobsync/jobsync/ats"
	"github.com/jobsync/jobsync/ats/atstest"
	"github.com/jobsync/jobsync/posting"
)

// benchBoard is a board holding n synced postings, and those postings.
func benchBoard(b *testing.B, n int) (*Board, []posting.Posting) {
	b.Helper()
	board := newTestBoard(b, b.TempDir())
	desired := atstest.SamplePostings(n)
	syncBoard(b, board, desired)
	return board, desired
}

func BenchmarkList1000(b *testing.B) {
	board, _ := benchBoard(b, 1000)
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		rs, err := board.List(ctx)
		if err != nil || len(rs) != 1000 {
			b.Fatalf("List = %d postings, %v", len(rs), err)
		}
	}
}

// BenchmarkNoopSync1000 is a plan with nothing to do (`jobsync plan`): List,
// then the plan, no lock.
func BenchmarkNoopSync1000(b *testing.B) {
	benchNoop(b, false)
}

// BenchmarkNoopSyncLocked1000 is a sync with nothing to do: the same run
// with the lock taken and released (the unlock checks index.html).
func BenchmarkNoopSyncLocked1000(b *testing.B) {
	benchNoop(b, true)
}

func benchNoop(b *testing.B, write bool) {
	board, desired := benchBoard(b, 1000)
	board.written.Store(0)
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		r, err := ats.Start(ctx, ats.Targets(board), desired, ats.RunOptions{Write: write})
		if err != nil {
			b.Fatal(err)
		}
		if plan := r.Boards[0].Plan; plan.HasChanges() {
			b.Fatalf("plan has changes: %+v", plan.Summary())
		}
		if err := r.Close(); err != nil {
			b.Fatal(err)
		}
	}
	if n := board.written.Load(); n != 0 {
		b.Fatalf("a sync with nothing to do wrote %d files", n)
	}
}

// BenchmarkFullSync112 is a first sync of the product-manager page's 112
// postings into an empty folder.
func BenchmarkFullSync112(b *testing.B) {
	desired := atstest.SamplePostings(112)
	b.ReportAllocs()
	for b.Loop() {
		b.StopTimer()
		board := newTestBoard(b, b.TempDir())
		b.StartTimer()
		syncBoard(b, board, desired)
	}
}
