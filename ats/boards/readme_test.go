package boards

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jobsync/jobsync/ats"
)

var update = flag.Bool("update", false, "rewrite the README's board table")

// The README's board table sits between these lines.
const (
	tableBegin = "<!-- The board table is made from each board's ats.Kind.Facts: go test ./ats/boards -update -->\n"
	tableEnd   = "<!-- end of the board table -->\n"
)

// boardTable is the README's table of the registered boards.
func boardTable() string {
	var b strings.Builder
	b.WriteString("| board | create | update | close | ownership marker | rate limit |\n|---|---|---|---|---|---|\n")
	for _, k := range ats.Kinds() {
		f := k.Facts
		b.WriteString("| `" + k.Name + "` | " + strings.Join([]string{f.Create, f.Update, f.Close, f.Marker, f.RateLimit}, " | ") + " |\n")
	}
	return b.String()
}

// TestREADMEBoardTable fails when the README's board table is not the one
// the registered boards' Facts make: a board without a row, or a row a
// board's Facts no longer say. -update rewrites it.
func TestREADMEBoardTable(t *testing.T) {
	t.Parallel()
	path := filepath.Join("..", "..", "README.md")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	readme := string(data)
	head, rest, ok1 := strings.Cut(readme, tableBegin)
	old, tail, ok2 := strings.Cut(rest, tableEnd)
	if !ok1 || !ok2 {
		t.Fatalf("%s: no board table between %q and %q", path, tableBegin, tableEnd)
	}
	want := boardTable()
	if old == want {
		return
	}
	if *update {
		if err := os.WriteFile(path, []byte(head+tableBegin+want+tableEnd+tail), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Errorf("%s: the board table is not the registered boards' (go test ./ats/boards -update rewrites it):\n%s\nwant:\n%s", path, old, want)
}
