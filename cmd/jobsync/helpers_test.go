package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jobsync/jobsync/ats"
	"github.com/jobsync/jobsync/ats/local"
	"github.com/jobsync/jobsync/config"
)

// cli runs jobsync in-process and returns its exit code and output.
func cli(t *testing.T, boardFor func(config.Board) (ats.Board, error), args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	a := newApp(&out, &errb)
	if boardFor != nil {
		a.boardFor = boardFor
	}
	code = a.execute(context.Background(), append(args, "--log-format", "json"))
	return code, out.String(), errb.String()
}

// workspace is a config, a copy of the product-manager page, and a local
// board folder, all in a temp dir, so a test can edit the page.
type workspace struct {
	dir, config, page, board string
}

func newWorkspace(t *testing.T, extraConfig string) workspace {
	t.Helper()
	dir := t.TempDir()
	page, err := os.ReadFile(filepath.Join("..", "..", "testdata", "product-manager.md"))
	if err != nil {
		t.Fatal(err)
	}
	w := workspace{dir: dir, config: filepath.Join(dir, "jobsync.yaml"), page: filepath.Join(dir, "product-manager.md"), board: filepath.Join(dir, "board")}
	writeFile(t, w.page, string(page))
	writeFile(t, w.config, `company: {name: GitLab, url: https://about.gitlab.com}
sources:
  - path: product-manager.md
    base_url: https://handbook.gitlab.com
boards:
  - name: local
    type: local
    dir: board
`+extraConfig)
	return w
}

func writeFile(t *testing.T, path, data string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// editPage applies a replacement to the page, failing if old is not there.
func (w workspace) editPage(t *testing.T, old, new string) {
	t.Helper()
	data, err := os.ReadFile(w.page)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), old) {
		t.Fatalf("page has no %q", old)
	}
	writeFile(t, w.page, strings.Replace(string(data), old, new, 1))
}

// removeSpecialties cuts the named "### " sections out of the page.
func (w workspace) removeSpecialties(t *testing.T, names ...string) {
	t.Helper()
	data, err := os.ReadFile(w.page)
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	for _, n := range names {
		start := strings.Index(text, "\n### "+n+"\n")
		if start < 0 {
			t.Fatalf("page has no specialty %q", n)
		}
		rest := text[start+1:]
		end := len(rest)
		for _, next := range []string{"\n### ", "\n## "} {
			if i := strings.Index(rest, next); i >= 0 && i < end {
				end = i
			}
		}
		text = text[:start] + rest[end:]
	}
	writeFile(t, w.page, text)
}

// remotes lists the workspace's local board as jobsync sees it.
func (w workspace) remotes(t *testing.T) []ats.Remote {
	t.Helper()
	b, err := local.New("local", w.board)
	if err != nil {
		t.Fatal(err)
	}
	rs, err := b.List(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return rs
}

// openOwned counts the open owned postings and fails on a duplicate key.
func openOwned(t *testing.T, rs []ats.Remote) int {
	t.Helper()
	seen := map[string]bool{}
	for _, r := range rs {
		if !r.Owned || !r.Open {
			continue
		}
		if seen[r.Key] {
			t.Errorf("duplicate open posting for key %s", r.Key)
		}
		seen[r.Key] = true
	}
	return len(seen)
}
