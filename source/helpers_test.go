package source

import (
	"flag"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/jobsync/jobsync/posting"
)

var update = flag.Bool("update", false, "rewrite golden files")

// repoRoot is the module root: this file's folder's parent.
func repoRoot(t testing.TB) string {
	t.Helper()
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		t.Fatal("no caller")
	}
	return filepath.Dir(filepath.Dir(file))
}

// pmPage is the committed copy of the Product Manager page.
func pmPage(t testing.TB) (string, []byte) {
	t.Helper()
	path := filepath.Join(repoRoot(t), "testdata", "product-manager.md")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return path, data
}

// hasWarning says whether a warning at line contains substr.
func hasWarning(f posting.Family, line int, substr string) bool {
	for _, w := range f.Warnings {
		if w.Line == line && strings.Contains(w.Message, substr) {
			return true
		}
	}
	return false
}
