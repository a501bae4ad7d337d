package teamtailor

import (
	"net/http"
	"strconv"
	"testing"
	"time"
)

// Teamtailor's headers as the gate reads them: the remaining count as is,
// the seconds left as the Unix second the period ends, at most a minute
// away (the docs warn the values may be static); answers without usable
// numbers are left alone.
func TestRateHeadersTranslate(t *testing.T) {
	t.Parallel()
	now := time.Unix(1_800_000_000, 300_000_000)
	for _, tc := range []struct {
		name             string
		remaining, reset string
		wantRem          string
		wantReset        int64 // seconds after now's second; -1: none
	}{
		{"in a period", "12", "7", "12", 7},
		{"spent", "0", "3", "0", 3},
		{"a static hour", "0", "3600", "0", 60},
		{"no numbers", "", "", "", -1},
		{"not a number", "many", "3", "", -1},
		{"a negative reset", "3", "-1", "", -1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := http.Header{}
			if tc.remaining != "" {
				h.Set("X-Rate-Limit-Remaining", tc.remaining)
				h.Set("X-Rate-Limit-Reset", tc.reset)
			}
			rt := rateHeaders{now: func() time.Time { return now }, next: roundTrip(func(*http.Request) (*http.Response, error) {
				return &http.Response{StatusCode: 200, Header: h}, nil
			})}
			resp, err := rt.RoundTrip(&http.Request{})
			if err != nil {
				t.Fatal(err)
			}
			want := ""
			if tc.wantReset >= 0 {
				want = strconv.FormatInt(now.Unix()+tc.wantReset, 10)
			}
			if got := resp.Header.Get("X-RateLimit-Remaining"); got != tc.wantRem {
				t.Errorf("X-RateLimit-Remaining = %q, want %q", got, tc.wantRem)
			}
			if got := resp.Header.Get("X-RateLimit-Reset"); got != want {
				t.Errorf("X-RateLimit-Reset = %q, want %q", got, want)
			}
		})
	}
}

type roundTrip func(*http.Request) (*http.Response, error)

func (f roundTrip) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }
