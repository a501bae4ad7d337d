package source

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"
)

const tinyPage = "---\ntitle: Tiny Role\n---\n\n## Role\n\nA tiny role.\n"

func TestReadFolder(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	for _, name := range []string{"b.md", "a.md", "sub/c.md", ".hidden/d.md", "notes.txt"} {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(tinyPage), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	pages, err := Read(t.Context(), dir, ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range pages {
		rel, _ := filepath.Rel(dir, p.Path)
		got = append(got, filepath.ToSlash(rel))
	}
	if strings.Join(got, ",") != "a.md,b.md,sub/c.md" {
		t.Errorf("pages %v", got)
	}
	if _, err := Read(t.Context(), filepath.Join(dir, ".hidden"), ReadOptions{}); err != nil {
		t.Errorf("a folder named directly is read even when hidden: %v", err)
	}
	empty := t.TempDir()
	if _, err := Read(t.Context(), empty, ReadOptions{}); err == nil || !strings.Contains(err.Error(), empty) {
		t.Errorf("empty folder: %v", err)
	}
}

// TestLoadReportsEveryPage: every page is reported, the failing ones with
// their error, and a loc that cannot be read is one failed page named
// without its credentials.
func TestLoadReportsEveryPage(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	files := map[string]string{"good.md": tinyPage, "bad1.md": "", "bad2.md": "---\ntitle: [\n---\n"}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	pages := Load(t.Context(), dir, LoadOptions{BaseURL: "https://example.com"})
	if len(pages) != 3 {
		t.Fatalf("%d pages, want 3: %+v", len(pages), pages)
	}
	for _, pg := range pages { // sorted: bad1, bad2, good
		var pe *ParseError
		switch filepath.Base(pg.Path) {
		case "good.md":
			if f := pg.Family; pg.Err != nil || f.Title != "Tiny Role" || f.BaseURL != "https://example.com" || f.Source != pg.Path {
				t.Errorf("good page: %+v", pg)
			}
		default:
			if !errors.As(pg.Err, &pe) || !strings.Contains(pg.Err.Error(), pg.Path) {
				t.Errorf("%s: error %v, want a *ParseError naming the page", pg.Path, pg.Err)
			}
		}
	}
	const secret = "http://user:hunter2@handbook.example.com/role.md?private_token=hunter2" // refused before any request
	got := Load(t.Context(), secret, LoadOptions{Read: ReadOptions{CacheDir: "-"}})
	if len(got) != 1 || got[0].Err == nil || strings.Contains(got[0].Path, "hunter2") || strings.Contains(got[0].Err.Error(), "hunter2") {
		t.Errorf("an unreadable URL: %+v, want one failed page without the credentials", got)
	}
}

func TestReadURL(t *testing.T) {
	t.Parallel()
	mux := http.NewServeMux()
	mux.HandleFunc("/handbook/role.md", func(w http.ResponseWriter, r *http.Request) {
		_, _ = w.Write([]byte(tinyPage))
	})
	mux.HandleFunc("/handbook/big.md", func(w http.ResponseWriter, r *http.Request) {
		_, _ = w.Write([]byte(strings.Repeat("a", 4096)))
	})
	mux.HandleFunc("/handbook/chunked.md", func(w http.ResponseWriter, r *http.Request) {
		for i := 0; i < 8; i++ {
			_, _ = w.Write([]byte(strings.Repeat("a", 512)))
			w.(http.Flusher).Flush() // no Content-Length: the limit applies while reading
		}
	})
	var flaky atomic.Int32
	mux.HandleFunc("/handbook/flaky.md", func(w http.ResponseWriter, r *http.Request) {
		if flaky.Add(1) == 1 {
			http.Error(w, "try again", http.StatusServiceUnavailable)
			return
		}
		_, _ = w.Write([]byte(tinyPage))
	})
	srv := httptest.NewTLSServer(mux) // https, as real handbook URLs are
	t.Cleanup(srv.Close)
	// No short timeout here: on a loaded machine a TLS handshake alone can
	// take 100 ms. The timeout is TestReadTimeout's, on a fake clock.
	patient := *srv.Client() // a copy: Client returns one shared value
	patient.Timeout = 30 * time.Second
	plain := httptest.NewServer(mux) // http is allowed for the loopback host
	t.Cleanup(plain.Close)

	for _, tc := range []struct {
		name, path, msg string
		client          *http.Client
	}{
		{"404", "/handbook/missing.md", "404", &patient},
		{"too large", "/handbook/big.md", "too large", &patient},
		{"too large, chunked", "/handbook/chunked.md", "too large", &patient},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			url := srv.URL + tc.path
			_, err := Read(t.Context(), url, ReadOptions{Client: tc.client, CacheDir: t.TempDir(), MaxSize: 1024})
			if err == nil || !strings.Contains(err.Error(), url) || !strings.Contains(err.Error(), tc.msg) {
				t.Fatalf("got %v, want an error naming %s and saying %q", err, url, tc.msg)
			}
		})
	}
	t.Run("ok with default client", func(t *testing.T) {
		t.Parallel()
		pages := Load(t.Context(), plain.URL+"/handbook/role.md", LoadOptions{Read: ReadOptions{CacheDir: t.TempDir()}})
		if len(pages) != 1 || pages[0].Err != nil {
			t.Fatalf("%+v", pages)
		}
		if f := pages[0].Family; f.BaseURL != plain.URL || f.Source != plain.URL+"/handbook/role.md" {
			t.Errorf("base %q source %q", f.BaseURL, f.Source)
		}
	})
	t.Run("default client retries a 503", func(t *testing.T) {
		t.Parallel()
		pages, err := Read(t.Context(), plain.URL+"/handbook/flaky.md", ReadOptions{CacheDir: "-"})
		if err != nil || string(pages[0].Data) != tinyPage || flaky.Load() != 2 {
			t.Fatalf("%v after %d requests", err, flaky.Load())
		}
	})
	t.Run("ok over https", func(t *testing.T) {
		t.Parallel()
		pages, err := Read(t.Context(), srv.URL+"/handbook/role.md", ReadOptions{Client: srv.Client(), CacheDir: "-"})
		if err != nil || len(pages) != 1 || string(pages[0].Data) != tinyPage {
			t.Fatalf("%v %+v", err, pages)
		}
	})
	t.Run("credentials hidden", func(t *testing.T) {
		t.Parallel()
		u := strings.Replace(srv.URL, "https://", "https://user:hunter2@", 1) + "/handbook/missing.md?private_token=hunter2&ref=main#hunter2"
		_, err := Read(t.Context(), u, ReadOptions{Client: &patient, CacheDir: "-"})
		if err == nil || strings.Contains(err.Error(), "hunter2") || !strings.Contains(err.Error(), "ref=main") {
			t.Fatalf("error %v leaks or loses the URL", err)
		}
	})
	t.Run("plain http elsewhere refused", func(t *testing.T) {
		t.Parallel()
		_, err := Read(t.Context(), "http://handbook.example.com/role.md", ReadOptions{CacheDir: "-"})
		if err == nil || !strings.Contains(err.Error(), "https") {
			t.Fatalf("got %v", err)
		}
	})
	t.Run("cancelled", func(t *testing.T) {
		t.Parallel()
		ctx, cancel := context.WithCancel(t.Context())
		cancel()
		_, err := Read(ctx, srv.URL+"/handbook/role.md", ReadOptions{Client: &patient, CacheDir: "-"})
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("got %v, want context.Canceled", err)
		}
	})
}

