package config

import (
	"fmt"
	"slices"
	"strings"

	"github.com/kelseyhightower/envconfig"
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

// BoardEnv is one board's secrets and overrides from the environment, named
// after the board: for a board "greenhouse", JOBSYNC_GREENHOUSE_BASE_URL,
// JOBSYNC_GREENHOUSE_CLIENT_SECRET and so on (see BoardEnvPrefix).
// Formatting a BoardEnv, with any verb, never shows ClientSecret or APIKey,
// and JSON leaves them out.
type BoardEnv struct {
	BaseURL       string `split_words:"true" json:"base_url,omitempty"`  // the API's base URL: a simulator in tests
	TokenURL      string `split_words:"true" json:"token_url,omitempty"` // the OAuth token URL
	ClientID      string `split_words:"true" json:"client_id,omitempty"`
	ClientSecret  string `split_words:"true" json:"-"` // secret
	UserID        string `split_words:"true" json:"user_id,omitempty"`
	APIKey        string `split_words:"true" json:"-"` // secret
	PerformAs     string `split_words:"true" json:"perform_as,omitempty"`
	TemplateJobID string `split_words:"true" json:"template_job_id,omitempty"` // a job id overriding the config's; "" when unset
}

// BoardEnvPrefix is the prefix of a board's environment variables:
// "JOBSYNC_" and the board name upper-cased, "-" made "_".
func BoardEnvPrefix(boardName string) string {
	return EnvPrefix + "_" + strings.ToUpper(strings.ReplaceAll(boardName, "-", "_"))
}

// LoadBoardEnv reads the environment of the board named boardName. Only
// variables with the board's prefix count: a bare API_KEY is never read.
func LoadBoardEnv(boardName string) (BoardEnv, error) {
	if !boardNameRE.MatchString(boardName) {
		return BoardEnv{}, fmt.Errorf("config: board name %q: want only a-z, 0-9, _ and -", boardName)
	}
	var e BoardEnv
	prefix := BoardEnvPrefix(boardName)
	if err := envconfig.Process(prefix, &e); err != nil {
		// Every field is a string, so nothing can fail to parse and no
		// error can quote a secret.
		return BoardEnv{}, fmt.Errorf("config: board %s: environment: %w", boardName, err)
	}
	return e, nil
}

// redacted stands for a secret that is set.
const redacted = "[redacted]"

func redact(secret string) string {
	if secret == "" {
		return ""
	}
	return redacted
}

// String shows the settings with the secrets redacted.
func (e BoardEnv) String() string {
	return fmt.Sprintf("{BaseURL:%s TokenURL:%s ClientID:%s ClientSecret:%s UserID:%s APIKey:%s PerformAs:%s TemplateJobID:%s}",
		e.BaseURL, e.TokenURL, e.ClientID, redact(e.ClientSecret), e.UserID, redact(e.APIKey), e.PerformAs, e.TemplateJobID)
}

// GoString is String in Go syntax, for %#v, with the secrets redacted.
func (e BoardEnv) GoString() string {
	return fmt.Sprintf("config.BoardEnv{BaseURL:%q, TokenURL:%q, ClientID:%q, ClientSecret:%q, UserID:%q, APIKey:%q, PerformAs:%q, TemplateJobID:%q}",
		e.BaseURL, e.TokenURL, e.ClientID, redact(e.ClientSecret), e.UserID, redact(e.APIKey), e.PerformAs, e.TemplateJobID)
}

// Format makes every fmt verb print the redacted form: %#v prints GoString,
// every other verb String.
func (e BoardEnv) Format(f fmt.State, verb rune) {
	if verb == 'v' && f.Flag('#') {
		fmt.Fprint(f, e.GoString())
		return
	}
	fmt.Fprint(f, e.String())
}
