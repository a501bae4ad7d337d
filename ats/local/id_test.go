package local

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jobsync/jobsync/ats"
)

func TestClaimID(t *testing.T) {
	t.Parallel()
	const key = "product-manager/product-manager/plan"
	const base = "product-manager--product-manager--plan"
	ours := func(t *testing.T, key string) []byte {
		t.Helper()
		p := testPosting(0, 0)
		p.Key = key
		page, _, err := (&Board{}).renderPage(newRecord("x", p, testTime, ats.Marker{}))
		if err != nil {
			t.Fatal(err)
		}
		return page
	}
	tests := []struct {
		name  string
		files func(t *testing.T) map[string][]byte
		want  string
	}{
		{name: "free", files: func(*testing.T) map[string][]byte { return nil }, want: base},
		{name: "hand-made json", files: func(*testing.T) map[string][]byte {
			return map[string][]byte{base + ".json": []byte(`{"title":"x"}`)}
		}, want: base + "-2"},
		{name: "hand-made json and the next", files: func(*testing.T) map[string][]byte {
			return map[string][]byte{base + ".json": nil, base + "-2.json": nil}
		}, want: base + "-3"},
		{name: "hand-made page", files: func(*testing.T) map[string][]byte {
			return map[string][]byte{base + ".html": []byte("<h1>mine</h1>")}
		}, want: base + "-2"},
		{name: "our page of this key, never committed", files: func(t *testing.T) map[string][]byte {
			return map[string][]byte{base + ".html": ours(t, key)}
		}, want: base},
		{name: "our page of another key", files: func(t *testing.T) map[string][]byte {
			return map[string][]byte{base + ".html": ours(t, "other/key")}
		}, want: base + "-2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			b := newTestBoard(t, "")
			if err := os.MkdirAll(b.postings, 0o755); err != nil {
				t.Fatal(err)
			}
			for name, data := range tt.files(t) {
				if err := os.WriteFile(filepath.Join(b.postings, name), data, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			got, err := b.claimID(key)
			if err != nil || got != tt.want {
				t.Errorf("claimID = %q, %v; want %q", got, err, tt.want)
			}
			if again, _ := b.claimID(key); again == got {
				t.Errorf("a claimed id was handed out twice: %q", got)
			}
		})
	}
}

func TestBaseID(t *testing.T) {
	t.Parallel()
	tests := []struct{ key, want string }{
		{"product-manager/senior-product-manager/verify-ci", "product-manager--senior-product-manager--verify-ci"},
		{"a/b", "a--b"},
		{"../../etc/passwd", "etc--passwd"},
		{".hidden", "hidden"},
		{"Größe über", "Gr-e-ber"},
		{"", "posting"},
		{"///", "posting"},
		{strings.Repeat("x", 300), strings.Repeat("x", maxIDLen)},
	}
	for _, tt := range tests {
		if got := baseID(tt.key); got != tt.want {
			t.Errorf("baseID(%q) = %q, want %q", tt.key, got, tt.want)
		}
	}
}

func FuzzBaseID(f *testing.F) {
	for _, s := range []string{"product-manager/senior/verify-ci", "../x", ".", "a\x00b", "ü/ß"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, key string) {
		id := baseID(key)
		if !validID(id) || strings.ContainsAny(id, " /\\:*?\"<>|") || len(id) > maxIDLen {
			t.Errorf("baseID(%q) = %q is not a safe file name", key, id)
		}
		if isTemp(id+".json") || isTemp(id+".html") {
			t.Errorf("baseID(%q) = %q names a temporary file", key, id)
		}
	})
}