// TestReadTimeout: a server that never answers gives an error naming the
// URL once the client's timeout passes. The timeout runs on synctest's
// clock, and the server is a transport that waits for the request to end,
// so no real time passes and no handshake races the timeout.
func TestReadTimeout(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		client := &http.Client{
			Timeout: 30 * time.Second,
			Transport: roundTripper(func(r *http.Request) (*http.Response, error) {
				<-r.Context().Done()
				return nil, r.Context().Err()
			}),
		}
		const url = "https://handbook.example.com/handbook/slow.md"
		start := time.Now()
		_, err := Read(t.Context(), url, ReadOptions{Client: client, CacheDir: "-"})
		// net/http says "Client.Timeout exceeded" only when its timer wins
		// the race with the request's deadline: both mean the same.
		if !errors.Is(err, context.DeadlineExceeded) || !strings.Contains(err.Error(), url) || !strings.Contains(err.Error(), "deadline exceeded") {
			t.Fatalf("got %v, want an error naming %s and saying the deadline passed", err, url)
		}
		if waited := time.Since(start); waited != 30*time.Second {
			t.Errorf("gave up after %v, want the client's 30s", waited)
		}
	})
}

type roundTripper func(*http.Request) (*http.Response, error)

func (f roundTripper) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

// TestReadETagCache: the second read revalidates and uses the cached body.
func TestReadETagCache(t *testing.T) {
	t.Parallel()
	var full, notModified atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		const etag = `"v1"`
		if r.Header.Get("If-None-Match") == etag {
			notModified.Add(1)
			w.WriteHeader(http.StatusNotModified)
			return
		}
		full.Add(1)
		w.Header().Set("ETag", etag)
		w.Header().Set("Last-Modified", "Mon, 02 Jan 2006 15:04:05 GMT")
		_, _ = w.Write([]byte(tinyPage))
	}))
	t.Cleanup(srv.Close)
	cache := t.TempDir()
	opts := ReadOptions{Client: srv.Client(), CacheDir: cache}
	for i := 0; i < 3; i++ {
		pages, err := Read(t.Context(), srv.URL+"/role.md", opts)
		if err != nil {
			t.Fatal(err)
		}
		if string(pages[0].Data) != tinyPage {
			t.Fatalf("read %d: body %q", i, pages[0].Data)
		}
	}
	if full.Load() != 1 || notModified.Load() != 2 {
		t.Errorf("%d full responses, %d 304s; want 1 and 2", full.Load(), notModified.Load())
	}
}

// TestReadLastModifiedCache: without an ETag, If-Modified-Since is sent.
func TestReadLastModifiedCache(t *testing.T) {
	t.Parallel()
	var notModified atomic.Int32
	const stamp = "Mon, 02 Jan 2006 15:04:05 GMT"
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("If-Modified-Since") == stamp {
			notModified.Add(1)
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("Last-Modified", stamp)
		_, _ = w.Write([]byte(tinyPage))
	}))
	t.Cleanup(srv.Close)
	opts := ReadOptions{Client: srv.Client(), CacheDir: t.TempDir()}
	for i := 0; i < 2; i++ {
		if _, err := Read(t.Context(), srv.URL+"/role.md", opts); err != nil {
			t.Fatal(err)
		}
	}
	if notModified.Load() != 1 {
		t.Errorf("%d 304s, want 1", notModified.Load())
	}
}
