package source

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jobsync/jobsync/posting"
)

// TestFolderOfLevelPages: an _index.md with pages beside it that each hold
// one level and a weight is one family, its levels in weight order, each
// with what its page says.
func TestFolderOfLevelPages(t *testing.T) {
	t.Parallel()
	fams := loadFamilies(t, filepath.Join("testdata", "folders", "level-pages"))
	if len(fams) != 1 {
		t.Fatalf("%d families, want 1: %+v", len(fams), fams)
	}
	f := fams[0]
	if f.Title != "Ratchet Manager" || strings.Join(f.BaseRequirements, "|") != "Ratchet experience" {
		t.Errorf("family %q, base requirements %q", f.Title, f.BaseRequirements)
	}
	var got []string
	for _, l := range f.Levels {
		got = append(got, l.Title+"|"+l.Grade.String()+"|"+filepath.Base(l.Source)+"|"+strings.Join(l.Requirements, ";"))
	}
	want := "Associate Ratchet Manager|0|associate.md|\nSenior Ratchet Manager|9|senior.md|Managed ratchet managers"
	if strings.Join(got, "\n") != want {
		t.Errorf("levels:\n%s\nwant:\n%s", strings.Join(got, "\n"), want)
	}
	if !strings.Contains(f.Levels[0].Description, "Runs one ratchet team") {
		t.Errorf("associate description %q", f.Levels[0].Description)
	}
}

// TestFolderOfFamilies: beside an _index.md, a page with several levels is
// a family of its own, and so is the _index.md.
func TestFolderOfFamilies(t *testing.T) {
	t.Parallel()
	fams := loadFamilies(t, filepath.Join("testdata", "folders", "families"))
	var titles []string
	for _, f := range fams {
		titles = append(titles, f.Title)
	}
	if strings.Join(titles, "|") != "Ratchet Roles|Ratchet Tester" {
		t.Errorf("families %q, want the _index and the tester page apart", titles)
	}
}

// TestFolderOfRealLevelPages puts GitLab's Technology Partner Manager
// _index.md and two of its level pages from the shared corpus in one
// folder, as the handbook has them: one family, grades 5 and 9.
func TestFolderOfRealLevelPages(t *testing.T) {
	t.Parallel()
	root := shared(t)
	dir := t.TempDir()
	for src, dst := range map[string]string{
		"gitlab/alliances__technology-partner-manager___index.md":               "_index.md",
		"gitlab-newer/alliances__technology-partner-manager__associate.md":      "associate.md",
		"gitlab-newer/alliances__technology-partner-manager__senior-manager.md": "senior-manager.md",
	} {
		data, err := os.ReadFile(filepath.Join(root, src))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, dst), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	fams := loadFamilies(t, dir)
	if len(fams) != 1 {
		t.Fatalf("%d families", len(fams))
	}
	var got []string
	for _, l := range fams[0].Levels {
		got = append(got, l.Title+" "+l.Grade.String())
	}
	if strings.Join(got, "|") != "Associate Technology Partner Manager 5|Senior Manager, Technology Partner Managers 9" {
		t.Errorf("levels %q", got)
	}
}

// loadFamilies loads loc and fails the test on any page's error.
func loadFamilies(t *testing.T, loc string) []posting.Family {
	t.Helper()
	var fams []posting.Family
	for _, l := range Load(t.Context(), loc, LoadOptions{}) {
		if l.Err != nil {
			t.Fatalf("%s: %v", l.Path, l.Err)
		}
		fams = append(fams, l.Family)
	}
	return fams
}
