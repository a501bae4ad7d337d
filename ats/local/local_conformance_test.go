package local_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"testing"

	"github.com/jobsync/jobsync/ats"
	"github.com/jobsync/jobsync/ats/atstest"
	"github.com/jobsync/jobsync/ats/local"
	"github.com/jobsync/jobsync/posting"
)

func TestConformance(t *testing.T) {
	atstest.Run(t, newHarness)
}

// newHarness is a board in a new folder. A person's postings are JSON files
// without a marker; a person's edit rewrites a file's html and markdown.
// Faults are those of a failing disk: a call fails before it writes, or
// after (the rename done, the folder's fsync failed).
func newHarness(t *testing.T) *atstest.Harness {
	b, err := local.New("local", t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	postings := filepath.Join(b.Dir(), "postings")
	fb := &faultyBoard{Board: b}
	return &atstest.Harness{
		Board: fb,
		Another: func(t testing.TB) ats.Board { // a second run: it waits for the folder's lock
			b, err := local.New("local", b.Dir())
			if err != nil {
				t.Fatal(err)
			}
			return b
		},
		AddUnowned: func(t testing.TB, title string) string {
			t.Helper()
			if err := os.MkdirAll(postings, 0o755); err != nil {
				t.Fatal(err)
			}
			id := posting.Slug(title) + "-by-hand"
			for n := 2; fileExists(filepath.Join(postings, id+".json")); n++ {
				id = posting.Slug(title) + "-by-hand-" + strconv.Itoa(n)
			}
			writeJSON(t, filepath.Join(postings, id+".json"), map[string]any{
				"title":  title,
				"html":   "<p>" + html.EscapeString(title) + ": a role posted by hand.</p>",
				"status": "open",
			})
			return id
		},
		EditText: func(t testing.TB, id, text string) {
			t.Helper()
			path := filepath.Join(postings, id+".json")
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			var rec map[string]any
			if err := json.Unmarshal(data, &rec); err != nil {
				t.Fatal(err)
			}
			rec["html"] = "<p>" + html.EscapeString(text) + "</p>"
			rec["markdown"] = text
			writeJSON(t, path, rec)
		},
		SetFaults: fb.setFaults,
	}
}

func fileExists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

func writeJSON(t testing.TB, path string, v any) {
	t.Helper()
	data, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// errDisk is the error of an injected disk fault.
var errDisk = errors.New("input/output error (injected)")

// faultyBoard is a local board on a failing disk: a share of its calls fail,
// reads and writes before they do anything, writes also after they are done.
type faultyBoard struct {
	*local.Board

	mu   sync.Mutex
	rate float64
	rng  *rand.Rand
}

var (
	_ ats.Locker     = (*faultyBoard)(nil)
	_ ats.Concurrent = (*faultyBoard)(nil)
)

func (f *faultyBoard) setFaults(rate float64, seed int64) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.rate, f.rng = rate, rand.New(rand.NewPCG(uint64(seed), 1))
}

// draw returns the fault of one call: before is an error to fail with
// before doing anything, after one to fail with after the write.
func (f *faultyBoard) draw(op string, write bool) (before, after error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.rate <= 0 || f.rng.Float64() >= f.rate {
		return nil, nil
	}
	err := fmt.Errorf("%s: %w", op, errDisk)
	if write && f.rng.IntN(2) == 0 {
		return nil, err
	}
	return err, nil
}

func (f *faultyBoard) List(ctx context.Context) ([]ats.Remote, error) {
	if before, _ := f.draw("list", false); before != nil {
		return nil, before
	}
	return f.Board.List(ctx)
}

func (f *faultyBoard) Create(ctx context.Context, p posting.Posting) (ats.Remote, error) {
	before, after := f.draw("create", true)
	if before != nil {
		return ats.Remote{}, before
	}
	r, err := f.Board.Create(ctx, p)
	if err == nil && after != nil {
		return ats.Remote{}, after
	}
	return r, err
}

func (f *faultyBoard) Update(ctx context.Context, id string, p posting.Posting) (ats.Remote, error) {
	before, after := f.draw("update", true)
	if before != nil {
		return ats.Remote{}, before
	}
	r, err := f.Board.Update(ctx, id, p)
	if err == nil && after != nil {
		return ats.Remote{}, after
	}
	return r, err
}

func (f *faultyBoard) Close(ctx context.Context, id string) error {
	before, after := f.draw("close", true)
	if before != nil {
		return before
	}
	if err := f.Board.Close(ctx, id); err != nil {
		return err
	}
	return after
}
