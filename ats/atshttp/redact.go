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

// A credential a board echoes back: a header holding one ("Authorization:
// Basic …", "X-SmartToken": "…", as text or JSON), or a bare
// "Bearer <token>". Basic credentials are base64, which no search for the
// key itself finds.
var (
	credentialHeader = regexp.MustCompile(`(?i)([\w-]*(?:authorization|token|api[-_]?key|secret)"?\s*:\s*"?)(?:(?:basic|bearer|token)\s+)?[^\s"',;}]+`)
	credentialScheme = regexp.MustCompile(`(?i)\b(basic|bearer)\s+[a-z0-9+/=._~-]{8,}`)
)

// scrubText hides the credentials in a text a board or a transport wrote:
// those of URLs (scrubURLs) and echoed headers.
func scrubText(s string) string {
	s = scrubURLs(s)
	s = credentialHeader.ReplaceAllString(s, "${1}[redacted]")
	return credentialScheme.ReplaceAllString(s, "${1} [redacted]")
}

// scrubURLs hides the user info, the secret-looking query values and the
// fragment (Lever's key was once put there) of every URL in s.
func scrubURLs(s string) string {
	if !strings.Contains(s, "://") {
		return s
	}
	return urlPattern.ReplaceAllStringFunc(s, func(raw string) string {
		// Punctuation after a URL in a sentence is not part of it.
		trimmed := strings.TrimRight(raw, ".,:;)")
		tail := raw[len(trimmed):]
		u, err := url.Parse(trimmed)
		if err != nil {
			return "[a URL that does not parse]" + tail
		}
		u.Fragment, u.RawFragment = "", ""
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
		return u.String() + tail
	})
}

// scrubValues scrubs the values of a key-value list as retryablehttp logs
// it: URLs, and errors that quote them.
func scrubValues(kv []any) []any {
	out := make([]any, len(kv))
	for i, v := range kv {
		switch v := v.(type) {
		case string:
			out[i] = scrubText(v)
		case error:
			out[i] = scrubText(v.Error())
		case interface{ String() string }:
			out[i] = scrubText(v.String())
		default:
			out[i] = v
		}
	}
	return out
}
