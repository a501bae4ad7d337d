package config

import (
	"encoding/json"
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/jobsync/jobsync/ats"
	"github.com/jobsync/jobsync/ats/greenhouse"
	"github.com/jobsync/jobsync/ats/lever"
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
		{name: "max wait", env: map[string]string{"JOBSYNC_MAX_WAIT": "2m"}, want: Settings{LogLevel: "info", MaxWait: 2 * time.Minute}},
		{name: "bad max wait", env: map[string]string{"JOBSYNC_MAX_WAIT": "-1s"}, wantErr: "JOBSYNC_MAX_WAIT -1s"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for _, k := range []string{"JOBSYNC_CONFIG", "JOBSYNC_LOG_LEVEL", "JOBSYNC_LOG_FORMAT", "JOBSYNC_CACHE_DIR", "JOBSYNC_MAX_WAIT"} {
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
	t.Setenv("PERFORM_AS", "wrong")
	t.Setenv("JOBSYNC_LEVER_API_KEY", "wrong")

	// Each type reads its own variables of the board's prefix.
	for _, tc := range []struct {
		typ  string
		want any
	}{
		{"greenhouse", &greenhouse.Env{
			BaseURL: "http://127.0.0.1:8081", TokenURL: "http://127.0.0.1:8081/token", ClientID: "client",
			ClientSecret: ats.NewSecret(secret), UserID: "42", TemplateJobID: "777",
		}},
		{"lever", &lever.Env{BaseURL: "http://127.0.0.1:8081", APIKey: ats.NewSecret(key), PerformAs: "user-1"}},
	} {
		got, err := LoadBoardEnv(Board{Name: "greenhouse-eu", Type: tc.typ})
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("LoadBoardEnv(%s) = %+v, want %+v", tc.typ, got, tc.want) // redacted either way
		}
	}
	// A board named lever reads JOBSYNC_LEVER_*, and no bare BASE_URL or
	// PERFORM_AS for the variables it lacks.
	got, err := LoadBoardEnv(Board{Name: "lever", Type: "lever"})
	if err != nil {
		t.Fatal(err)
	}
	if want := (&lever.Env{APIKey: ats.NewSecret("wrong")}); !reflect.DeepEqual(got, want) {
		t.Errorf("LoadBoardEnv(lever) = %+v, want only JOBSYNC_LEVER_API_KEY", got)
	}
	other, err := LoadBoardEnv(Board{Name: "local", Type: "local"})
	if err != nil {
		t.Fatal(err)
	}
	if other != nil {
		t.Errorf("LoadBoardEnv(local) = %+v, want nothing", other)
	}
	if _, err := LoadBoardEnv(Board{Name: "Bad Name", Type: "lever"}); err == nil {
		t.Error("LoadBoardEnv accepted a bad board name")
	}
	if _, err := LoadBoardEnv(Board{Name: "x", Type: "workday"}); err == nil || !strings.Contains(err.Error(), strings.Join(ats.KindNames(), ", ")) {
		t.Errorf("LoadBoardEnv of an unknown type: %v, want the known types", err)
	}
	if _, err := LoadBoardEnv(Board{Name: "x", Type: "bare-env"}); err == nil || !strings.Contains(err.Error(), "envconfig tag") {
		t.Errorf("LoadBoardEnv of a type whose Env would read bare variables: %v", err)
	}
}

func TestBoardEnvRedacts(t *testing.T) {
	t.Parallel()
	const secret, key = "s3cr3t-client-value", "k3y-api-value"
	gh := &greenhouse.Env{BaseURL: "https://api.example", ClientID: "client", ClientSecret: ats.NewSecret(secret)}
	lv := &lever.Env{BaseURL: "https://api.example", APIKey: ats.NewSecret(key), PerformAs: "u"}
	for _, e := range []any{gh, lv} {
		type holder struct {
			Env  any
			Ptr  any
			List []any
		}
		elem := reflect.ValueOf(e).Elem().Interface()
		h := holder{Env: elem, Ptr: e, List: []any{elem}}
		var outputs []string
		for _, format := range []string{"%v", "%+v", "%#v", "%s", "%q", "%x", "%X", "%d", "%T %v"} {
			outputs = append(outputs, fmt.Sprintf(format, elem), fmt.Sprintf(format, e), fmt.Sprintf(format, h))
		}
		outputs = append(outputs, fmt.Sprint(elem), fmt.Sprintln(e))
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
	}
	if v := fmt.Sprintf("%+v", gh); !strings.Contains(v, "ClientSecret:[redacted]") || !strings.Contains(v, "ClientID:client") {
		t.Errorf("%%+v = %s, want the secret marked redacted and the rest shown", v)
	}
	if v := fmt.Sprintf("%#v", lv); !strings.HasPrefix(v, "&lever.Env{") || !strings.Contains(v, `APIKey:"[redacted]"`) {
		t.Errorf("%%#v = %s", v)
	}
	if v := fmt.Sprintf("%v", greenhouse.Env{}); strings.Contains(v, "redacted") {
		t.Errorf("an empty secret shows as redacted: %s", v)
	}
}
