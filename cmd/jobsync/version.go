package main

import (
	"encoding/json"
	"fmt"
	"regexp"
	"runtime"
	"runtime/debug"
	"strings"
	"time"

	"github.com/spf13/cobra"
)

// Set at build time, each optional:
//
//	go build -ldflags "-X main.version=v1.2.0 -X main.commit=$(git rev-parse HEAD) -X main.date=$(date -u +%FT%TZ)" ./cmd/jobsync
//
// What is not set comes from the build info Go records: the module version
// (`go install …@v1.2.0`), and the commit and its time in a git checkout.
var version, commit, date string

// buildVersion is what `jobsync version` reports.
type buildVersion struct {
	Version  string `json:"version"`
	Commit   string `json:"commit,omitempty"`
	Date     string `json:"date,omitempty"` // the commit's time, RFC 3339 in UTC
	Modified bool   `json:"modified,omitempty"`
	Go       string `json:"go"`
}

// pseudoVersionRE matches the tail of a Go pseudo-version,
// v0.0.0-20261202011500-3f602f8abcde, which `go install …@latest` records
// for a commit without a tag: its time and the commit's first 12 digits.
var pseudoVersionRE = regexp.MustCompile(`-(?:0\.)?(\d{14})-([0-9a-f]{12})(\+incompatible)?$`)

// readVersion puts together the -X values and the build info (nil when
// there is none), each field from the first source that has it.
func readVersion(x buildVersion, info *debug.BuildInfo) buildVersion {
	v := x
	v.Go = runtime.Version()
	if info != nil {
		if v.Version == "" && info.Main.Version != "(devel)" {
			v.Version = info.Main.Version
		}
		for _, s := range info.Settings {
			switch s.Key {
			case "vcs.revision":
				if v.Commit == "" {
					v.Commit = s.Value
				}
			case "vcs.time":
				if v.Date == "" {
					v.Date = s.Value
				}
			case "vcs.modified":
				v.Modified = v.Modified || s.Value == "true"
			}
		}
	}
	v.Version = strings.TrimSuffix(v.Version, "+dirty") // said by Modified
	if m := pseudoVersionRE.FindStringSubmatch(v.Version); m != nil {
		if v.Commit == "" {
			v.Commit = m[2]
		}
		if t, err := time.Parse("20060102150405", m[1]); err == nil && v.Date == "" {
			v.Date = t.UTC().Format(time.RFC3339)
		}
	}
	if v.Version == "" {
		v.Version = "devel"
	}
	return v
}

// String is one line that says each thing once: a commit a pseudo-version
// already holds is not repeated.
func (v buildVersion) String() string {
	var extra []string
	if v.Commit != "" && !strings.Contains(v.Version, shortCommit(v.Commit)) {
		extra = append(extra, "commit "+shortCommit(v.Commit))
	}
	if v.Modified {
		extra = append(extra, "modified")
	}
	if v.Date != "" {
		extra = append(extra, v.Date)
	}
	if v.Commit == "" {
		extra = append(extra, "no commit recorded")
	}
	extra = append(extra, v.Go)
	return "jobsync " + v.Version + " (" + strings.Join(extra, ", ") + ")"
}

func shortCommit(c string) string {
	if len(c) > 12 {
		return c[:12]
	}
	return c
}

// currentVersion is this binary's version.
func currentVersion() buildVersion {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		info = nil
	}
	return readVersion(buildVersion{Version: version, Commit: commit, Date: date}, info)
}

func (a *app) versionCommand() *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "version [--format text|json]",
		Short: "Print jobsync's version, commit and build date",
		Long: `version prints the version, the commit and its date, from what the build
recorded: go install …@VERSION records the version (and, for a commit
without a tag, the commit and its time in the pseudo-version); a build in a
git checkout records the commit; -ldflags "-X main.version=… -X
main.commit=… -X main.date=…" sets any of them. jobsync --version prints
the same line.`,
		Example: `  jobsync version
  jobsync version --format json
  go build -ldflags "-X main.version=v1.2.0" ./cmd/jobsync && ./jobsync version`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			v := currentVersion()
			switch format {
			case "text":
				_, err := fmt.Fprintln(a.stdout, v)
				return err
			case "json":
				enc := json.NewEncoder(a.stdout)
				enc.SetIndent("", "  ")
				return enc.Encode(v)
			}
			return fmt.Errorf("version: --format %q: want text or json", format)
		},
	}
	cmd.Flags().StringVar(&format, "format", "text", "output format: text or json")
	return cmd
}
