package atshttp

import (
	"net/url"
	"regexp"
	"strings"
)

// urlPattern finds URLs inside log values and error texts.
var urlPattern = regexp.MustCompile(`https?://[^\s"'<>]+`)

// secretParams are query parameters whose values never reach a log: a page
// URL may carry a private token.
var secretParams = []string{"token", "key", "secret", "password", "passwd", "auth", "sig", "signature", "credential"}

// scrubURLs hides the user info and the secret-looking query values of every
// URL in s.
func scrubURLs(s string) string {
	if !strings.Contains(s, "://") {
		return s
	}
	return urlPattern.ReplaceAllStringFunc(s, func(raw string) string {
		u, err := url.Parse(raw)
		if err != nil {
			return raw
		}
		if u.User != nil {
			u.User = url.User("REDACTED")
		}
		if u.RawQuery != "" {
			q := u.Query()
			for k := range q {
				lk := strings.ToLower(k)
				for _, s := range secretParams {
					if strings.Contains(lk, s) {
						q.Set(k, "REDACTED")
						break
					}
				}
			}
			u.RawQuery = q.Encode()
		}
		return u.String()
	})
}

// scrubValues scrubs the values of a key-value list as retryablehttp logs
// it: URLs, and errors that quote them.
func scrubValues(kv []any) []any {
	out := make([]any, len(kv))
	for i, v := range kv {
		switch v := v.(type) {
		case string:
			out[i] = scrubURLs(v)
		case error:
			out[i] = scrubURLs(v.Error())
		case interface{ String() string }:
			out[i] = scrubURLs(v.String())
		default:
			out[i] = v
		}
	}
	return out
}
