package main

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A page read by URL without --base-url or base_url makes its relative links
// absolute against the URL's scheme and host, from the command line and
// from a config alike.
func TestURLPageKeepsItsBaseURL(t *testing.T) {
	t.Setenv("JOBSYNC_CACHE_DIR", "-") // no page cache in the user's folders
	page, err := os.ReadFile(filepath.Join("..", "..", "testdata", "product-manager.md"))
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = w.Write(page)
	}))
	defer srv.Close()
	url := srv.URL + "/job-families/product/product-manager.md"

	dir := t.TempDir()
	cfg := filepath.Join(dir, "jobsync.yaml")
	writeFile(t, cfg, "company: {name: GitLab, url: https://about.gitlab.com}\nsources:\n  - url: "+url+"\nboards:\n  - {name: local, type: local, dir: board}\n")
	for name, args := range map[string][]string{
		"page":   {"compose", "--format", "html", url},
		"config": {"compose", "--format", "html", "--config", cfg},
	} {
		code, out, errs := cli(t, nil, args...)
		if code != exitOK {
			t.Fatalf("%s: exit %d\n%s", name, code, errs)
		}
		if want := `href="` + srv.URL + `/handbook/`; !strings.Contains(out, want) || strings.Contains(out, `href="/handbook/`) {
			t.Errorf("%s: the postings' links are not made absolute against %s (want %q)", name, srv.URL, want)
		}
	}
}
