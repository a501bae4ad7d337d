package boards

import (
	"context"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"

	"github.com/jobsync/jobsync/ats"
	"github.com/jobsync/jobsync/ats/atstest"
)

// TestNoKindShowsASecret fills every Secret of every registered board's
// environment with a sentinel, and finds it in no print verb, JSON, log
// field, error from Open or List, and no printed board: with the board's
// other settings missing, malformed, and good enough to reach the API.
func TestNoKindShowsASecret(t *testing.T) {
	t.Parallel()
	secrets := 0
	for _, k := range ats.Kinds() {
		if k.Env == nil {
			continue
		}
		for name, f := range envFields(t, k.Env()) {
			if f.Type() == secretType {
				secrets++
			} else if looksSecret(name) {
				t.Errorf("%s: %s holds a secret as %s: make it an ats.Secret", k.Name, name, f.Type())
			}
		}
		t.Run(k.Name, func(t *testing.T) {
			t.Parallel()
			for _, tc := range []struct {
				name  string
				env   func() any
				other string // what the other variables hold; "" keeps them as env made them
				list  bool   // the board opens, on the simulator, and List fails on the wrong secret
			}{
				{"the rest missing", k.Env, "", false},
				{"the rest malformed", k.Env, "%zz:// not a value", false},
				{"the rest from the simulator", func() any { return serveSimulator(t, k, "leak-check") }, "", true},
			} {
				t.Run(tc.name, func(t *testing.T) {
					env := tc.env()
					s := sentinels{}
					for name, f := range envFields(t, env) {
						switch {
						case f.Type() == secretType:
							v := k.Name + "-" + strings.ToLower(name) + "-s3ntinel-7Qx"
							setEnv(f, v)
							s = append(s, v)
						case tc.other != "":
							setEnv(f, tc.other)
						}
					}
					s.checkPrinted(t, env)
					s.checkOpened(t, k, env, tc.list)
				})
			}
		})
	}
	if secrets == 0 {
		t.Fatal("no registered board has a secret: the test proves nothing")
	}
}

// looksSecret reports whether a variable's name says it holds a secret.
func looksSecret(name string) bool {
	for _, s := range []string{"SECRET", "KEY", "TOKEN", "PASSWORD"} {
		if strings.HasSuffix(name, s) {
			return true
		}
	}
	return false
}

// sentinels are the values put in secrets, to be found nowhere.
type sentinels []string

func (s sentinels) check(t *testing.T, what, out string) {
	t.Helper()
	for _, v := range s {
		if strings.Contains(out, v) || strings.Contains(strings.ToLower(out), fmt.Sprintf("%x", v)) {
			t.Errorf("%s shows a secret: %s", what, out)
		}
	}
}

// checkPrinted prints the environment every way a program might: the
// pointer, the struct, and both held in a struct, where fmt prints a
// pointer raw for a verb that does not fit it (%s).
func (s sentinels) checkPrinted(t *testing.T, env any) {
	t.Helper()
	type holder struct {
		Ptr    any
		Struct any
		List   []any
	}
	elem := reflect.ValueOf(env).Elem().Interface()
	for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q", "%x", "%X", "%d"} {
		s.check(t, verb, fmt.Sprintf(verb, env))
		s.check(t, verb+" of the struct", fmt.Sprintf(verb, elem))
		s.check(t, verb+" of a holder", fmt.Sprintf(verb, holder{env, elem, []any{env}}))
	}
	js, err := json.Marshal(env)
	if err != nil {
		t.Fatal(err)
	}
	s.check(t, "JSON", string(js))
	fields := []zap.Field{zap.Any("env", env), zap.Reflect("reflected", env)}
	for name, f := range envFields(t, env) {
		if f.Type() == secretType {
			fields = append(fields, zap.Any(name, f.Interface()), zap.Reflect(name+"_r", f.Interface()))
		}
	}
	for enc, out := range logged(func(log *zap.Logger) { log.Info("env", fields...) }) {
		s.check(t, enc+" log", out)
	}
}

// checkOpened opens the board on env and looks at its error and the board
// printed; with list, the board must open, and List's error (the secrets
// are wrong) and its logs are looked at too. Only a board pointed at a
// simulator lists: the others might reach the real service.
func (s sentinels) checkOpened(t *testing.T, k ats.Kind, env any, list bool) {
	t.Helper()
	var b ats.Board
	var openErr, listErr error
	outs := logged(func(log *zap.Logger) {
		b, openErr = k.Open(ats.OpenArgs{Name: "leak-check", Options: newOptions(k), Env: env, Logger: log})
		if openErr == nil && list {
			_, listErr = b.List(context.Background())
		}
	})
	for enc, out := range outs {
		s.check(t, enc+" log of Open and List", out)
	}
	if openErr != nil {
		s.check(t, "Open's error", fmt.Sprintf("%v %+v %#v", openErr, openErr, openErr))
		if list {
			t.Fatalf("Open on the simulator's environment: %v", openErr)
		}
		return
	}
	for _, verb := range []string{"%v", "%+v", "%#v"} {
		s.check(t, verb+" of the board", fmt.Sprintf(verb, b))
	}
	if list {
		if listErr == nil {
			t.Fatal("List with sentinel secrets succeeded: the simulator checks no secret, and the test proves nothing")
		}
		s.check(t, "List's error", fmt.Sprintf("%v %+v", listErr, listErr))
	}
}

// logged runs f with a debug logger writing both console and JSON, and
// returns what each encoder wrote.
func logged(f func(*zap.Logger)) map[string]string {
	var console, js atstest.Logs
	core := zapcore.NewTee(
		zapcore.NewCore(zapcore.NewConsoleEncoder(zap.NewDevelopmentEncoderConfig()), &console, zap.DebugLevel),
		zapcore.NewCore(zapcore.NewJSONEncoder(zap.NewProductionEncoderConfig()), &js, zap.DebugLevel),
	)
	f(zap.New(core))
	return map[string]string{"console": console.String(), "JSON": js.String()}
}
