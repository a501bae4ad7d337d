package atshttp

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"
)

func TestScrubURLs(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ in, want string }{
		{"no url here", "no url here"},
		{"GET https://h.example/p?page=2", "GET https://h.example/p?page=2"},
		{"GET https://h.example/p?private_token=abc123&page=2 failed", "GET https://h.example/p?page=2&private_token=REDACTED failed"},
		{`Get "https://me:pw@h.example/x": EOF`, `Get "https://REDACTED@h.example/x": EOF`},
		{"http://127.0.0.1:1/v1?api_key=k&sig=s", "http://127.0.0.1:1/v1?api_key=REDACTED&sig=REDACTED"},
		{"GET https://api.lever.co/v1#LEVERKEY: EOF", "GET https://api.lever.co/v1: EOF"},
		{"GET https://h.example/p?page=2#tok", "GET https://h.example/p?page=2"},
	} {
		if got := scrubURLs(tc.in); got != tc.want {
			t.Errorf("scrubURLs(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// A page URL's token never reaches the debug log of the shared client.
func TestClientLogsNoQuerySecrets(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusBadGateway)
	}))
	defer srv.Close()
	var buf bytes.Buffer
	log := zap.New(zapcore.NewCore(zapcore.NewJSONEncoder(zap.NewDevelopmentEncoderConfig()), zapcore.Lock(zapcore.AddSync(&buf)), zapcore.DebugLevel))
	c := NewHTTPClient(Options{Logger: log, RetryMax: 1, RetryWaitMin: 1, RetryWaitMax: 1})
	resp, err := c.Get(srv.URL + "/page.md?private_token=s3cr3t")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if strings.Contains(buf.String(), "s3cr3t") || !strings.Contains(buf.String(), "performing request") {
		t.Errorf("log holds the token, or logged nothing:\n%s", buf.String())
	}
}
