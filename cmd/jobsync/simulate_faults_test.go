package main

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"strings"
	"testing"
)

// simulate --faults makes the simulator fail requests as the README says
// (errors, lost answers, dropped connections), so anyone can try jobsync's
// fault behaviour; --seed makes the draws repeatable.
func TestSimulateFaults(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	pr, pw := io.Pipe()
	done := make(chan int)
	go func() {
		done <- newApp(pw, io.Discard).execute(ctx, []string{"simulate", "lever", "--faults", "1", "--seed", "7", "--log-level", "error"})
		pw.Close()
	}()
	var base, key string
	sc := bufio.NewScanner(pr)
	for (base == "" || key == "") && sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), "JOBSYNC_LEVER_BASE_URL="); ok {
			base = v
		}
		if v, ok := strings.CutPrefix(sc.Text(), "JOBSYNC_LEVER_API_KEY="); ok {
			key = v
		}
	}
	go io.Copy(io.Discard, pr)
	if base == "" {
		t.Fatal("no base URL printed")
	}
	client := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}
	const requests = 20
	failed := 0
	for range requests {
		req, _ := http.NewRequest(http.MethodGet, base+"/postings", nil)
		req.SetBasicAuth(key, "") // faults hit requests that pass auth
		resp, err := client.Do(req)
		if err != nil {
			failed++ // dropped
			continue
		}
		resp.Body.Close()
		if resp.StatusCode >= 500 {
			failed++
		}
	}
	// Every request draws a fault; a delay alone still answers.
	if failed < requests/2 {
		t.Errorf("%d of %d requests failed with --faults 1, want most", failed, requests)
	}
	cancel()
	if code := <-done; code != 0 {
		t.Errorf("simulate exited %d", code)
	}
}
