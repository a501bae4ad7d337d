package atstest

import (
	"errors"
	"io"
	"net/http"
	"testing"
)

func TestInMemory(t *testing.T) {
	t.Parallel()
	served := 0
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		served++
		switch r.URL.Path {
		case "/hijack":
			conn, _, err := w.(http.Hijacker).Hijack()
			if err != nil {
				t.Fatal(err)
			}
			conn.Close()
		case "/abort":
			panic(http.ErrAbortHandler)
		default:
			w.Header().Set("X-Seen", r.Method)
			w.WriteHeader(http.StatusCreated)
			_, _ = io.WriteString(w, "made")
		}
	})
	c := &http.Client{Transport: InMemory(h)}
	resp, err := c.Post("http://board.test/x", "text/plain", nil)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusCreated || string(body) != "made" || resp.Header.Get("X-Seen") != "POST" {
		t.Errorf("answer %d %q %v", resp.StatusCode, body, resp.Header)
	}
	for _, path := range []string{"/hijack", "/abort"} {
		if _, err := c.Get("http://board.test" + path); !errors.Is(err, io.ErrUnexpectedEOF) {
			t.Errorf("%s: %v, want a dropped connection", path, err)
		}
	}
	if served != 3 {
		t.Errorf("the handler served %d requests, want 3", served)
	}
}
