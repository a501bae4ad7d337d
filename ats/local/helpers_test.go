package local

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jobsync/jobsync/ats"
	"github.com/jobsync/jobsync/posting"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// testTime is the fixed clock of the tests.
var testTime = time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)

// newTestBoard is a board named "local" in a new temporary folder (or dir),
// with a fixed clock and a lock that is tried once.
func newTestBoard(t testing.TB, dir string) *Board {
	t.Helper()
	if dir == "" {
		dir = t.TempDir()
	}
	b, err := New("local", dir, WithClock(func() time.Time { return testTime }), WithLockWait(0))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

var (
	testLevels      = []string{"Product Manager", "Senior Product Manager", "Principal Product Manager", "Group Manager, Product"}
	testSpecialties = []string{"Verify (CI)", "Plan", "Create: Source Code", "Package: Registry", "Delivery & Scalability"}
)

// testPosting is the i-th of many distinct postings, in revision rev (a
// revision keeps the key and changes the body and hash).
func testPosting(i, rev int) posting.Posting {
	level := testLevels[i%len(testLevels)]
	spec := testSpecialties[(i/len(testLevels))%len(testSpecialties)]
	if round := i / (len(testLevels) * len(testSpecialties)); round > 0 {
		spec = fmt.Sprintf("%s %d", spec, round+1)
	}
	md := fmt.Sprintf("## About the role\n\nAs a %s you own %s.\n\n## Requirements\n\n- Five years of product work.\n- Talks to customers & engineers.\n", level, spec)
	// The HTML is written out rather than rendered, so that the golden
	// files do not follow posting's renderer.
	body := fmt.Sprintf("<h2>About the role</h2>\n<p>As a %s you own %s.</p>\n<h2>Requirements</h2>\n<ul>\n<li>Five years of product work.</li>\n<li>Talks to customers &amp; engineers.</li>\n", html.EscapeString(level), html.EscapeString(spec))
	if rev > 0 {
		md += fmt.Sprintf("- Revision %d.\n", rev)
		body += fmt.Sprintf("<li>Revision %d.</li>\n", rev)
	}
	body += "</ul>\n"
	p := posting.Posting{
		Key:            "product-manager/" + posting.Slug(level) + "/" + posting.Slug(spec),
		Title:          level + ", " + spec,
		Family:         "product-manager",
		Level:          posting.Slug(level),
		Specialty:      posting.Slug(spec),
		Grade:          posting.Grade(7 + i%len(testLevels)),
		Locations:      []string{"Remote, EMEA", "Remote, Americas"},
		Department:     "Product",
		EmploymentType: "Full-time",
		Workplace:      "remote",
		Pay:            &posting.Pay{Min: 120000, Max: 180000, Currency: "USD", Interval: "year"},
		SourceURL:      "https://handbook.gitlab.com/job-families/product/product-manager/",
		Markdown:       md,
		HTML:           body,
	}
	sum := sha256.Sum256([]byte(p.Title + "\x00" + p.HTML))
	p.Hash = hex.EncodeToString(sum[:8])
	return p
}

func testPostings(n int) []posting.Posting {
	ps := make([]posting.Posting, n)
	for i := range ps {
		ps[i] = testPosting(i, 0)
	}
	return ps
}

// syncBoard is what `jobsync sync` does to one board (ats.Sync), closes
// allowed.
func syncBoard(t testing.TB, b *Board, desired []posting.Posting) ats.Plan {
	t.Helper()
	plans, err := ats.Sync(context.Background(), ats.Targets(b), desired, ats.RunOptions{Guards: ats.Guards{AllowMassClose: true}}, ats.ApplyOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return plans[0]
}

// writeHandMade writes a posting file as a person would, without a marker.
func writeHandMade(t testing.TB, b *Board, id, content string) string {
	t.Helper()
	if err := os.MkdirAll(b.postings, 0o755); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(b.postings, id+".json")
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// readRecord reads the JSON file of id.
func readRecord(t testing.TB, b *Board, id string) record {
	t.Helper()
	data, err := os.ReadFile(b.jsonPath(id))
	if err != nil {
		t.Fatal(err)
	}
	rec, err := decodeRecord(data)
	if err != nil {
		t.Fatal(err)
	}
	return rec
}

// editRecord changes the JSON file of id by hand.
func editRecord(t testing.TB, b *Board, id string, edit func(map[string]any)) {
	t.Helper()
	data, err := os.ReadFile(b.jsonPath(id))
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]any{}
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	edit(m)
	out, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(b.jsonPath(id), out, 0o644); err != nil {
		t.Fatal(err)
	}
}

func readIndex(t testing.TB, b *Board) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(b.dir, indexName))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// listByID lists b and indexes the result by id.
func listByID(t testing.TB, b *Board) map[string]ats.Remote {
	t.Helper()
	rs, err := b.List(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	m := make(map[string]ats.Remote, len(rs))
	for _, r := range rs {
		m[r.ID] = r
	}
	return m
}

// snapshot maps every file under dir to its content and modification time.
func snapshot(t testing.TB, dir string) map[string]string {
	t.Helper()
	m := map[string]string{}
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		m[strings.TrimPrefix(path, dir)] = info.ModTime().Format(time.RFC3339Nano) + "\n" + string(data)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}
