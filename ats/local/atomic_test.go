package local

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestLeftoverTempFiles(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	b := newTestBoard(t, "")
	r, err := b.Create(ctx, testPosting(0, 0))
	if err != nil {
		t.Fatal(err)
	}
	// A run killed mid-write leaves its temporary files behind, half written.
	leftovers := []string{
		filepath.Join(b.postings, "."+r.ID+".json.123456"+tempSuffix),
		filepath.Join(b.postings, ".product-manager--new.json.99"+tempSuffix),
		filepath.Join(b.dir, "."+indexName+".42"+tempSuffix),
	}
	for _, p := range leftovers {
		if err := os.WriteFile(p, []byte(`{"title": "half`), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	keep := filepath.Join(b.postings, ".notes.txt") // someone's dot file, not ours
	if err := os.WriteFile(keep, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}

	b2 := newTestBoard(t, b.dir) // the next run
	rs, err := b2.List(ctx)
	if err != nil || len(rs) != 1 || rs[0].ID != r.ID || !rs[0].Owned {
		t.Fatalf("List with leftover temporary files = %+v, %v", rs, err)
	}
	if _, err := b2.Create(ctx, testPosting(1, 0)); err != nil {
		t.Fatal(err)
	}
	for _, p := range leftovers {
		if _, err := os.Stat(p); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("leftover %s not removed by the next write (%v)", filepath.Base(p), err)
		}
	}
	if _, err := os.Stat(keep); err != nil {
		t.Errorf("a dot file that is not a temporary file was removed: %v", err)
	}
}

func TestInterruptedWrite(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		failOn   string // suffix of the rename that fails
		op       string // create, update or close
		wantPage bool   // the page was renamed before the failure
	}{
		{name: "update fails before page", failOn: ".html", op: "update"},
		{name: "update fails between page and json", failOn: ".json", op: "update", wantPage: true},
		{name: "close fails before page", failOn: ".html", op: "close"},
		{name: "close fails between page and json", failOn: ".json", op: "close", wantPage: true},
		{name: "create fails between page and json", failOn: ".json", op: "create", wantPage: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			ctx := context.Background()
			b := newTestBoard(t, "")
			r, err := b.Create(ctx, testPosting(0, 0))
			if err != nil {
				t.Fatal(err)
			}
			before, err := os.ReadFile(b.jsonPath(r.ID))
			if err != nil {
				t.Fatal(err)
			}
			crash := errors.New("power cut")
			b.beforeRename = func(name string) error {
				if strings.HasSuffix(name, tt.failOn) {
					return crash
				}
				return nil
			}
			newID := "product-manager--senior-product-manager--verify-ci"
			switch tt.op {
			case "create":
				_, err = b.Create(ctx, testPosting(1, 0))
			case "update":
				_, err = b.Update(ctx, r.ID, testPosting(0, 1))
			case "close":
				err = b.Close(ctx, r.ID)
			}
			if !errors.Is(err, crash) {
				t.Fatalf("%s error = %v, want the injected failure", tt.op, err)
			}
			after, err := os.ReadFile(b.jsonPath(r.ID))
			if err != nil || string(after) != string(before) {
				t.Errorf("the committed JSON file changed (%v)", err)
			}
			entries, err := os.ReadDir(b.postings)
			if err != nil {
				t.Fatal(err)
			}
			for _, e := range entries {
				if isTemp(e.Name()) {
					t.Errorf("temporary file %s left behind", e.Name())
				}
			}

			// The next run lists the board as it was and converges; a page
			// the cut write renamed over the posting's own lists with no
			// hash, so that the plan writes it again.
			b.beforeRename = nil
			listed := listByID(t, b)
			wantHash := r.Hash
			if tt.wantPage && tt.op != "create" {
				wantHash = ""
			}
			if len(listed) != 1 || !listed[r.ID].Open || listed[r.ID].Hash != wantHash || listed[r.ID].Drifted {
				t.Errorf("List after the failure = %+v", listed)
			}
			if tt.op == "create" {
				if _, err := os.Stat(filepath.Join(b.postings, newID+".html")); (err == nil) != tt.wantPage {
					t.Errorf("orphan page exists = %v, want %v", err == nil, tt.wantPage)
				}
				got, err := b.Create(ctx, testPosting(1, 0))
				if err != nil || got.ID != newID {
					t.Errorf("retried create = %q, %v; want the orphan page's id %q", got.ID, err, newID)
				}
			}
		})
	}
}

func TestWriteFilesOrderAndPermissions(t *testing.T) {
	t.Parallel()
	b := newTestBoard(t, "")
	dir := filepath.Join(b.dir, "sub")
	var order []string
	b.beforeRename = func(name string) error {
		order = append(order, filepath.Base(name))
		return nil
	}
	err := b.writeFiles(dir, file{name: "a.html", data: []byte("page")}, file{name: "a.json", data: []byte("{}")})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"a.html", "a.json"}; !reflect.DeepEqual(order, want) {
		t.Errorf("renames in order %v, want %v", order, want)
	}
	for _, name := range order {
		info, err := os.Stat(filepath.Join(dir, name))
		if err != nil || info.Mode().Perm() != 0o644 {
			t.Errorf("%s: %v, mode %v", name, err, info.Mode())
		}
	}
	if b.written.Load() != 2 {
		t.Errorf("written = %d, want 2", b.written.Load())
	}
}
