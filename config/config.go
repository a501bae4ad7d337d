// Package config reads jobsync's settings: the YAML config file (sources,
// boards, openings, guards), validated strictly and with every problem
// reported at once, and the environment (JOBSYNC_*), where secrets and
// per-board overrides live.
//
// config knows no board type. It decodes the keys every board has (name,
// type, concurrency) and hands the others to the board's type, as the
// ats registry describes it (ats.Kind): they are decoded strictly into the
// struct its Options returns, and its variables are read into the struct
// its Env returns. The types are those registered when a config is read:
// import ats/boards for every board jobsync ships.
package config

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"

	"github.com/jobsync/jobsync/ats"
	"github.com/jobsync/jobsync/posting"
)

// ErrNoConfig is wrapped by Load's error for a config file that is not
// there.
var ErrNoConfig = errors.New("no such file")

// noConfigError is a config file that is not there: "config /abs/path: no
// such file". It is ErrNoConfig, and fs.ErrNotExist for errors.Is.
type noConfigError string

func (e noConfigError) Error() string { return "config " + string(e) + ": " + ErrNoConfig.Error() }

func (e noConfigError) Is(target error) bool {
	return target == ErrNoConfig || target == fs.ErrNotExist
}

// Limits on a config, so that a few lines repeated by YAML aliases cannot
// make hundreds of thousands of postings (20,000 aliased openings took 82 s
// and 1.7 GB): each alias counts as the opening it repeats.
const (
	MaxOpenings  = 1000 // openings in one config
	MaxLocations = 200  // locations of one opening
)

// DefaultPath is the config file used when neither a flag nor JOBSYNC_CONFIG
// names one.
const DefaultPath = "jobsync.yaml"

// Config is a config file, decoded and validated. Relative paths in it are
// resolved against the file's folder.
type Config struct {
	Path string // the file as it was named
	Dir  string // its folder, absolute

	Company Company
	// Owner is the owner id the file names (key owner), or empty: see
	// OwnerID.
	Owner     string
	OwnerLine int
	Sources   []Source
	Boards    []Board
	Openings  []posting.Opening // nil when the file has no openings: a preview of every level × specialty
	// OpeningLines holds the line of each opening, parallel to Openings.
	OpeningLines []int
	// Guards are the file's guards; a key the file leaves out keeps
	// ats.DefaultGuards' value, and 0 means 0 (the strictest).
	// AllowMassClose is never set here: it is a flag.
	Guards ats.Guards
	// PayTransparency is what an opening without the pay range a
	// pay-transparency law requires does: PayError (the default) stops
	// the run before any write, PayWarn logs a warning.
	PayTransparency string
	// PayTransparencyLine is the key's line, or 0.
	PayTransparencyLine int
}

// The values of pay_transparency.
const (
	PayError = "error"
	PayWarn  = "warn"
)

// Company is what postings say about the employer.
type Company struct {
	Name string
	URL  string // the company's home page: the careers site links it
	// ApplyURL or ApplyEmail is where to apply for openings that say
	// neither.
	ApplyURL   string
	ApplyEmail string
	// Employees is the company's size, for the employer-size thresholds of
	// pay-transparency laws; 0 (unknown) applies every law.
	Employees int
}

// Source is one handbook page, or a folder of them, to read.
type Source struct {
	Path    string // a file or folder, absolute; or empty when URL is set
	URL     string // an http(s) URL; or empty when Path is set
	BaseURL string // makes the page's relative links absolute
	Line    int
}

// Board is one job board to publish to. Secrets are never here: they come
// from the environment (see LoadBoardEnv).
type Board struct {
	Name string
	Type string // the name of a registered ats.Kind
	// Options are the board's type-specific keys: what its Kind's Options
	// returned, decoded, with paths made absolute; nil when it takes none.
	Options any

	Concurrency int // writes at once; 0 means the adapter's default
	Line        int
}

// Load reads, decodes and validates the config file at path. Every problem
// in the file is reported in one *Error.
func Load(path string) (*Config, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		where := path
		if abs, err := filepath.Abs(path); err == nil {
			where = abs
		}
		return nil, noConfigError(where)
	}
	if err != nil {
		return nil, fmt.Errorf("config: %w", err)
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("config: %w", err)
	}
	return Parse(path, filepath.Dir(abs), data)
}

// Parse decodes and validates config data as if read from path, resolving
// relative paths against dir.
func Parse(path, dir string, data []byte) (*Config, error) {
	c := &Config{
		Path:   path,
		Dir:    dir,
		Guards: ats.DefaultGuards(),

		PayTransparency: PayError,
	}
	var p problems
	if decode(c, data, &p) {
		validate(c, &p)
	}
	if err := p.err(path); err != nil {
		return nil, err
	}
	return c, nil
}

// OwnerID is the owner the config publishes as: written in the marker of
// every posting it writes, and the only owner whose postings it updates
// or closes. Without an owner key it is DefaultOwner.
func (c *Config) OwnerID() string {
	if c.Owner != "" {
		return c.Owner
	}
	return c.DefaultOwner()
}

// DefaultOwner is the owner derived from the company's name ("Acme Inc."
// gives "acme-inc"; no name gives "jobsync"). It also owns every marker
// written before owners, which names none, so that a board synced before
// sees no change. A company that renames itself keeps its postings by
// setting owner to the old default.
func (c *Config) DefaultOwner() string {
	if s := posting.Slug(c.Company.Name); s != "" {
		return s
	}
	return "jobsync"
}

// Board returns the board named name.
func (c *Config) Board(name string) (Board, bool) {
	for _, b := range c.Boards {
		if b.Name == name {
			return b, true
		}
	}
	return Board{}, false
}

// Preview reports whether the file has no openings, so that every level ×
// specialty is composed; only local boards may take such a preview.
func (c *Config) Preview() bool {
	return c.Openings == nil
}

// Locate returns err with the problems that posting.Compose found in
// openings placed at their lines in the file: an *Error listing one
// "file:line: message" per opening error. Errors that name no opening are
// kept as they are, joined after it.
func (c *Config) Locate(err error) error {
	if err == nil {
		return nil
	}
	var p problems
	var rest []error
	for _, e := range flatten(err) {
		var oe *posting.OpeningError
		if errors.As(e, &oe) && oe.Index >= 0 && oe.Index < len(c.OpeningLines) {
			p.add(c.OpeningLines[oe.Index], "opening: %s", c.openingRefsToLines(oe.Err.Error()))
			continue
		}
		rest = append(rest, e)
	}
	located := p.err(c.Path)
	if located == nil {
		return err
	}
	return errors.Join(append([]error{located}, rest...)...)
}

var openingRefRE = regexp.MustCompile(`openings\[(\d+)\]`)

// openingRefsToLines rewrites "openings[3]" in msg as "the opening on line
// 42", the way a person reading the file finds it.
func (c *Config) openingRefsToLines(msg string) string {
	return openingRefRE.ReplaceAllStringFunc(msg, func(ref string) string {
		i, err := strconv.Atoi(ref[len("openings[") : len(ref)-1])
		if err != nil || i < 0 || i >= len(c.OpeningLines) {
			return ref
		}
		return fmt.Sprintf("the opening on line %d", c.OpeningLines[i])
	})
}

// flatten lists the errors joined in err.
func flatten(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		var out []error
		for _, e := range j.Unwrap() {
			out = append(out, flatten(e)...)
		}
		return out
	}
	return []error{err}
}
