package main

import (
	"context"
	"encoding/json"
	"runtime"
	"runtime/debug"
	"strings"
	"testing"
)

func TestReadVersion(t *testing.T) {
	t.Parallel()
	vcs := []debug.BuildSetting{
		{Key: "vcs", Value: "git"},
		{Key: "vcs.revision", Value: "3f602f8abcde0123456789abcdef0123456789ab"},
		{Key: "vcs.time", Value: "2026-12-02T01:15:00Z"},
		{Key: "vcs.modified", Value: "false"},
	}
	goV := runtime.Version()
	for _, tc := range []struct {
		name string
		x    buildVersion
		info *debug.BuildInfo
		want string
	}{
		{"no build info", buildVersion{}, nil, "jobsync devel (no commit recorded, " + goV + ")"},
		{"plain build outside git", buildVersion{}, &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}},
			"jobsync devel (no commit recorded, " + goV + ")"},
		{"build in a git checkout: the commit once",
			buildVersion{}, &debug.BuildInfo{Main: debug.Module{Version: "v0.0.0-20261202011500-3f602f8abcde"}, Settings: vcs},
			"jobsync v0.0.0-20261202011500-3f602f8abcde (2026-12-02T01:15:00Z, " + goV + ")"},
		{"modified checkout",
			buildVersion{}, &debug.BuildInfo{Main: debug.Module{Version: "v0.0.0-20261202011500-3f602f8abcde+dirty"},
				Settings: append(vcs[:3:3], debug.BuildSetting{Key: "vcs.modified", Value: "true"})},
			"jobsync v0.0.0-20261202011500-3f602f8abcde (modified, 2026-12-02T01:15:00Z, " + goV + ")"},
		{"go install @latest of an untagged commit: commit and date from the pseudo-version",
			buildVersion{}, &debug.BuildInfo{Main: debug.Module{Version: "v0.0.0-20261202011500-3f602f8abcde"}},
			"jobsync v0.0.0-20261202011500-3f602f8abcde (2026-12-02T01:15:00Z, " + goV + ")"},
		{"go install @v1.2.0", buildVersion{}, &debug.BuildInfo{Main: debug.Module{Version: "v1.2.0"}},
			"jobsync v1.2.0 (no commit recorded, " + goV + ")"},
		{"-X version keeps the commit from git",
			buildVersion{Version: "v1.2.0"}, &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: vcs},
			"jobsync v1.2.0 (commit 3f602f8abcde, 2026-12-02T01:15:00Z, " + goV + ")"},
		{"-X all three", buildVersion{Version: "v1.2.0", Commit: "0123456789abcdef", Date: "2026-11-30T10:00:00Z"}, nil,
			"jobsync v1.2.0 (commit 0123456789ab, 2026-11-30T10:00:00Z, " + goV + ")"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := readVersion(tc.x, tc.info).String()
			if got != tc.want {
				t.Errorf("got  %s\nwant %s", got, tc.want)
			}
		})
	}
}

// version and --version print the same line; --format json has the fields.
func TestVersionCommand(t *testing.T) {
	t.Parallel()
	_, out, _ := cli(t, nil, "version")
	var flag strings.Builder
	newApp(&flag, &strings.Builder{}).execute(context.Background(), []string{"--version"})
	if !strings.HasPrefix(out, "jobsync ") || out != flag.String() {
		t.Errorf("version %q, --version %q: want the same jobsync … line", out, flag.String())
	}
	code, js, stderr := cli(t, nil, "version", "--format", "json")
	var v map[string]any
	if err := json.Unmarshal([]byte(js), &v); code != 0 || err != nil {
		t.Fatalf("exit %d, %v: %s%s", code, err, js, stderr)
	}
	if v["version"] == "" || v["go"] != runtime.Version() {
		t.Errorf("json: %v", v)
	}
	if code, _, stderr := cli(t, nil, "version", "--format", "yaml"); code != exitError || !strings.Contains(stderr, "want text or json") {
		t.Errorf("--format yaml: exit %d, %s", code, stderr)
	}
}
