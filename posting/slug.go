package posting

import (
	"strings"
	"unicode"
)

// Slug makes a key from a title: lower case, letters and digits kept, every
// other run of characters one "-". "Verify (CI)" → "verify-ci".
func Slug(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	dash := false
	for _, r := range strings.ToLower(s) {
		switch {
		case r == '&' || r == '\'' || r == '’':
			// "Delivery & Scalability" → "delivery-scalability"; "GitLab's" → "gitlabs"
			if r != '&' {
				continue
			}
			dash = b.Len() > 0
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if dash {
				b.WriteByte('-')
				dash = false
			}
			b.WriteRune(r)
		default:
			dash = b.Len() > 0
		}
	}
	return b.String()
}
