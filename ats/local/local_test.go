package local

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jobsync/jobsync/ats"
)

func TestNew(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, board, dir string
		wantErr          bool
	}{
		{name: "ok", board: "local", dir: "out/board"},
		{name: "no name", board: "", dir: "out", wantErr: true},
		{name: "no dir", board: "local", dir: "", wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			b, err := New(tt.board, tt.dir)
			if (err != nil) != tt.wantErr {
				t.Fatalf("New(%q, %q) error = %v, want error %v", tt.board, tt.dir, err, tt.wantErr)
			}
			if err == nil && (!filepath.IsAbs(b.Dir()) || b.Name() != tt.board || b.MaxConcurrency() < 2) {
				t.Errorf("New = dir %q name %q concurrency %d", b.Dir(), b.Name(), b.MaxConcurrency())
			}
		})
	}
}

func TestNewTouchesNothing(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "board")
	b := newTestBoard(t, dir)
	rs, err := b.List(context.Background())
	if err != nil || len(rs) != 0 {
		t.Fatalf("List of a missing folder = %v, %v; want empty, nil", rs, err)
	}
	if _, err := os.Stat(dir); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("New or List made the folder: %v", err)
	}
}

func TestCreateListRoundTrip(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	b := newTestBoard(t, "")
	p := testPosting(1, 0)
	got, err := b.Create(ctx, p)
	if err != nil {
		t.Fatal(err)
	}
	wantID := "product-manager--senior-product-manager--verify-ci"
	if got.ID != wantID {
		t.Errorf("id = %q, want %q", got.ID, wantID)
	}
	listed := listByID(t, b)
	if l := listed[got.ID]; l.BodyText() != got.BodyText() || !reflect.DeepEqual(l, got) {
		t.Errorf("List = %+v\nCreate returned %+v", listed[got.ID], got)
	}
	want := ats.Remote{
		ID: wantID, Title: p.Title, Locations: p.Locations, Department: p.Department,
		Body: ats.HTMLText(p.HTML), URL: fileURL(filepath.Join(b.postings, wantID+".html")),
		Open: true, Owned: true, Key: p.Key, Hash: p.Hash, Claim: "id=" + wantID,
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Create = %+v\nwant     %+v", got, want)
	}
	if !strings.HasPrefix(got.URL, "file:///") {
		t.Errorf("URL = %q, want a file URL", got.URL)
	}

	rec := readRecord(t, b, got.ID)
	if rec.ID != wantID || rec.Key != p.Key || rec.Status != statusOpen || rec.HTML != p.HTML ||
		rec.Markdown != p.Markdown || rec.Grade != p.Grade || !reflect.DeepEqual(rec.Pay, p.Pay) ||
		rec.SourceURL != p.SourceURL || rec.EmploymentType != p.EmploymentType || rec.Workplace != p.Workplace ||
		!rec.CreatedAt.Equal(testTime) || !rec.UpdatedAt.Equal(testTime) || rec.ClosedAt != nil {
		t.Errorf("record = %+v", rec)
	}
	m, ok := ats.ParseMarker(rec.Marker)
	if !ok || m.Key != p.Key || m.Hash != p.Hash || m.Fingerprint != ats.Fingerprint(p.Title, p.HTML) {
		t.Errorf("marker %q", rec.Marker)
	}
	if !strings.Contains(readIndex(t, b), `href="postings/`+wantID+`.html"`) {
		t.Error("index.html does not link the new posting")
	}
}

func TestUpdate(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	later := testTime.Add(time.Hour)
	now := testTime
	var mu sync.Mutex
	b, err := New("local", t.TempDir(), WithClock(func() time.Time { mu.Lock(); defer mu.Unlock(); return now }))
	if err != nil {
		t.Fatal(err)
	}
	r, err := b.Create(ctx, testPosting(0, 0))
	if err != nil {
		t.Fatal(err)
	}
	if err := b.Close(ctx, r.ID); err != nil {
		t.Fatal(err)
	}
	mu.Lock()
	now = later
	mu.Unlock()
	p := testPosting(0, 1)
	got, err := b.Update(ctx, r.ID, p)
	if err != nil {
		t.Fatal(err)
	}
	if got.ID != r.ID || !got.Open || got.Hash != p.Hash || got.Drifted || !got.Owned {
		t.Errorf("Update = %+v", got)
	}
	rec := readRecord(t, b, r.ID)
	if !rec.CreatedAt.Equal(testTime) || !rec.UpdatedAt.Equal(later) || rec.ClosedAt != nil || rec.Status != statusOpen {
		t.Errorf("after reopening update: created %v updated %v closed %v status %q", rec.CreatedAt, rec.UpdatedAt, rec.ClosedAt, rec.Status)
	}
	if !strings.Contains(readIndex(t, b), r.ID) {
		t.Error("a reopened posting is missing from index.html")
	}
}

