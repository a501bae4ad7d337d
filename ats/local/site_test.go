package local

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jobsync/jobsync/ats/local/site"
	"github.com/jobsync/jobsync/ats/local/site/feed"
)

// TestSiteFeeds: with a site URL the board writes sitemap.xml and
// indeed.xml beside index.html; both pass their checks, every page's
// JSON-LD passes site.Check, and a board that changed nothing writes none
// of them again.
func TestSiteFeeds(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	dir := t.TempDir()
	newBoard := func() *Board {
		b, err := New("local", dir, WithClock(func() time.Time { return testTime }), WithLockWait(0),
			WithSite("https://jobs.example.com/", "recruiting@example.com"))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	b := newBoard()
	var ids []string
	for i := range 3 {
		p := testPosting(i, 0)
		p.Company, p.CompanyURL = "GitLab", "https://about.gitlab.com"
		p.Locations = []string{"Remote, US", "Berlin, Germany"}
		r, err := b.Create(ctx, p)
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, r.ID)
	}
	if err := b.Close(ctx, ids[2]); err != nil {
		t.Fatal(err)
	}
	read := func(name string) []byte {
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		return data
	}
	sitemap, indeed := read(sitemapName), read(indeedName)
	if ps := feed.CheckSitemap(sitemap); len(ps) > 0 {
		t.Errorf("sitemap: %v", ps)
	}
	if ps := feed.CheckIndeed(indeed); len(ps) > 0 {
		t.Errorf("indeed: %v", ps)
	}
	if strings.Contains(string(sitemap), ids[2]) || strings.Contains(string(indeed), ids[2]) {
		t.Error("a closed posting is in the feeds")
	}
	if n := strings.Count(string(indeed), "<job>"); n != 4 {
		t.Errorf("%d jobs in the feed, want 4 (2 open postings × 2 locations)", n)
	}
	for _, id := range ids[:2] {
		page := string(read(filepath.Join("postings", id+".html")))
		start := strings.Index(page, `<script type="application/ld+json">`)
		end := strings.Index(page, "</script>")
		if start < 0 || end < start {
			t.Fatalf("%s: no JSON-LD", id)
		}
		data := page[start+len(`<script type="application/ld+json">`) : end]
		for _, p := range site.Check([]byte(data), testTime) {
			if p.Required {
				t.Errorf("%s: %s", id, p)
			}
		}
		if !strings.Contains(page, `<link rel="canonical" href="https://jobs.example.com/postings/`+id+`.html">`) {
			t.Errorf("%s: no canonical link", id)
		}
	}

	// A later run that writes nothing leaves every file alone.
	next := newBoard()
	unlock, err := next.Lock(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := next.List(ctx); err != nil {
		t.Fatal(err)
	}
	if err := unlock(); err != nil {
		t.Fatal(err)
	}
	if next.written.Load() != 0 || !bytes.Equal(read(indeedName), indeed) {
		t.Errorf("an idle run wrote %d files", next.written.Load())
	}
	// Closing a posting rewrites the feeds without it.
	if err := next.Close(ctx, ids[1]); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(read(indeedName)), "<job>"); n != 2 {
		t.Errorf("%d jobs in the feed after a close, want 2", n)
	}
}
