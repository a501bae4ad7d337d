package source

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/hashicorp/go-retryablehttp"
)

// cacheMeta is what the cache keeps beside a page's body.
type cacheMeta struct {
	URL          string `json:"url"`
	ETag         string `json:"etag,omitempty"`
	LastModified string `json:"last_modified,omitempty"`
}

// fetch GETs a page, revalidating a cached copy when there is one.
func fetch(ctx context.Context, raw string, opts ReadOptions) (Page, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return Page{}, fmt.Errorf("%s: bad URL", redact(raw))
	}
	name := redactURL(u)
	if strings.EqualFold(u.Scheme, "http") && !isLoopback(u.Hostname()) {
		return Page{}, fmt.Errorf("%s: plain http is only allowed for 127.0.0.1; use https", name)
	}
	client := opts.Client
	if client == nil {
		client = defaultClient()
	}
	cache := cacheFor(opts.CacheDir, u.String())
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return Page{}, fmt.Errorf("%s: %w", name, err)
	}
	req.Header.Set("Accept", "text/markdown, text/plain;q=0.9, */*;q=0.1")
	meta, cached := cache.load()
	if cached != nil {
		if meta.ETag != "" {
			req.Header.Set("If-None-Match", meta.ETag)
		}
		if meta.LastModified != "" {
			req.Header.Set("If-Modified-Since", meta.LastModified)
		}
	}
	resp, err := client.Do(req)
	if err != nil {
		return Page{}, &fetchError{url: name, err: err, raw: u.String()}
	}
	defer resp.Body.Close()
	switch {
	case resp.StatusCode == http.StatusNotModified && cached != nil:
		return Page{Path: name, Data: cached}, nil
	case resp.StatusCode != http.StatusOK:
		return Page{}, fmt.Errorf("GET %s: unexpected status %s", name, resp.Status)
	}
	limit := opts.maxSize()
	if resp.ContentLength > limit {
		return Page{}, fmt.Errorf("GET %s: %w: %d bytes, the limit is %d", name, errTooLarge, resp.ContentLength, limit)
	}
	data, err := io.ReadAll(io.LimitReader(resp.Body, limit+1))
	if err != nil {
		return Page{}, &fetchError{url: name, err: err, raw: u.String()}
	}
	if int64(len(data)) > limit {
		return Page{}, fmt.Errorf("GET %s: %w: over %d bytes", name, errTooLarge, limit)
	}
	cache.store(cacheMeta{URL: name, ETag: resp.Header.Get("ETag"), LastModified: resp.Header.Get("Last-Modified")}, data)
	return Page{Path: name, Data: data}, nil
}

// defaultClient retries GETs on network errors, 429 and 5xx, and returns
// the last response rather than its own error when it gives up.
func defaultClient() *http.Client {
	c := retryablehttp.NewClient()
	c.Logger = nil
	c.RetryMax = 3
	c.RetryWaitMin = 500 * time.Millisecond
	c.RetryWaitMax = 5 * time.Second
	c.HTTPClient.Timeout = 30 * time.Second
	c.ErrorHandler = retryablehttp.PassthroughErrorHandler
	return c.StandardClient()
}

func isLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// fetchError is a failed GET whose message names the URL without its
// credentials, even when the cause quotes the full URL.
type fetchError struct {
	url string
	raw string
	err error
}

func (e *fetchError) Error() string {
	msg := e.err.Error()
	var ue *url.Error
	if errors.As(e.err, &ue) {
		msg = ue.Err.Error()
	}
	msg = strings.ReplaceAll(msg, e.raw, e.url)
	return "GET " + e.url + ": " + msg
}

func (e *fetchError) Unwrap() error { return e.err }

// secretParams are query parameters whose values are never shown.
var secretParams = []string{"token", "key", "secret", "password", "passwd", "auth", "sig", "signature", "credential"}

// redactURL drops user info and the fragment, and hides secret-looking query
// values.
func redactURL(u *url.URL) string {
	c := *u
	c.User = nil
	c.Fragment, c.RawFragment = "", ""
	if c.RawQuery != "" {
		q := c.Query()
		for k := range q {
			lk := strings.ToLower(k)
			for _, s := range secretParams {
				if strings.Contains(lk, s) {
					q.Set(k, "REDACTED")
					break
				}
			}
		}
		c.RawQuery = q.Encode()
	}
	return c.String()
}

func redact(raw string) string {
	if i := strings.IndexAny(raw, "?#"); i >= 0 {
		raw = raw[:i]
	}
	if i := strings.Index(raw, "@"); i >= 0 {
		if j := strings.Index(raw, "://"); j >= 0 && j < i {
			raw = raw[:j+3] + raw[i+1:]
		}
	}
	return raw
}

// pageCache is one URL's place in the cache; the zero value caches nothing.
type pageCache struct {
	body, meta string
}

// cacheFor places a URL in dir ("" the user cache, "-" none).
func cacheFor(dir, rawURL string) pageCache {
	if dir == "-" {
		return pageCache{}
	}
	if dir == "" {
		base, err := os.UserCacheDir()
		if err != nil {
			return pageCache{}
		}
		dir = filepath.Join(base, "jobsync", "pages")
	}
	sum := sha256.Sum256([]byte(rawURL))
	key := hex.EncodeToString(sum[:16])
	return pageCache{body: filepath.Join(dir, key+".md"), meta: filepath.Join(dir, key+".json")}
}

// load returns the cached body and its validators, or nil.
func (c pageCache) load() (cacheMeta, []byte) {
	var m cacheMeta
	if c.body == "" {
		return m, nil
	}
	mb, err := os.ReadFile(c.meta)
	if err != nil || json.Unmarshal(mb, &m) != nil || m.ETag == "" && m.LastModified == "" {
		return m, nil
	}
	body, err := os.ReadFile(c.body)
	if err != nil {
		return m, nil
	}
	return m, body
}

// store keeps a body with its validators, written to temporary files and
// renamed into place. A page without validators is not kept. The cache is
// an optimisation: failing to write it does not fail the read.
func (c pageCache) store(m cacheMeta, body []byte) {
	if c.body == "" || m.ETag == "" && m.LastModified == "" {
		return
	}
	mb, err := json.Marshal(m)
	if err != nil {
		return
	}
	if err := os.MkdirAll(filepath.Dir(c.body), 0o700); err != nil {
		return
	}
	if writeAtomic(c.body, body) == nil {
		_ = writeAtomic(c.meta, mb)
	}
}

func writeAtomic(path string, data []byte) error {
	f, err := os.CreateTemp(filepath.Dir(path), ".tmp-*")
	if err != nil {
		return err
	}
	tmp := f.Name()
	_, werr := f.Write(data)
	cerr := f.Close()
	if werr != nil || cerr != nil {
		_ = os.Remove(tmp)
		return errors.Join(werr, cerr)
	}
	if err := os.Rename(tmp, path); err != nil {
		_ = os.Remove(tmp)
		return err
	}
	return nil
}
