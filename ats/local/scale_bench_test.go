//go:build unix

package local

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/jobsync/jobsync/ats"
	"github.com/jobsync/jobsync/posting"
	"github.com/jobsync/jobsync/source"
)

// The board at the scale of a big company: the Product Manager page's 112
// postings, as compose makes them (about 33 KB of record each), copied
// under new keys up to n. Run one size at a time, once:
//
//	go test -run '^$' -bench 'Scale/10000' -benchtime=1x ./ats/local/
//
// Each reports its time, allocations, the peak of the heap (peak-MiB) and,
// for a full sync, its CPU against a naive peer that writes every posting's
// JSON and page with os.WriteFile, measured in the same run (cpu-x-naive),
// and both CPU times (cpu-s, naive-cpu-s).
func BenchmarkScale(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		desired := scalePostings(b, n)
		b.Run(fmt.Sprintf("%d/full", n), func(b *testing.B) { benchFullSync(b, desired) })
		b.Run(fmt.Sprintf("%d/plan", n), func(b *testing.B) { benchSyncedBoard(b, desired, false) })
		b.Run(fmt.Sprintf("%d/noop", n), func(b *testing.B) { benchSyncedBoard(b, desired, true) })
	}
}

// benchFullSync syncs desired into an empty folder, then writes the same
// postings the naive way into another, and reports the CPU ratio.
func benchFullSync(b *testing.B, desired []posting.Posting) {
	var board, naive time.Duration
	var peak uint64
	runs := 0
	b.ReportAllocs()
	for b.Loop() {
		runs++
		b.StopTimer()
		dir := b.TempDir()
		bd := newTestBoard(b, filepath.Join(dir, "board"))
		runtime.GC()
		b.StartTimer()
		stop := watchHeap()
		start := cpuTime()
		syncBoard(b, bd, desired)
		board += cpuTime() - start
		peak = max(peak, stop())
		b.StopTimer()
		start = cpuTime()
		naiveWrite(b, filepath.Join(dir, "naive"), desired)
		naive += cpuTime() - start
		b.StartTimer()
	}
	b.ReportMetric(float64(peak)/(1<<20), "peak-MiB")
	b.ReportMetric(board.Seconds()/naive.Seconds(), "cpu-x-naive")
	// Both CPU times too: on a shared machine the ratio of two CPU times
	// moves with the load (the peer's few seconds most).
	b.ReportMetric(board.Seconds()/float64(runs), "cpu-s")
	b.ReportMetric(naive.Seconds()/float64(runs), "naive-cpu-s")
}

// benchSyncedBoard measures a run against a board already holding desired:
// a plan (no lock), or a sync with nothing to do (lock, plan, unlock).
func benchSyncedBoard(b *testing.B, desired []posting.Posting, write bool) {
	bd := newTestBoard(b, b.TempDir())
	syncBoard(b, bd, desired)
	bd = newTestBoard(b, bd.dir) // a new run knows nothing of the last
	ctx := context.Background()
	var peak uint64
	runtime.GC()
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		stop := watchHeap()
		r, err := ats.Start(ctx, ats.Targets(bd), desired, ats.RunOptions{Write: write})
		if err != nil {
			b.Fatal(err)
		}
		if plan := r.Boards[0].Plan; plan.HasChanges() {
			b.Fatalf("plan has changes: %+v", plan.Summary())
		}
		if err := r.Close(); err != nil {
			b.Fatal(err)
		}
		peak = max(peak, stop())
	}
	b.ReportMetric(float64(peak)/(1<<20), "peak-MiB")
	if n := bd.written.Load(); n != 0 {
		b.Fatalf("a run with nothing to do wrote %d files", n)
	}
}

// naiveWrite is the peer a user could script: each posting's JSON and a
// page around its HTML, written in place.
func naiveWrite(tb testing.TB, dir string, desired []posting.Posting) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		tb.Fatal(err)
	}
	for i, p := range desired {
		data, err := json.Marshal(p)
		if err != nil {
			tb.Fatal(err)
		}
		name := filepath.Join(dir, fmt.Sprint(i))
		page := "<!doctype html><title>" + p.Title + "</title>" + p.HTML
		if err := os.WriteFile(name+".json", data, 0o644); err != nil {
			tb.Fatal(err)
		}
		if err := os.WriteFile(name+".html", []byte(page), 0o644); err != nil {
			tb.Fatal(err)
		}
	}
}

var (
	scaleOnce sync.Once
	scaleBase []posting.Posting
)

// scalePostings is n postings made from the page's 112, each copy under its
// own key and title.
func scalePostings(tb testing.TB, n int) []posting.Posting {
	scaleOnce.Do(func() {
		path := "../../testdata/product-manager.md"
		data, err := os.ReadFile(path)
		if err != nil {
			tb.Fatal(err)
		}
		fam, err := source.Parse(path, data, source.Options{BaseURL: "https://handbook.gitlab.com"})
		if err != nil {
			tb.Fatal(err)
		}
		scaleBase, err = posting.Compose([]posting.Family{fam}, nil, posting.ComposeOptions{Company: "GitLab", CompanyURL: "https://about.gitlab.com"})
		if err != nil {
			tb.Fatal(err)
		}
	})
	out := make([]posting.Posting, n)
	for i := range out {
		p := scaleBase[i%len(scaleBase)]
		if round := i / len(scaleBase); round > 0 {
			p.Key = fmt.Sprintf("%s-%d", p.Key, round+1)
			p.Title = fmt.Sprintf("%s %d", p.Title, round+1)
			p.Hash = p.ContentHash()
		}
		out[i] = p
	}
	return out
}

// watchHeap samples the heap's objects (live and not yet swept) every
// millisecond until the returned stop, which gives the largest sample.
func watchHeap() (stop func() uint64) {
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	read := func() uint64 { metrics.Read(sample); return sample[0].Value.Uint64() }
	done := make(chan struct{})
	peak := make(chan uint64)
	go func() {
		best := read()
		t := time.NewTicker(time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-done:
				peak <- max(best, read())
				return
			case <-t.C:
				best = max(best, read())
			}
		}
	}()
	return func() uint64 { close(done); return <-peak }
}

// cpuTime is the CPU the process has used, user and system.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
