package main

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"strings"
	"testing"
)

// simulate prints the environment for a board, then serves the API there
// until its context ends.
func TestSimulatePrintsEnvAndServes(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ kind, probe string }{
		{"greenhouse", "/jobs"},
		{"lever", "/postings"},
	} {
		t.Run(tc.kind, func(t *testing.T) {
			t.Parallel()
			ctx, cancel := context.WithCancel(context.Background())
			pr, pw := io.Pipe()
			a := newApp(pw, io.Discard)
			done := make(chan int)
			go func() {
				done <- a.execute(ctx, []string{"simulate", tc.kind, "--board", "demo-board", "--log-level", "error"})
				pw.Close()
			}()
			env := map[string]string{}
			sc := bufio.NewScanner(pr)
			for sc.Scan() {
				k, v, _ := strings.Cut(sc.Text(), "=")
				env[k] = v
				if len(env) >= 3 && env["JOBSYNC_DEMO_BOARD_BASE_URL"] != "" {
					break
				}
			}
			go io.Copy(io.Discard, pr) // the rest of the lines, so the writer never blocks
			base := env["JOBSYNC_DEMO_BOARD_BASE_URL"]
			if !strings.HasPrefix(base, "http://127.0.0.1:") {
				t.Fatalf("env: %v", env)
			}
			resp, err := http.Get(base + tc.probe)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != http.StatusUnauthorized {
				t.Errorf("GET %s without credentials: %d, want 401", tc.probe, resp.StatusCode)
			}
			cancel()
			if code := <-done; code != 0 {
				t.Errorf("simulate exited %d after its context ended, want 0", code)
			}
		})
	}
}
