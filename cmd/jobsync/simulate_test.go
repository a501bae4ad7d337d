package main

import (
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/jobsync/jobsync/ats"
)

// simulate refuses what it cannot serve safely or as asked, before it
// listens: an address other than loopback, an option the simulator does
// not take, a value out of range, a type without a simulator.
func TestSimulateRefuses(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"greenhouse", "--addr", "0.0.0.0:0"}, "want a loopback address"},
		{[]string{"greenhouse", "--addr", ":0"}, "want a loopback address"},
		{[]string{"lever", "--addr", "[::]:0"}, "want a loopback address"},
		{[]string{"lever", "--addr", "example.com:8081"}, "want a loopback address"},
		{[]string{"greenhouse", "--addr", "127.0.0.1"}, "missing port"},
		{[]string{"lever", "--window", "1s"}, "simulate lever: no rate-limit window"},
		{[]string{"greenhouse", "--faults", "1.5"}, "--faults 1.5: want a share from 0 to 1"},
		{[]string{"greenhouse", "--rate-limit", "-1"}, "--rate-limit -1"},
		{[]string{"lever", "--latency", "-1s"}, "--latency -1s: want 0 or more"},
		{[]string{"local"}, `simulate "local": want one of ` + strings.Join(simulatorNames(), ", ")},
		{[]string{"workday"}, `simulate "workday": want one of ` + strings.Join(simulatorNames(), ", ")},
	} {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			t.Parallel()
			ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second) // a refusal that serves instead ends here
			defer cancel()
			var out, errs strings.Builder
			code := newApp(&out, &errs).execute(ctx, append([]string{"simulate"}, tc.args...))
			if code != exitError || !strings.Contains(errs.String(), tc.want) || out.Len() != 0 {
				t.Errorf("exit %d, stdout %q, stderr %q; want exit 1 and %q, nothing printed", code, out.String(), errs.String(), tc.want)
			}
		})
	}
}

// The help lists the board types from the registry.
func TestHelpListsBoardTypes(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		args []string
		want func(ats.Kind) bool
	}{
		{[]string{"--help"}, func(ats.Kind) bool { return true }},
		{[]string{"simulate", "--help"}, func(k ats.Kind) bool { return k.Simulator != nil }},
	} {
		var stdout, stderr strings.Builder
		if code := newApp(&stdout, &stderr).execute(context.Background(), tc.args); code != exitOK {
			t.Fatalf("%v: exit %d: %s", tc.args, code, stderr.String())
		}
		out := stdout.String()
		for _, k := range ats.Kinds() {
			line := regexp.MustCompile(`(?m)^  ` + regexp.QuoteMeta(k.Name) + ` +` + regexp.QuoteMeta(k.Summary) + `$`)
			if listed := line.MatchString(out); listed != tc.want(k) {
				t.Errorf("%v lists %s: %v, want %v:\n%s", tc.args, k.Name, listed, tc.want(k), out)
			}
		}
	}
}

// With --env-file, simulate writes the variables to the file only once it
// listens, so a shell that waits for the file can use them at once; it
// prints nothing and removes the file when it stops, so no stale file
// points a later run at a simulator that is gone.
func TestSimulateEnvFile(t *testing.T) {
	t.Parallel()
	envFile := filepath.Join(t.TempDir(), "gh.env")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var out strings.Builder
	done := make(chan int, 1)
	go func() {
		done <- newApp(&out, io.Discard).execute(ctx, []string{"simulate", "greenhouse", "--env-file", envFile, "--log-level", "error"})
	}()
	var data []byte
	for len(data) == 0 { // polls until the file is there or simulate ends: no deadline
		select {
		case code := <-done:
			t.Fatalf("simulate exited %d before writing %s", code, envFile)
		default:
		}
		data, _ = os.ReadFile(envFile)
		runtime.Gosched()
	}
	env := map[string]string{}
	for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		k, v, _ := strings.Cut(line, "=")
		env[k] = v
	}
	resp, err := http.Get(env["JOBSYNC_GREENHOUSE_BASE_URL"] + "/jobs")
	if err != nil {
		t.Fatalf("the simulator does not answer once the file is there: %v", err)
	}
	resp.Body.Close()
	cancel()
	if code := <-done; code != 0 {
		t.Errorf("exit %d, want 0", code)
	}
	if out.Len() != 0 {
		t.Errorf("stdout %q, want nothing: the variables went to the file", out.String())
	}
	if _, err := os.Stat(envFile); !os.IsNotExist(err) {
		t.Errorf("%s left behind after simulate stopped (stat: %v)", envFile, err)
	}
}
