package config

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/jobsync/jobsync/ats"
	_ "github.com/jobsync/jobsync/ats/boards" // the board types
	"github.com/jobsync/jobsync/ats/greenhouse"
	"github.com/jobsync/jobsync/ats/lever"
	"github.com/jobsync/jobsync/ats/local"
	"github.com/jobsync/jobsync/posting"
)

func TestLoadValid(t *testing.T) {
	t.Parallel()
	c, err := Load(filepath.Join("testdata", "valid.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	dir, err := filepath.Abs("testdata")
	if err != nil {
		t.Fatal(err)
	}
	if c.Dir != dir || c.Path != filepath.Join("testdata", "valid.yaml") {
		t.Errorf("Path, Dir = %q, %q", c.Path, c.Dir)
	}
	if c.Company != (Company{Name: "GitLab", URL: "https://about.gitlab.com"}) {
		t.Errorf("Company = %+v", c.Company)
	}
	wantSources := []Source{
		{Path: filepath.Join(dir, "pages", "product-manager.md"), BaseURL: "https://handbook.gitlab.com", Line: 6},
		{URL: "https://handbook.gitlab.com/job-families/product/product-manager/", Line: 8},
		{Path: "/srv/handbook/engineer.md", Line: 9},
	}
	if !slices.Equal(c.Sources, wantSources) {
		t.Errorf("Sources = %+v\nwant      %+v", c.Sources, wantSources)
	}
	wantBoards := []Board{
		{Name: "local", Type: "local", Options: &local.Config{Dir: ats.Path(filepath.Join(dir, "out", "board"))}, Line: 11},
		{Name: "greenhouse-eu", Type: "greenhouse", Options: &greenhouse.Config{TemplateJobID: 4012345, CloseOpenings: true}, Concurrency: 4, Line: 14},
		{Name: "lever", Type: "lever", Options: &lever.Config{DistributionChannels: []string{"public"}}, Line: 20},
	}
	if len(c.Boards) != len(wantBoards) {
		t.Fatalf("Boards = %+v", c.Boards)
	}
	for i, b := range c.Boards {
		if w := wantBoards[i]; !reflect.DeepEqual(b, w) {
			t.Errorf("board %d = %+v %+v\nwant      %+v %+v", i, b, b.Options, w, w.Options)
		}
	}
	if b, ok := c.Board("greenhouse-eu"); !ok || b.Options.(*greenhouse.Config).TemplateJobID != 4012345 {
		t.Errorf("Board(greenhouse-eu) = %+v, %v", b, ok)
	}
	if _, ok := c.Board("nope"); ok {
		t.Error("Board(nope) found")
	}
	wantOpenings := []posting.Opening{
		{
			Family: "product-manager", Level: "Senior Product Manager", Specialty: "Verify (CI)",
			Locations: []string{"Remote", "Berlin, Germany"}, Department: "Product", EmploymentType: "Full-time",
			Workplace: "remote", Pay: &posting.Pay{Min: 120000, Max: 160000, Currency: "USD"},
			Boards: []string{"local", "greenhouse-eu"},
		},
		{Family: "Product Manager", Level: "*", Specialty: "Govern", Locations: []string{"Remote"}},
	}
	if len(c.Openings) != len(wantOpenings) {
		t.Fatalf("Openings = %+v", c.Openings)
	}
	for i, o := range c.Openings {
		if got, want := fmt.Sprintf("%+v", o), fmt.Sprintf("%+v", wantOpenings[i]); got != want {
			t.Errorf("opening %d = %s\nwant        %s", i, got, want)
		}
	}
	if !slices.Equal(c.OpeningLines, []int{24, 33}) {
		t.Errorf("OpeningLines = %v", c.OpeningLines)
	}
	if c.Guards != (ats.Guards{MaxClosePercent: 10.5, MaxCloseCount: 2}) {
		t.Errorf("Guards = %+v", c.Guards)
	}
	if c.Preview() {
		t.Error("Preview with openings")
	}
}

func TestLoadOpeningsAndDefaults(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		file        string
		wantNil     bool
		wantPreview bool
	}{
		{file: "empty-openings.yaml", wantNil: false, wantPreview: false},
		{file: "null-sections.yaml", wantNil: true, wantPreview: true},
	} {
		t.Run(tc.file, func(t *testing.T) {
			t.Parallel()
			c, err := Load(filepath.Join("testdata", tc.file))
			if err != nil {
				t.Fatal(err)
			}
			if (c.Openings == nil) != tc.wantNil || len(c.Openings) != 0 || c.Preview() != tc.wantPreview {
				t.Errorf("Openings = %#v, Preview = %v", c.Openings, c.Preview())
			}
			if c.Guards != ats.DefaultGuards() {
				t.Errorf("Guards = %+v, want the defaults", c.Guards)
			}
		})
	}
}

func TestLoadProblems(t *testing.T) {
	t.Parallel()
	type want struct {
		line int
		has  string
	}
	for _, tc := range []struct {
		file string
		want []want // every problem, in order
	}{
		{
			file: "unknown-nested.yaml",
			want: []want{{14, `unknown key "per" in pay; known keys: currency, interval, max, min`}},
		},
		{
			file: "syntax.yaml",
			want: []want{{3, "invalid YAML"}},
		},
		{
			file: "many-problems.yaml",
			want: []want{
				{3, `unknown key "website" in company`},
				{5, "both a path and a url"},
				{7, "want an https URL"},
				{9, `board "Local Board": name may hold only`},
				{9, "a local board needs a dir"},
				{13, "dir is a local setting, not for a greenhouse board"},
				{14, `template_job_id: want a whole number, got "twelve"`},
				{15, `board "gh": name already used on line 11`},
				{16, `board type "workday"`},
				{18, `board "local" is not configured`},
				{18, `board "lever" is not configured`},
				{20, `workplace "office"`},
				{21, `pay currency "usd"`},
				{21, "min 200 is more than max 100"},
				{23, "no family"},
				{25, "max_close_percent 250"},
			},
		},
	} {
		t.Run(tc.file, func(t *testing.T) {
			t.Parallel()
			path := filepath.Join("testdata", tc.file)
			_, err := Load(path)
			var ce *Error
			if !errors.As(err, &ce) {
				t.Fatalf("Load = %v, want an *Error", err)
			}
			if len(ce.Problems) != len(tc.want) {
				t.Errorf("got %d problems, want %d:\n%v", len(ce.Problems), len(tc.want), err)
			}
			lines := strings.Split(err.Error(), "\n")
			for i, w := range tc.want {
				if i >= len(ce.Problems) {
					break
				}
				if p := ce.Problems[i]; p.Line != w.line || !strings.Contains(p.Message, w.has) {
					t.Errorf("problem %d = %d: %s\nwant        %d: …%s…", i, p.Line, p.Message, w.line, w.has)
				}
				if prefix := fmt.Sprintf("%s:%d: ", path, w.line); i < len(lines) && !strings.HasPrefix(lines[i], prefix) {
					t.Errorf("error line %d = %q, want it to start %q", i, lines[i], prefix)
				}
			}
		})
	}
}

func TestParse(t *testing.T) {
	t.Parallel()
	const head = "sources: [{path: p.md}]\nboards: [{name: local, type: local, dir: out}]\n"
	for _, tc := range []struct {
		name    string
		yaml    string
		wantErr string // "" for none
		check   func(t *testing.T, c *Config)
	}{
		{name: "minimal", yaml: head, check: func(t *testing.T, c *Config) {
			if c.Sources[0].Path != filepath.Join("/cfg", "p.md") || c.Boards[0].Options.(*local.Config).Dir != ats.Path(filepath.Join("/cfg", "out")) {
				t.Errorf("paths not resolved against the config folder: %+v %+v", c.Sources, c.Boards)
			}
		}},
		{name: "empty file", yaml: "", wantErr: "jobsync.yaml: the file is empty"},
		{name: "only a comment", yaml: "# nothing\n", wantErr: "the file is empty"},
		{name: "not a mapping", yaml: "- a\n- b\n", wantErr: "jobsync.yaml:1: the config: want a mapping"},
		{name: "no sources or boards", yaml: "company: {name: X}\n", wantErr: "no sources"},
		{name: "no boards", yaml: "sources: [{path: p.md}]\n", wantErr: "jobsync.yaml: no boards"},
		{name: "http source to localhost is fine", yaml: "sources: [{url: 'http://127.0.0.1:8080/p.md'}, {url: 'http://localhost/p'}]\nboards: [{name: local, type: local, dir: out}]\n"},
		{name: "ftp source", yaml: "sources: [{url: 'ftp://x/p.md'}]\nboards: [{name: local, type: local, dir: out}]\n", wantErr: "jobsync.yaml:1: source url"},
		{name: "source with neither", yaml: "sources: [{base_url: 'https://x'}]\nboards: [{name: local, type: local, dir: out}]\n", wantErr: "jobsync.yaml:1: source: want a path or a url"},
		{name: "repeated key", yaml: head + "company:\n  name: A\n  name: B\n", wantErr: `jobsync.yaml:5: company: key "name" repeated (first on line 4)`},
		{name: "unknown top-level key", yaml: head + "opennings: []\n", wantErr: `jobsync.yaml:3: unknown key "opennings" in the config`},
		{name: "board without type", yaml: "sources: [{path: p.md}]\nboards: [{name: x}]\n", wantErr: `board "x": no type`},
		{name: "board without name", yaml: "sources: [{path: p.md}]\nboards: [{type: lever}]\n", wantErr: "board: no name"},
		{name: "lever channel", yaml: "sources: [{path: p.md}]\nboards: [{name: l, type: lever, distribution_channels: [outer]}]\n", wantErr: `distribution channel "outer"`},
		{name: "wrong kind for a list", yaml: "sources: {path: p.md}\nboards: [{name: local, type: local, dir: out}]\n", wantErr: "jobsync.yaml:1: sources: want a list, got a mapping"},
		{name: "wrong kind for a string", yaml: head + "company: {name: [a, b]}\n", wantErr: "company name: want a string, got a list"},
		{name: "bool as string", yaml: "sources: [{path: p.md}]\nboards: [{name: g, type: greenhouse, close_openings: 'yes'}]\n", wantErr: `close_openings: want true or false, got "yes"`},
		{name: "negative concurrency", yaml: "sources: [{path: p.md}]\nboards: [{name: g, type: greenhouse, concurrency: -1}]\n", wantErr: "concurrency -1"},
		{name: "pay without currency", yaml: head + "openings: [{family: f, level: l, pay: {min: 1, max: 2}}]\n", wantErr: "jobsync.yaml:3: pay: want min, max and currency"},
		{name: "pay interval", yaml: head + "openings: [{family: f, level: l, pay: {min: 1, max: 2, currency: EUR, interval: week}}]\n", wantErr: `pay interval "week"`},
		{name: "one location as a string", yaml: head + "openings: [{family: f, level: '*', locations: Remote}]\n", check: func(t *testing.T, c *Config) {
			if !slices.Equal(c.Openings[0].Locations, []string{"Remote"}) {
				t.Errorf("Locations = %q", c.Openings[0].Locations)
			}
		}},
		{name: "aliases are followed", yaml: head + "openings:\n  - &o {family: f, level: '*', boards: [local]}\n  - *o\n", check: func(t *testing.T, c *Config) {
			if len(c.Openings) != 2 || c.Openings[1].Family != "f" || !slices.Equal(c.OpeningLines, []int{4, 4}) {
				t.Errorf("Openings = %+v, lines %v", c.Openings, c.OpeningLines)
			}
		}},
		{name: "alias bomb", yaml: "a: &a [{path: p}, {path: p}, {path: p}, {path: p}, {path: p}, {path: p}, {path: p}, {path: p}, {path: p}, {path: p}]\n" +
			"b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n" +
			"e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\nsources: *e\n", wantErr: "jobsync.yaml:4: source: want a mapping of keys to values, got a list"}, // the schema nests no lists: aliases cannot explode
		{name: "guards", yaml: head + "guards: {max_close_percent: 0, max_close_count: 0}\n", check: func(t *testing.T, c *Config) {
			if c.Guards != (ats.Guards{}) {
				t.Errorf("Guards = %+v, want zero", c.Guards)
			}
		}},
		{name: "one guard set, the other the default", yaml: head + "guards: {max_close_count: 0}\n", check: func(t *testing.T, c *Config) {
			if want := (ats.Guards{MaxClosePercent: ats.DefaultGuards().MaxClosePercent}); c.Guards != want {
				t.Errorf("Guards = %+v, want %+v", c.Guards, want)
			}
		}},
		{name: "owner", yaml: head + "company: {name: Acme Inc.}\nowner: team-a\n", check: func(t *testing.T, c *Config) {
			if c.OwnerID() != "team-a" || c.DefaultOwner() != "acme-inc" {
				t.Errorf("owner %q, default %q", c.OwnerID(), c.DefaultOwner())
			}
		}},
		{name: "owner derived from the company", yaml: head + "company: {name: GitLab}\n", check: func(t *testing.T, c *Config) {
			if c.OwnerID() != "gitlab" || c.DefaultOwner() != "gitlab" {
				t.Errorf("owner %q, default %q", c.OwnerID(), c.DefaultOwner())
			}
		}},
		{name: "no company: owner jobsync", yaml: head, check: func(t *testing.T, c *Config) {
			if c.OwnerID() != "jobsync" {
				t.Errorf("owner %q", c.OwnerID())
			}
		}},
		{name: "owner with a space", yaml: head + "owner: team a\n", wantErr: `jobsync.yaml:3: owner "team a": want lower-case letters`},
		{name: "guards of the wrong kind", yaml: head + "guards: {max_close_percent: lots, max_close_count: 1.5}\n", wantErr: `max_close_percent: want a number, got "lots"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			c, err := Parse("jobsync.yaml", "/cfg", []byte(tc.yaml))
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("Parse error = %v, want one holding %q", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			if tc.check != nil {
				tc.check(t, c)
			}
		})
	}
}

func TestLoadMissingFile(t *testing.T) {
	t.Parallel()
	_, err := Load(filepath.Join(t.TempDir(), "nope.yaml"))
	if !errors.Is(err, os.ErrNotExist) {
		t.Errorf("Load = %v, want os.ErrNotExist", err)
	}
}

func TestLocate(t *testing.T) {
	t.Parallel()
	c, err := Load(filepath.Join("testdata", "valid.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	family := posting.Family{
		Key: "product-manager", Title: "Product Manager",
		Levels: []posting.Level{{Key: "product-manager", Title: "Product Manager", Grade: 7}},
	}
	_, composeErr := posting.Compose([]posting.Family{family}, c.Openings, posting.ComposeOptions{})
	if composeErr == nil {
		t.Fatal("Compose accepted openings of levels and specialties the family lacks")
	}
	located := c.Locate(composeErr)
	msg := located.Error()
	path := filepath.Join("testdata", "valid.yaml")
	for _, want := range []string{path + ":24: opening: unknown level", path + ":33: opening: unknown specialty"} {
		if !strings.Contains(msg, want) {
			t.Errorf("Locate = %q, lacks %q", msg, want)
		}
	}
	if !errors.Is(located, posting.ErrUnknownLevel) && !strings.Contains(msg, "unknown level") {
		t.Errorf("Locate lost the error: %v", located)
	}
	conflicting := []posting.Opening{
		{Family: "product-manager", Level: "*", Locations: []string{"Remote"}},
		{Family: "product-manager", Level: "Product Manager", Locations: []string{"Berlin"}},
	}
	c2 := *c
	c2.Openings, c2.OpeningLines = conflicting, []int{30, 40}
	_, composeErr = posting.Compose([]posting.Family{family}, c2.Openings, posting.ComposeOptions{})
	if msg := c2.Locate(composeErr).Error(); !strings.Contains(msg, path+":40: opening:") || !strings.Contains(msg, "the opening on line 30") {
		t.Errorf("Locate of a conflict = %q", msg)
	}
	other := errors.New("boom")
	if got := c.Locate(other); got != other {
		t.Errorf("Locate(other) = %v", got)
	}
	if c.Locate(nil) != nil {
		t.Error("Locate(nil) != nil")
	}
}

// TestExamples loads the example configs the README uses.
func TestExamples(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		file         string
		wantOpenings int
	}{
		{"jobsync.yaml", 4}, // one per level, every specialty: the 112 postings of the README
		{"openings.yaml", 3},
	} {
		t.Run(tc.file, func(t *testing.T) {
			t.Parallel()
			path := filepath.Join("..", "examples", tc.file)
			c, err := Load(path)
			if err != nil {
				t.Fatal(err)
			}
			if len(c.Openings) != tc.wantOpenings || (tc.wantOpenings == 0) != c.Preview() {
				t.Errorf("%d openings, preview %v", len(c.Openings), c.Preview())
			}
			page, err := filepath.Abs(filepath.Join("..", "testdata", "product-manager.md"))
			if err != nil {
				t.Fatal(err)
			}
			if len(c.Sources) != 1 || c.Sources[0].Path != page || c.Sources[0].BaseURL != "https://handbook.gitlab.com" {
				t.Errorf("Sources = %+v, want %s", c.Sources, page)
			}
			if _, err := os.Stat(c.Sources[0].Path); err != nil {
				t.Errorf("the example's page: %v", err)
			}
			if len(c.Boards) != 1 || c.Boards[0].Type != "local" {
				t.Errorf("Boards = %+v, want one local board", c.Boards)
			}
		})
	}
}

// TestEveryExampleLoads loads every config in examples/, whoever wrote it.
func TestEveryExampleLoads(t *testing.T) {
	t.Parallel()
	files, err := filepath.Glob(filepath.Join("..", "examples", "*.yaml"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no examples: %v", err)
	}
	for _, f := range files {
		if _, err := Load(f); err != nil {
			t.Errorf("%v", err)
		}
	}
}