func TestWriteErrors(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	b := newTestBoard(t, "")
	owned, err := b.Create(ctx, testPosting(0, 0))
	if err != nil {
		t.Fatal(err)
	}
	writeHandMade(t, b, "barista", `{"title": "Barista", "html": "<p>Coffee.</p>", "status": "open"}`)
	writeHandMade(t, b, "forged", `{"title": "Forged", "marker": "jobsync/v1 nonsense"}`)
	writeHandMade(t, b, "broken", `{"title": "Broken", "html": "<p>cut off`)
	if err := os.WriteFile(filepath.Join(t.TempDir(), "outside.json"), []byte(`{}`), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		id   string
		want error
	}{
		{name: "unknown id", id: "no-such-posting", want: ats.ErrNotFound},
		{name: "empty id", id: "", want: ats.ErrNotFound},
		{name: "path traversal", id: "../../outside", want: ats.ErrNotFound},
		{name: "hidden file", id: ".jobsync", want: ats.ErrNotFound},
		{name: "hand-made posting", id: "barista", want: ats.ErrNotOwned},
		{name: "marker that does not parse", id: "forged", want: ats.ErrNotOwned},
		{name: "file that is not JSON", id: "broken", want: ats.ErrNotOwned},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			before := snapshot(t, b.dir)
			if _, err := b.Update(ctx, tt.id, testPosting(0, 1)); !errors.Is(err, tt.want) {
				t.Errorf("Update(%q) error = %v, want %v", tt.id, err, tt.want)
			}
			if err := b.Close(ctx, tt.id); !errors.Is(err, tt.want) {
				t.Errorf("Close(%q) error = %v, want %v", tt.id, err, tt.want)
			}
			if after := snapshot(t, b.dir); !reflect.DeepEqual(before, after) {
				t.Error("a refused write changed the folder")
			}
		})
	}
	t.Run("cancelled context", func(t *testing.T) {
		t.Parallel()
		cctx, cancel := context.WithCancel(ctx)
		cancel()
		if _, err := b.Create(cctx, testPosting(5, 0)); !errors.Is(err, context.Canceled) {
			t.Errorf("Create error = %v", err)
		}
		if _, err := b.Update(cctx, owned.ID, testPosting(0, 1)); !errors.Is(err, context.Canceled) {
			t.Errorf("Update error = %v", err)
		}
		if err := b.Close(cctx, owned.ID); !errors.Is(err, context.Canceled) {
			t.Errorf("Close error = %v", err)
		}
	})
}

func TestCreateBadKey(t *testing.T) {
	t.Parallel()
	for _, key := range []string{"", "product-manager/senior product manager", "a\tb", "a\n"} {
		b := newTestBoard(t, "")
		p := testPosting(0, 0)
		p.Key = key
		if _, err := b.Create(context.Background(), p); err == nil {
			t.Errorf("Create of a posting with key %q succeeded", key)
		}
		if _, err := os.Stat(b.postings); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("Create with key %q wrote files", key)
		}
	}
}

func TestCloseKeepsFilesAndLeavesIndex(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	b := newTestBoard(t, "")
	keep, err := b.Create(ctx, testPosting(0, 0))
	if err != nil {
		t.Fatal(err)
	}
	gone, err := b.Create(ctx, testPosting(1, 0))
	if err != nil {
		t.Fatal(err)
	}
	if err := b.Close(ctx, gone.ID); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{gone.ID + ".json", gone.ID + ".html"} {
		if _, err := os.Stat(filepath.Join(b.postings, name)); err != nil {
			t.Errorf("Close removed %s: %v", name, err)
		}
	}
	rec := readRecord(t, b, gone.ID)
	if rec.Status != statusClosed || rec.ClosedAt == nil || !rec.ClosedAt.Equal(testTime) || rec.HTML == "" {
		t.Errorf("closed record: status %q closed_at %v", rec.Status, rec.ClosedAt)
	}
	page, err := os.ReadFile(filepath.Join(b.postings, gone.ID+".html"))
	if err != nil || !strings.Contains(string(page), "This position is closed") {
		t.Errorf("the closed posting's page does not say so (%v)", err)
	}
	index := readIndex(t, b)
	if strings.Contains(index, gone.ID) || !strings.Contains(index, keep.ID) {
		t.Errorf("index.html after close:\n%s", index)
	}
	listed := listByID(t, b)
	if r := listed[gone.ID]; r.Open || !r.Owned || r.Drifted {
		t.Errorf("closed posting lists as %+v", r)
	}

	before := snapshot(t, b.dir)
	written := b.written.Load()
	if err := b.Close(ctx, gone.ID); err != nil {
		t.Errorf("closing a closed posting: %v", err)
	}
	if b.written.Load() != written || !reflect.DeepEqual(before, snapshot(t, b.dir)) {
		t.Error("closing a closed posting wrote files")
	}
}

