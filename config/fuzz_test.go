package config

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// FuzzParse checks that no input makes Parse panic, and that every failure
// is an *Error whose problems all have a message.
func FuzzParse(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*.yaml"))
	for _, name := range files {
		if data, err := os.ReadFile(name); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte("openings: [{family: x, level: '*', pay: {min: 1, max: 0}}]"))
	f.Add([]byte("boards: &b [{name: a, type: local, dir: d}]\nsources: *b"))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := Parse("f.yaml", "/cfg", data)
		if err == nil {
			if c == nil || len(c.Sources) == 0 || len(c.Boards) == 0 || len(c.Openings) != len(c.OpeningLines) {
				t.Fatalf("Parse accepted %q as %+v", data, c)
			}
			return
		}
		var ce *Error
		if !errors.As(err, &ce) || len(ce.Problems) == 0 {
			t.Fatalf("Parse error %v is not an *Error with problems", err)
		}
		for _, p := range ce.Problems {
			if p.Message == "" || p.Line < 0 {
				t.Fatalf("bad problem %+v", p)
			}
		}
	})
}
