package sitetest

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jobsync/jobsync/ats"
	"github.com/jobsync/jobsync/ats/local"
	"github.com/jobsync/jobsync/ats/local/site/feed"
	"github.com/jobsync/jobsync/config"
)

// TestExampleFeeds: the README's example writes a sitemap and an Indeed
// feed that parse and pass their checks, and building them again from the
// same board gives the same bytes.
// It changes the shared folder, so it runs after TestBrowser, not beside it.
func TestExampleFeeds(t *testing.T) {
	dir, byPath, _ := board(t)
	read := func(name string) []byte {
		t.Helper()
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		return data
	}
	sitemap, indeed := read("sitemap.xml"), read("indeed.xml")
	if ps := feed.CheckSitemap(sitemap); len(ps) > 0 {
		t.Errorf("sitemap.xml: %v", ps)
	}
	if ps := feed.CheckIndeed(indeed); len(ps) > 0 {
		t.Errorf("indeed.xml: %v", ps)
	}
	// 2 locations (Remote, US and Remote, Canada) per open posting.
	if n := bytes.Count(indeed, []byte("<job>")); n != 2*len(byPath) {
		t.Errorf("%d jobs in the feed, want %d", n, 2*len(byPath))
	}
	if n := bytes.Count(sitemap, []byte("<url>")); n != len(byPath)+1 {
		t.Errorf("%d URLs in the sitemap, want %d (the index and every open posting)", n, len(byPath)+1)
	}

	// Another run over the same folder rebuilds the site from the records.
	for _, name := range []string{"index.html", "sitemap.xml", "indeed.xml"} {
		if err := os.Remove(filepath.Join(dir, name)); err != nil {
			t.Fatal(err)
		}
	}
	cfg, err := config.Load(filepath.Join("..", "..", "..", "..", "examples", "jobsync.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	lb, _ := cfg.Board("local")
	opts, err := ats.Decoded[local.Config](lb.Options)
	if err != nil {
		t.Fatal(err)
	}
	b, err := local.New("local", dir, local.WithSite(opts.SiteURL, opts.FeedEmail))
	if err != nil {
		t.Fatal(err)
	}
	unlock, err := b.Lock(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := b.List(context.Background()); err != nil {
		t.Fatal(err)
	}
	if err := unlock(); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(read("indeed.xml"), indeed) || !bytes.Equal(read("sitemap.xml"), sitemap) {
		t.Error("the feeds built again from the same board differ")
	}
	if !strings.Contains(string(indeed), "<email><![CDATA[recruiting@example.com]]></email>") {
		t.Error("the feed lacks the company's contact")
	}
}
