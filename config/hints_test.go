package config

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"
)

// Problems that name how to fix them: "did you mean" for keys and board
// types, path: with a URL, the cause ("unknown key") before what it causes
// ("no sources").
func TestProblemsSayHowToFix(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, yaml string
		want       []string // the problems, in order
	}{
		{"a misspelt section, before what it causes", "source:\n  - path: page.md\nboards:\n  - {name: local, type: local, dir: out}\n", []string{
			`c.yaml:1: unknown key "source" in the config (did you mean "sources"?); known keys:`,
			"c.yaml: no sources: add at least one",
		}},
		{"a misspelt key in a board", "sources: [{path: p.md}]\nboards:\n  - {name: gh, type: greenhouse, template_jobid: 4}\n", []string{
			`c.yaml:3: unknown key "template_jobid" in board (did you mean "template_job_id"?)`,
		}},
		{"a misspelt board type", "sources: [{path: p.md}]\nboards:\n  - {name: gh, type: greenhous}\n", []string{
			`c.yaml:3: board type "greenhous" (did you mean "greenhouse"?): want one of`,
		}},
		{"a URL in path", "sources:\n  - path: https://handbook.gitlab.com/x.md\nboards:\n  - {name: local, type: local, dir: out}\n", []string{
			`c.yaml:2: source path "https://handbook.gitlab.com/x.md" is a URL: write url: https://handbook.gitlab.com/x.md instead`,
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse("c.yaml", t.TempDir(), []byte(tc.yaml))
			var ce *Error
			if !errors.As(err, &ce) {
				t.Fatalf("error %v, want an *Error", err)
			}
			if len(ce.Problems) != len(tc.want) {
				t.Errorf("%d problems, want %d:\n%v", len(ce.Problems), len(tc.want), err)
			}
			lines := strings.Split(err.Error(), "\n")
			for i, want := range tc.want {
				if i >= len(lines) || !strings.HasPrefix(lines[i], want) {
					t.Errorf("problem %d: want %q, got:\n%v", i, want, err)
				}
			}
		})
	}
}

// TestLoadMissingFileIsErrNoConfig: a config file that is not there is ErrNoConfig, with its absolute path.
func TestLoadMissingFileIsErrNoConfig(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	_, err := Load(filepath.Join(dir, "jobsync.yaml"))
	if !errors.Is(err, ErrNoConfig) || !strings.Contains(err.Error(), filepath.Join(dir, "jobsync.yaml")) {
		t.Errorf("error %v, want ErrNoConfig naming the file", err)
	}
}
