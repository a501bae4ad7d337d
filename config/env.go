package config

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"time"

	"github.com/kelseyhightower/envconfig"

	"github.com/jobsync/jobsync/ats"
)

// EnvPrefix starts the name of every environment variable jobsync reads.
const EnvPrefix = "JOBSYNC"

// Settings are the process-wide settings from the environment:
// JOBSYNC_CONFIG, JOBSYNC_LOG_LEVEL, JOBSYNC_LOG_FORMAT, JOBSYNC_CACHE_DIR.
type Settings struct {
	Config    string `split_words:"true"`                // JOBSYNC_CONFIG: the config file
	LogLevel  string `split_words:"true" default:"info"` // JOBSYNC_LOG_LEVEL: debug, info, warn, error
	LogFormat string `split_words:"true"`                // JOBSYNC_LOG_FORMAT: console, json, or "" to pick by terminal
	CacheDir  string `split_words:"true"`                // JOBSYNC_CACHE_DIR: where fetched pages are cached
	// JOBSYNC_MAX_WAIT: the longest a board's Retry-After or rate-limit
	// reset holds a run ("2m"); unset: a minute.
	MaxWait time.Duration `split_words:"true"`
}

var (
	logLevels  = []string{"debug", "info", "warn", "error"}
	logFormats = []string{"", "console", "json"}
)

// LoadSettings reads Settings from the environment. Only JOBSYNC_-prefixed
// variables count: an unrelated LOG_LEVEL is ignored.
func LoadSettings() (Settings, error) {
	var s Settings
	if err := envconfig.Process(EnvPrefix, &s); err != nil {
		return Settings{}, fmt.Errorf("config: environment: %w", err)
	}
	s.LogLevel = strings.ToLower(strings.TrimSpace(s.LogLevel))
	s.LogFormat = strings.ToLower(strings.TrimSpace(s.LogFormat))
	if s.LogLevel == "" { // set but empty: the default
		s.LogLevel = "info"
	}
	if !slices.Contains(logLevels, s.LogLevel) {
		return Settings{}, fmt.Errorf("config: %s_LOG_LEVEL %q: want one of %s", EnvPrefix, s.LogLevel, strings.Join(logLevels, ", "))
	}
	if !slices.Contains(logFormats, s.LogFormat) {
		return Settings{}, fmt.Errorf("config: %s_LOG_FORMAT %q: want console or json, or leave it unset", EnvPrefix, s.LogFormat)
	}
	if s.MaxWait < 0 {
		return Settings{}, fmt.Errorf("config: %s_MAX_WAIT %s: want a duration of 0 (the default, a minute) or more, such as 2m", EnvPrefix, s.MaxWait)
	}
	return s, nil
}

// ConfigPath is the config file to read when no flag names one:
// JOBSYNC_CONFIG, else DefaultPath.
func (s Settings) ConfigPath() string {
	if s.Config != "" {
		return s.Config
	}
	return DefaultPath
}

// LoadBoardEnv reads the environment of board b: the struct its type's
// ats.Kind.Env returns, filled by envconfig from the variables named
// ats.EnvVar(b.Name, …), such as JOBSYNC_GREENHOUSE_CLIENT_SECRET. Only
// variables with the board's prefix count: a bare API_KEY is never read.
// It returns nil for a board that reads no variables.
func LoadBoardEnv(b Board) (any, error) {
	if !boardNameRE.MatchString(b.Name) {
		return nil, fmt.Errorf("config: board name %q: want only a-z, 0-9, _ and -", b.Name)
	}
	kind, ok := ats.LookupKind(b.Type)
	if !ok {
		return nil, fmt.Errorf("config: board %s: type %q: want one of %s", b.Name, b.Type, strings.Join(ats.KindNames(), ", "))
	}
	if kind.Env == nil {
		return nil, nil
	}
	env := kind.Env()
	if err := checkEnvFields(env); err != nil {
		return nil, fmt.Errorf("config: board type %s: %w", b.Type, err)
	}
	// A secret is an ats.Secret, which cannot fail to decode, so no error
	// from envconfig quotes one.
	if err := envconfig.Process(ats.EnvPrefix(b.Name), env); err != nil {
		return nil, fmt.Errorf("config: board %s: environment: %w", b.Name, err)
	}
	return env, nil
}

// checkEnvFields refuses an Env struct envconfig would read a bare,
// unprefixed variable into: a field with an envconfig tag falls back to
// the tag's name alone when the board's variable is unset.
func checkEnvFields(env any) error {
	t := reflect.TypeOf(env)
	if t == nil || t.Kind() != reflect.Pointer || t.Elem().Kind() != reflect.Struct {
		return fmt.Errorf("its Env returned %s, want a pointer to a struct", t)
	}
	for i := range t.Elem().NumField() {
		if f := t.Elem().Field(i); f.Tag.Get("envconfig") != "" {
			return fmt.Errorf("its Env field %s has an envconfig tag: name it by the field, with split_words", f.Name)
		}
	}
	return nil
}
