package boards

import (
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"

	"github.com/kelseyhightower/envconfig"

	"github.com/jobsync/jobsync/ats"
)

// envFields lists the fields of a Kind's Env struct by the variable
// envconfig reads each from, less the board's prefix ("CLIENT_SECRET").
func envFields(t *testing.T, env any) map[string]reflect.Value {
	t.Helper()
	v := reflect.ValueOf(env)
	if v.Kind() != reflect.Pointer || v.Elem().Kind() != reflect.Struct {
		t.Fatalf("Env() = %T, want a pointer to a struct", env)
	}
	var keys strings.Builder
	if err := envconfig.Usagef("P", env, &keys, "{{range .}}{{.Name}}={{usage_key .}}\n{{end}}"); err != nil {
		t.Fatal(err)
	}
	out := map[string]reflect.Value{}
	for _, line := range strings.Fields(keys.String()) {
		field, key, _ := strings.Cut(line, "=")
		f, _ := v.Elem().Type().FieldByName(field)
		if f.Tag.Get("envconfig") != "" || f.Tag.Get("split_words") != "true" {
			t.Errorf("%s.%s: want split_words:\"true\" and no envconfig tag (envconfig would read the bare name when the board's is unset)", v.Elem().Type(), field)
		}
		out[strings.TrimPrefix(key, "P_")] = v.Elem().FieldByName(field)
	}
	if len(out) != v.Elem().NumField() {
		t.Errorf("%s: envconfig reads %d of its %d fields: want every field exported", v.Elem().Type(), len(out), v.Elem().NumField())
	}
	return out
}

var secretType = reflect.TypeFor[ats.Secret]()

// setEnv sets an Env field, a string or an ats.Secret, as envconfig would.
func setEnv(f reflect.Value, value string) {
	if f.Type() == secretType {
		f.Set(reflect.ValueOf(ats.NewSecret(value)))
		return
	}
	f.SetString(value)
}

// serveSimulator serves a kind's default simulator on 127.0.0.1 and returns
// an Env filled from the lines it prints for board, as a user's shell would.
func serveSimulator(t *testing.T, k ats.Kind, board string) any {
	t.Helper()
	sim, err := k.Simulator(ats.SimOptions{})
	if err != nil {
		t.Fatalf("Simulator: %v", err)
	}
	srv := httptest.NewServer(sim)
	t.Cleanup(srv.Close)
	env := k.Env()
	fields := envFields(t, env)
	prefix := ats.EnvPrefix(board) + "_"
	lines := sim.Env(ats.EnvPrefix(board), srv.URL)
	if len(lines) == 0 {
		t.Fatal("the simulator prints no environment")
	}
	for _, line := range lines {
		key, value, ok := strings.Cut(line, "=")
		name, hasPrefix := strings.CutPrefix(key, prefix)
		f, known := fields[name]
		if !ok || !hasPrefix || !known {
			t.Fatalf("the simulator prints %q: want %sNAME=VALUE, NAME a variable the board reads", line, prefix)
		}
		setEnv(f, value)
	}
	return env
}

// newOptions is a kind's zero options, or nil when it takes none.
func newOptions(k ats.Kind) any {
	if k.Options == nil {
		return nil
	}
	return k.Options()
}
