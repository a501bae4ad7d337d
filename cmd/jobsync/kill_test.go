package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// buildJobsync compiles this command into a temp dir, for tests that need a
// real process to kill.
func buildJobsync(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "jobsync")
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command on PATH")
	}
	cmd := exec.Command(goBin, "build", "-o", bin, ".")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// countPostingFiles counts the posting records written so far.
func countPostingFiles(dir string) int {
	m, _ := filepath.Glob(filepath.Join(dir, "postings", "*.json"))
	return len(m)
}

// A sync killed with SIGKILL at any point converges on the next run: every
// posting exactly once, every file readable.
func TestKilledSyncConverges(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and kills a real process")
	}
	t.Parallel()
	bin := buildJobsync(t)
	for _, killAfter := range []int{1, 20, 60, 100} {
		t.Run("after-"+strconv.Itoa(killAfter), func(t *testing.T) {
			t.Parallel()
			w := newWorkspace(t, "")
			cmd := exec.Command(bin, "sync", "--config", w.config, "--log-level", "error")
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			// Poll the folder until killAfter records are written or the run
			// ends by itself. Nothing here races the clock: whenever the kill
			// lands (or if the run finished first), the next sync must converge.
			exited := make(chan struct{})
			go func() { _ = cmd.Wait(); close(exited) }()
			ended := false
			for !ended && countPostingFiles(w.board) < killAfter {
				select {
				case <-exited:
					ended = true
				case <-time.After(time.Millisecond): // the poll interval, not a timeout
				}
			}
			_ = cmd.Process.Signal(syscall.SIGKILL)
			<-exited
			killedAt := countPostingFiles(w.board)
			if killedAt < killAfter && killedAt != 112 {
				t.Fatalf("the sync ended by itself after %d records, before the kill", killedAt)
			}

			mustSync(t, w)
			if n := openOwned(t, w.remotes(t)); n != 112 {
				t.Fatalf("killed after %d files, resynced: %d open postings, want 112", killedAt, n)
			}
			if code := detailedExit(t, w); code != exitOK {
				t.Fatalf("plan after the resync: exit %d, want 0", code)
			}
			entries, err := os.ReadDir(filepath.Join(w.board, "postings"))
			if err != nil {
				t.Fatal(err)
			}
			for _, e := range entries {
				if n := e.Name(); !strings.HasSuffix(n, ".json") && !strings.HasSuffix(n, ".html") {
					t.Errorf("left over after the resync: %s", n)
				}
			}
		})
	}
}
