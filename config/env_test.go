package config

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"
)

// These tests use t.Setenv, which rules out t.Parallel.

func TestLoadSettings(t *testing.T) {
	for _, tc := range []struct {
		name    string
		env     map[string]string
		want    Settings
		wantErr string
	}{
		{
			name: "defaults",
			env:  map[string]string{"LOG_LEVEL": "debug", "CONFIG": "other.yaml"}, // unprefixed: ignored
			want: Settings{LogLevel: "info"},
		},
		{
			name: "everything set",
			env: map[string]string{
				"JOBSYNC_CONFIG": "/etc/jobsync.yaml", "JOBSYNC_LOG_LEVEL": "WARN",
				"JOBSYNC_LOG_FORMAT": "json", "JOBSYNC_CACHE_DIR": "/var/cache/jobsync",
			},
			want: Settings{Config: "/etc/jobsync.yaml", LogLevel: "warn", LogFormat: "json", CacheDir: "/var/cache/jobsync"},
		},
		{name: "set but empty", env: map[string]string{"JOBSYNC_LOG_LEVEL": ""}, want: Settings{LogLevel: "info"}},
		{name: "bad level", env: map[string]string{"JOBSYNC_LOG_LEVEL": "loud"}, wantErr: `JOBSYNC_LOG_LEVEL "loud"`},
		{name: "bad format", env: map[string]string{"JOBSYNC_LOG_FORMAT": "xml"}, wantErr: `JOBSYNC_LOG_FORMAT "xml"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for _, k := range []string{"JOBSYNC_CONFIG", "JOBSYNC_LOG_LEVEL", "JOBSYNC_LOG_FORMAT", "JOBSYNC_CACHE_DIR"} {
				t.Setenv(k, "") // restored after the test…
				os.Unsetenv(k)  // …and unset during it
			}
			for k, v := range tc.env {
				t.Setenv(k, v)
			}
			got, err := LoadSettings()
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("LoadSettings error = %v, want %q", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got != tc.want {
				t.Errorf("LoadSettings = %+v, want %+v", got, tc.want)
			}
		})
	}
}

func TestSettingsConfigPath(t *testing.T) {
	t.Parallel()
	if got := (Settings{}).ConfigPath(); got != DefaultPath {
		t.Errorf("ConfigPath = %q, want %q", got, DefaultPath)
	}
	if got := (Settings{Config: "x.yaml"}).ConfigPath(); got != "x.yaml" {
		t.Errorf("ConfigPath = %q, want x.yaml", got)
	}
}

func TestLoadBoardEnv(t *testing.T) {
	const secret, key = "s3cr3t-client-value", "k3y-api-value"
	t.Setenv("JOBSYNC_GREENHOUSE_EU_BASE_URL", "http://127.0.0.1:8081")
	t.Setenv("JOBSYNC_GREENHOUSE_EU_TOKEN_URL", "http://127.0.0.1:8081/token")
	t.Setenv("JOBSYNC_GREENHOUSE_EU_CLIENT_ID", "client")
	t.Setenv("JOBSYNC_GREENHOUSE_EU_CLIENT_SECRET", secret)
	t.Setenv("JOBSYNC_GREENHOUSE_EU_USER_ID", "42")
	t.Setenv("JOBSYNC_GREENHOUSE_EU_API_KEY", key)
	t.Setenv("JOBSYNC_GREENHOUSE_EU_PERFORM_AS", "user-1")
	t.Setenv("JOBSYNC_GREENHOUSE_EU_TEMPLATE_JOB_ID", "777")
	// Unprefixed and other boards' variables must not leak in.
	t.Setenv("BASE_URL", "https://wrong.example")
	t.Setenv("API_KEY", "wrong")
	t.Setenv("JOBSYNC_LEVER_API_KEY", "wrong")

	got, err := LoadBoardEnv("greenhouse-eu")
	if err != nil {
		t.Fatal(err)
	}
	want := BoardEnv{
		BaseURL: "http://127.0.0.1:8081", TokenURL: "http://127.0.0.1:8081/token", ClientID: "client",
		ClientSecret: secret, UserID: "42", APIKey: key, PerformAs: "user-1", TemplateJobID: "777",
	}
	if got != want {
		t.Errorf("LoadBoardEnv = %s, want %s", got, want) // redacted either way
	}
	other, err := LoadBoardEnv("local")
	if err != nil {
		t.Fatal(err)
	}
	if other != (BoardEnv{}) {
		t.Errorf("LoadBoardEnv(local) = %s, want nothing", other)
	}
	if _, err := LoadBoardEnv("Bad Name"); err == nil {
		t.Error("LoadBoardEnv accepted a bad board name")
	}
	if p := BoardEnvPrefix("greenhouse-eu"); p != "JOBSYNC_GREENHOUSE_EU" {
		t.Errorf("BoardEnvPrefix = %q", p)
	}
}

func TestBoardEnvRedacts(t *testing.T) {
	t.Parallel()
	const secret, key = "s3cr3t-client-value", "k3y-api-value"
	e := BoardEnv{BaseURL: "https://api.example", ClientID: "client", ClientSecret: secret, APIKey: key, PerformAs: "u"}
	type holder struct {
		Env  BoardEnv
		Ptr  *BoardEnv
		List []BoardEnv
	}
	h := holder{Env: e, Ptr: &e, List: []BoardEnv{e}}
	var outputs []string
	for _, format := range []string{"%v", "%+v", "%#v", "%s", "%q", "%x", "%X", "%d", "%T %v"} {
		outputs = append(outputs, fmt.Sprintf(format, e), fmt.Sprintf(format, &e), fmt.Sprintf(format, h))
	}
	outputs = append(outputs, e.String(), e.GoString(), fmt.Sprint(e), fmt.Sprintln(e))
	js, err := json.Marshal(h)
	if err != nil {
		t.Fatal(err)
	}
	outputs = append(outputs, string(js))
	for _, out := range outputs {
		for _, s := range []string{secret, key, "s3cr3t", "k3y"} {
			if strings.Contains(out, s) {
				t.Errorf("output shows a secret: %s", out)
			}
		}
	}
	if v := fmt.Sprintf("%+v", e); !strings.Contains(v, "ClientSecret:[redacted]") || !strings.Contains(v, "ClientID:client") {
		t.Errorf("%%+v = %s, want the secret marked redacted and the rest shown", v)
	}
	if v := fmt.Sprintf("%#v", e); !strings.HasPrefix(v, "config.BoardEnv{") || !strings.Contains(v, `APIKey:"[redacted]"`) {
		t.Errorf("%%#v = %s", v)
	}
	if v := fmt.Sprintf("%v", BoardEnv{}); strings.Contains(v, "redacted") {
		t.Errorf("an empty secret shows as redacted: %s", v)
	}
}
