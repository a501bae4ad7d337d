package ats

import (
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"sync"
	"time"

	"go.uber.org/zap"
)

// Kind describes one type of board, as `type:` in a config names it. Each
// adapter package declares one and registers it from an init function;
// config, the CLI, the docs and the tests iterate the registry, so a new
// board is a new folder plus one import line in ats/boards.
type Kind struct {
	// Name is the config's type: "greenhouse".
	Name string
	// Summary is one line for --help and the docs: "Greenhouse Harvest v3".
	Summary string

	// Options returns a pointer to a new, zero options struct, which config
	// decodes strictly from the board's YAML mapping (unknown keys and bad
	// values are errors with their line). Its exported fields with a
	// `yaml:"key"` tag are the keys, snake_case; `doc:"…"` documents a key;
	// `enum:"a,b"` limits a string or a list of strings to those values;
	// `required:"true"` makes a key required. A field's type is one of
	// string, bool, int, int64, float64, []string (one string is a list of
	// one) or Path, which is resolved against the config file's folder. If
	// the struct has a method Check() []OptionError, it is called after a
	// clean decode. Nil when the board takes no options.
	Options func() any

	// Env returns a pointer to a new struct that envconfig fills from the
	// board's variables. Each exported field is tagged `split_words:"true"`
	// and read from EnvVar(board, its name in upper snake case): ClientID
	// from JOBSYNC_<BOARD>_CLIENT_ID. (Never an `envconfig:"…"` tag: with
	// one, envconfig falls back to the bare CLIENT_ID when the board's
	// variable is unset.) Secrets are fields of type Secret, so that nothing
	// prints them; overrides (BASE_URL, a user id) are strings that Open
	// parses, so that its errors, not envconfig's, say what is wrong. Nil
	// when the board reads no variables: it then has no API to point at a
	// simulator.
	Env func() any

	// Open builds the board from its decoded options and environment.
	Open func(OpenArgs) (Board, error)

	// Simulator returns an in-process simulator of the board's API, served
	// by `jobsync simulate NAME`, or an error naming an option it does not
	// take (a window for a token bucket). Nil only for a board that has no
	// API (a folder).
	Simulator func(SimOptions) (Simulator, error)

	// Preview says the board may take a config with no openings, which
	// publishes every level × specialty (the local board only).
	Preview bool

	// Facts are what the README's board table and --help say of the board.
	Facts Facts
}

// OpenArgs is what Kind.Open is given.
type OpenArgs struct {
	Name    string      // the board's configured name
	Options any         // what Kind.Options returned, decoded (nil when it is nil)
	Env     any         // what Kind.Env returned, filled (nil when it is nil)
	Logger  *zap.Logger // never nil
	// MaxWait caps a wait the board's API asks for (JOBSYNC_MAX_WAIT); 0 is
	// atshttp's default.
	MaxWait time.Duration
}

// Decoded returns v, the Options or Env an OpenArgs carries, as the *T its
// Kind made. A nil v (a board opened in code, with no config) is a new zero
// T; any other type is an error, a programming mistake in the caller.
func Decoded[T any](v any) (*T, error) {
	if v == nil {
		return new(T), nil
	}
	t, ok := v.(*T)
	if !ok || t == nil {
		return nil, fmt.Errorf("got %T, want %T", v, t)
	}
	return t, nil
}

// OptionError is one problem with a board's options, found by its Check
// method: the YAML key it concerns and what is wrong.
type OptionError struct {
	Key     string
	Message string
}

func (e OptionError) Error() string { return e.Key + ": " + e.Message }

// Path is an option that names a file or folder: config resolves it against
// the config file's folder.
type Path string

// Facts describe a board for people: one short phrase each.
type Facts struct {
	Create    string // what a create does
	Update    string // what an update does
	Close     string // what a close does
	Marker    string // where the ownership marker lives
	RateLimit string // the limit and how jobsync keeps to it
}

// Simulator is an in-process fake of a board's API, for tests, benchmarks
// and `jobsync simulate`.
type Simulator interface {
	http.Handler
	// Env returns the KEY=VALUE lines that point a board at the simulator
	// served at root (a server's root URL, "http://127.0.0.1:8081"). prefix
	// is the board's EnvPrefix ("JOBSYNC_GREENHOUSE"): the simulator does not
	// need to know how names are made.
	Env(prefix, root string) []string
}

// SimOptions tune a simulator from the command line. Zero values keep the
// simulator's defaults, which follow the real service.
type SimOptions struct {
	RateLimit int           // requests per Window (a fixed window) or per second (a token bucket)
	Window    time.Duration // the rate-limit window, where the service has one
	Faults    float64       // the share of requests that fail (0 to 1)
	Latency   time.Duration // added to every answer
	Seed      int64
}

var (
	kindsMu sync.RWMutex
	kinds   = map[string]Kind{}
)

// Register adds a board type. It panics on a kind without a name or Open,
// or on a name registered twice: both are programming errors, found at
// start-up by every test.
func Register(k Kind) {
	kindsMu.Lock()
	defer kindsMu.Unlock()
	if k.Name == "" || k.Open == nil {
		panic("ats: Register: a kind needs a Name and an Open")
	}
	if _, dup := kinds[k.Name]; dup {
		panic("ats: Register: board type " + k.Name + " registered twice")
	}
	kinds[k.Name] = k
}

// Kinds returns every registered board type, sorted by name.
func Kinds() []Kind {
	kindsMu.RLock()
	defer kindsMu.RUnlock()
	out := make([]Kind, 0, len(kinds))
	for _, k := range kinds {
		out = append(out, k)
	}
	slices.SortFunc(out, func(a, b Kind) int { return strings.Compare(a.Name, b.Name) })
	return out
}

// LookupKind returns the registered board type name.
func LookupKind(name string) (Kind, bool) {
	kindsMu.RLock()
	defer kindsMu.RUnlock()
	k, ok := kinds[name]
	return k, ok
}

// KindNames returns the registered type names, sorted.
func KindNames() []string {
	var names []string
	for _, k := range Kinds() {
		names = append(names, k.Name)
	}
	return names
}

// EnvPrefix is the prefix of a board's environment variables: "JOBSYNC_"
// and the board name upper-cased with "-" made "_" ("JOBSYNC_GH_EU" for a
// board named "gh-eu").
func EnvPrefix(board string) string {
	return "JOBSYNC_" + strings.ToUpper(strings.ReplaceAll(board, "-", "_"))
}

// EnvVar is the name of one of a board's environment variables:
// EnvVar("gh-eu", "CLIENT_ID") is "JOBSYNC_GH_EU_CLIENT_ID".
func EnvVar(board, name string) string { return EnvPrefix(board) + "_" + name }

// ErrNotOwned is wrapped by an adapter's error for a write to a posting that
// does not carry jobsync's marker: the adapter refuses to touch it.
var ErrNotOwned = errors.New("not managed by jobsync; not touching it")

// MissingEnv is the error for a required variable that is not set: it names
// the variable to set, never a value.
func MissingEnv(board, name, what string) error {
	return fmt.Errorf("no %s: set %s", what, EnvVar(board, name))
}
