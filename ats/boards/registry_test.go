package boards

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"

	"go.uber.org/zap"

	"github.com/jobsync/jobsync/ats"
)

// probe finds this package's import path, and from it the module's.
type probe struct{}

// kindDir is the folder, relative to this one, of the package that
// registered k: the package its Open function is in.
func kindDir(t *testing.T, k ats.Kind) string {
	t.Helper()
	fn := runtime.FuncForPC(reflect.ValueOf(k.Open).Pointer()).Name() // "…/ats/lever.open"
	slash := strings.LastIndex(fn, "/")
	pkg := fn[:slash+strings.Index(fn[slash:], ".")]
	module := strings.TrimSuffix(reflect.TypeFor[probe]().PkgPath(), "/ats/boards")
	rel, ok := strings.CutPrefix(pkg, module+"/")
	if !ok {
		t.Fatalf("board type %s is registered by %s, outside the module %s", k.Name, pkg, module)
	}
	return filepath.Join("..", "..", filepath.FromSlash(rel))
}

// TestEveryKindIsComplete holds each registered board to what its Kind
// promises: a conformance test, a simulator when it has an API, facts for
// the docs, and options and environment of the kinds config can fill.
func TestEveryKindIsComplete(t *testing.T) {
	t.Parallel()
	kinds := ats.Kinds()
	if len(kinds) < 3 {
		t.Fatalf("%d board types registered: ats/boards imports fewer than the three jobsync ships", len(kinds))
	}
	for _, k := range kinds {
		t.Run(k.Name, func(t *testing.T) {
			t.Parallel()
			dir := kindDir(t, k)
			if !callsConformance(t, dir) {
				t.Errorf("%s: no _test.go file calls atstest.Run(: every board runs the conformance suite", dir)
			}
			if k.Env != nil && k.Simulator == nil {
				t.Errorf("%s reads an environment, so it talks to an API: it needs a Simulator", k.Name)
			}
			if k.Summary == "" {
				t.Error("no Summary, for --help")
			}
			f := reflect.ValueOf(k.Facts)
			for i := range f.NumField() {
				if f.Field(i).String() == "" {
					t.Errorf("Facts.%s is empty: the README's board table needs it", f.Type().Field(i).Name)
				}
			}
			if k.Options != nil {
				checkOptions(t, k.Options())
			}
			if k.Env != nil {
				for name, f := range envFields(t, k.Env()) {
					if f.Type() != reflect.TypeFor[string]() && f.Type() != secretType {
						t.Errorf("Env %s is a %s: want a string (Open parses it, with its own error) or an ats.Secret", name, f.Type())
					}
				}
			}
		})
	}
}

// callsConformance reports whether a test file in dir runs the suite.
func callsConformance(t *testing.T, dir string) bool {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*_test.go"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no tests in %s: %v", dir, err)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(data), "atstest.Run(") {
			return true
		}
	}
	return false
}

var optionTypes = map[reflect.Type]bool{
	reflect.TypeFor[string]():   true,
	reflect.TypeFor[bool]():     true,
	reflect.TypeFor[int]():      true,
	reflect.TypeFor[int64]():    true,
	reflect.TypeFor[float64]():  true,
	reflect.TypeFor[[]string](): true,
	reflect.TypeFor[ats.Path](): true,
}

// checkOptions checks an options struct follows the tag conventions of
// ats.Kind.Options.
func checkOptions(t *testing.T, opts any) {
	t.Helper()
	v := reflect.ValueOf(opts)
	if v.Kind() != reflect.Pointer || v.Elem().Kind() != reflect.Struct {
		t.Fatalf("Options() = %T, want a pointer to a struct", opts)
	}
	typ := v.Elem().Type()
	for i := range typ.NumField() {
		f := typ.Field(i)
		key := f.Tag.Get("yaml")
		switch {
		case !f.IsExported() || key == "":
			t.Errorf("%s.%s: want an exported field with a yaml tag", typ, f.Name)
		case key != strings.ToLower(key) || strings.ContainsAny(key, " -,"):
			t.Errorf("%s.%s: key %q: want snake_case", typ, f.Name, key)
		case !optionTypes[f.Type]:
			t.Errorf("%s.%s is a %s: config decodes string, bool, int, int64, float64, []string and ats.Path", typ, f.Name, f.Type)
		case f.Tag.Get("doc") == "":
			t.Errorf("%s.%s: no doc tag", typ, f.Name)
		case f.Tag.Get("enum") != "" && f.Type != reflect.TypeFor[string]() && f.Type != reflect.TypeFor[[]string]():
			t.Errorf("%s.%s: an enum on a %s", typ, f.Name, f.Type)
		}
	}
}

// TestSimulatorsServeTheirBoard opens each board on the environment its
// simulator prints and lists it: the simulator and the descriptor agree on
// the variables, and the board finds the postings people made.
func TestSimulatorsServeTheirBoard(t *testing.T) {
	t.Parallel()
	for _, k := range ats.Kinds() {
		if k.Simulator == nil {
			continue
		}
		t.Run(k.Name, func(t *testing.T) {
			t.Parallel()
			b, err := k.Open(ats.OpenArgs{Name: "sim-check", Options: newOptions(k), Env: serveSimulator(t, k, "sim-check"), Logger: zap.NewNop()})
			if err != nil {
				t.Fatalf("Open on the simulator's environment: %v", err)
			}
			rs, err := b.List(context.Background())
			if err != nil {
				t.Fatalf("List: %v", err)
			}
			if len(rs) == 0 {
				t.Fatal("List found nothing: the simulator starts with postings people made")
			}
			for _, r := range rs {
				if r.Owned {
					t.Errorf("a fresh simulator's posting %s is owned", r.ID)
				}
			}
		})
	}
}
