package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jobsync/jobsync/posting"
)

// handbookFolder is a folder with the product-manager page and a README.md
// that is no job family, as handbook folders often have.
func handbookFolder(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	page, err := os.ReadFile(filepath.Join("..", "..", "testdata", "product-manager.md"))
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, "product-manager.md"), string(page))
	writeFile(t, filepath.Join(dir, "README.md"), "# Job families\n\n- [Product Manager](product-manager.md)\n- [Engineering Manager](engineering-manager.md)\n")
	return dir
}

// In a folder, a page that is no job family is skipped with a warning and
// the other pages still print; --exclude silences it.
func TestFolderSkipsPagesThatAreNoFamily(t *testing.T) {
	t.Parallel()
	dir := handbookFolder(t)
	readme := filepath.Join(dir, "README.md")

	code, out, stderr := cli(t, nil, "parse", dir)
	if code != 0 || !strings.Contains(out, "Product Manager (product-manager)") {
		t.Errorf("parse: exit %d, want 0 and the family:\n%s\n%s", code, out, stderr)
	}
	if strings.Count(stderr, "not a job family page; skipped") != 1 || !strings.Contains(stderr, "README.md") {
		t.Errorf("parse: want one warning naming README.md:\n%s", stderr)
	}
	_, _, stderr = cli(t, nil, "parse", dir, "--exclude", "README.md")
	if strings.Contains(stderr, "skipped") {
		t.Errorf("parse --exclude README.md still warns:\n%s", stderr)
	}

	code, out, _ = cli(t, nil, "lint", dir)
	if code != 0 || !strings.Contains(out, readme+": warning: not a job family page; skipped") || strings.Contains(out, ":0:") {
		t.Errorf("lint: exit %d, want 0 and a warning at README.md with no line 0:\n%s", code, out)
	}
	code, out, _ = cli(t, nil, "lint", readme) // named on its own: an error, still with no :0
	if code != exitError || !strings.Contains(out, readme+":3: error: page holds no posting: it only links to other pages") || strings.Contains(out, ":0:") {
		t.Errorf("lint README.md: exit %d:\n%s", code, out)
	}

	code, out, stderr = cli(t, nil, "compose", dir, "--format", "json", "--base-url", "https://handbook.gitlab.com")
	var ps []posting.Posting
	if err := json.Unmarshal([]byte(out), &ps); code != 0 || err != nil || len(ps) != 112 {
		t.Errorf("compose: exit %d, %v, %d postings, want 112:\n%s", code, err, len(ps), stderr)
	}
}

// parse --format json prints an array for one page as for several.
func TestParseJSONIsAlwaysAnArray(t *testing.T) {
	t.Parallel()
	page := filepath.Join("..", "..", "testdata", "product-manager.md")
	for _, args := range [][]string{{page}, {page, shape("html-columns.md")}} {
		code, out, stderr := cli(t, nil, append([]string{"parse", "--format", "json"}, args...)...)
		var fams []posting.Family
		if err := json.Unmarshal([]byte(out), &fams); code != 0 || err != nil || len(fams) != len(args) {
			t.Errorf("%v: exit %d, %v, %d families:\n%s", args, code, err, len(fams), stderr)
		}
	}
}

// parse shows each warning once: in its output, not also in the log.
func TestParseWarnsOnce(t *testing.T) {
	t.Parallel()
	page := filepath.Join("..", "..", "testdata", "product-manager.md")
	const warning = "second requirements section in level"
	for _, format := range []string{"text", "json"} {
		_, out, stderr := cli(t, nil, "parse", "--format", format, page)
		if n := strings.Count(out+stderr, warning); n != 1 {
			t.Errorf("--format %s: %q shown %d times, want once:\nstdout:\n%s\nstderr:\n%s", format, warning, n, out, stderr)
		}
	}
}

// compose PAGE without a base URL warns that relative links are dropped,
// and how many; with one it does not.
func TestComposeWarnsOfDroppedLinks(t *testing.T) {
	t.Parallel()
	page := filepath.Join("..", "..", "testdata", "product-manager.md")
	_, _, stderr := cli(t, nil, "compose", page, "--format", "json")
	if !strings.Contains(stderr, "relative links dropped for want of a base URL") || !strings.Contains(stderr, `"links_per_posting_up_to":`) {
		t.Errorf("no warning of dropped links:\n%s", stderr)
	}
	_, _, stderr = cli(t, nil, "compose", page, "--format", "json", "--base-url", "https://handbook.gitlab.com")
	if strings.Contains(stderr, "relative links dropped") {
		t.Errorf("warned with a base URL:\n%s", stderr)
	}
}