func TestDrift(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		edit  func(map[string]any)
		drift bool
	}{
		{name: "untouched", edit: func(map[string]any) {}},
		{name: "title edited", edit: func(m map[string]any) { m["title"] = "Chief Vibes Officer" }, drift: true},
		{name: "html edited", edit: func(m map[string]any) {
			m["html"] = strings.Replace(m["html"].(string), "Five years", "Ten years", 1)
		}, drift: true},
		{name: "html reformatted only", edit: func(m map[string]any) {
			m["html"] = strings.ReplaceAll(m["html"].(string), "\n", "\n\n  ")
		}},
		{name: "markdown edited only", edit: func(m map[string]any) { m["markdown"] = "something else" }},
		// Issue 18 finding 3: every field jobsync publishes is compared.
		{name: "department edited", edit: func(m map[string]any) { m["department"] = "Marketing" }, drift: true},
		{name: "a location edited", edit: func(m map[string]any) { m["locations"] = []string{"Paris"} }, drift: true},
		{name: "closed by a person", edit: func(m map[string]any) { m["status"] = "closed" }, drift: true},
		{name: "locations reordered only", edit: func(m map[string]any) {
			locs := m["locations"].([]any)
			slices.Reverse(locs)
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			b := newTestBoard(t, "")
			r, err := b.Create(context.Background(), testPosting(2, 0))
			if err != nil {
				t.Fatal(err)
			}
			editRecord(t, b, r.ID, tt.edit)
			got := listByID(t, b)[r.ID]
			if got.Drifted != tt.drift || !got.Owned || got.Hash != r.Hash {
				t.Errorf("after edit: Drifted %v Owned %v Hash %q, want Drifted %v", got.Drifted, got.Owned, got.Hash, tt.drift)
			}
		})
	}
}

func TestUnownedFilesSurviveSync(t *testing.T) {
	t.Parallel()
	b := newTestBoard(t, "")
	hand := map[string]string{
		"barista":      `{"title": "Barista", "html": "<p>Coffee.</p>", "status": "open", "locations": ["Utrecht"]}`,
		"intern":       `{"title": "Intern", "status": "closed"}`,
		"notes":        "not JSON at all\n",
		"half-written": `{"title": "Half`,
		"wrong-types":  `{"title": 42}`,
		"empty":        ``,
		"product-manager--product-manager--verify-ci": `{"title": "Hand-made, same name as a key", "html": "<p>mine</p>"}`,
	}
	for id, content := range hand {
		writeHandMade(t, b, id, content)
	}
	if err := os.WriteFile(filepath.Join(b.postings, "barista.html"), []byte("<h1>my page</h1>"), 0o644); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, b.postings)

	desired := testPostings(8)
	plan := syncBoard(t, b, desired)
	if s := plan.Summary(); s.Create != 8 || s.Unmanaged != len(hand) {
		t.Errorf("first plan %+v, want 8 creates and %d unmanaged", s, len(hand))
	}
	syncBoard(t, b, desired[:3]) // closes five
	after := snapshot(t, b.postings)
	for name, was := range before {
		if after[name] != was {
			t.Errorf("sync changed the hand-made file %s", name)
		}
	}

	listed := listByID(t, b)
	for id := range hand {
		if r := listed[id]; r.Owned || r.ID != id {
			t.Errorf("hand-made %s lists as %+v", id, r)
		}
	}
	if r := listed["notes"]; r.Title != "notes.json" || r.Open {
		t.Errorf("a file that is not JSON lists as %+v, want closed and titled by its name", r)
	}
	if r := listed["barista"]; !r.Open || r.Title != "Barista" || r.BodyText() != "Coffee." || r.URL == "" {
		t.Errorf("barista lists as %+v", r)
	}
	if _, ok := listed["product-manager--product-manager--verify-ci-2"]; !ok {
		t.Error("the posting whose id a hand-made file holds did not get the next id")
	}
	index := readIndex(t, b)
	if !strings.Contains(index, "Barista") || strings.Contains(index, "Intern") || strings.Contains(index, "notes") {
		t.Errorf("index.html lists the wrong hand-made postings:\n%s", index)
	}
}

func TestConcurrentCreates(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	b := newTestBoard(t, "")
	const n = 24
	ps := testPostings(n)
	ps = append(ps, ps[:4]...) // four keys created twice at once
	var wg sync.WaitGroup
	errs := make([]error, len(ps))
	for i := range ps {
		wg.Go(func() { _, errs[i] = b.Create(ctx, ps[i]) })
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		t.Fatal(err)
	}
	listed := listByID(t, b)
	if len(listed) != len(ps) {
		t.Errorf("%d postings listed, want %d", len(listed), len(ps))
	}
	index := readIndex(t, b)
	for id := range listed {
		if !strings.Contains(index, `postings/`+id+`.html"`) {
			t.Errorf("index.html misses %s", id)
		}
	}
}
