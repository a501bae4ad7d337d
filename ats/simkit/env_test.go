package simkit

import (
	"reflect"
	"testing"
)

func TestEnv(t *testing.T) {
	t.Parallel()
	got := Env("JOBSYNC_GH_EU", Var{"BASE_URL", BaseURL("http://127.0.0.1:9", "/v3")}, Var{"CLIENT_ID", "id=1"})
	want := []string{"JOBSYNC_GH_EU_BASE_URL=http://127.0.0.1:9/v3", "JOBSYNC_GH_EU_CLIENT_ID=id=1"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Env %q, want %q", got, want)
	}
	if got := Env("JOBSYNC_X"); len(got) != 0 {
		t.Errorf("no vars: %q", got)
	}
}

func TestBaseURL(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct{ root, path, want string }{
		{"http://127.0.0.1:8081", "/v3", "http://127.0.0.1:8081/v3"},
		{"http://127.0.0.1:8081/", "/v3", "http://127.0.0.1:8081/v3"},
		{"http://127.0.0.1:8081", "v1", "http://127.0.0.1:8081/v1"},
	} {
		if got := BaseURL(tt.root, tt.path); got != tt.want {
			t.Errorf("BaseURL(%q, %q) = %q, want %q", tt.root, tt.path, got, tt.want)
		}
	}
}
