package config

import (
	"strings"
	"testing"
)

// A URL in the config that carries a credential is refused with a message
// that names its line and what is wrong, and never shows the user, the
// password, the query or the fragment.
func TestURLProblemsShowNoSecret(t *testing.T) {
	t.Parallel()
	const boards = "boards: [{name: local, type: local, dir: out}]\n"
	for _, tc := range []struct {
		name, yaml, want string
	}{
		{"source url with a password", "sources: [{url: 'https://user:S3CRETpw@example.com/p.md?private_token=S3CRETtok'}]\n", `source url "https://example.com/p.md": holds a user name or password`},
		{"source url with a fragment", "sources: [{url: 'https://example.com/p.md?private_token=S3CRETtok#S3CRETfrag'}]\n", `source url "https://example.com/p.md": has a fragment`},
		{"bad source url with a token", "sources: [{url: 'ftp://example.com/p.md?private_token=S3CRETtok'}]\n", `source url "ftp://example.com/p.md": want an https URL`},
		{"base url with a password", "sources: [{path: p.md, base_url: 'https://u:S3CRETpw@example.com/'}]\n", `source base_url "https://example.com/": holds a user name or password`},
		{"base url with a query", "sources: [{path: p.md, base_url: 'https://example.com/?client_secret=S3CRETq'}]\n", `source base_url "https://example.com/": has a query`},
		{"base url with a fragment", "sources: [{path: p.md, base_url: 'https://example.com/#S3CRETfrag'}]\n", `source base_url "https://example.com/": has a fragment`},
		{"company url with a password", "company: {url: 'https://u:S3CRETpw@example.com'}\nsources: [{path: p.md}]\n", `company url "https://example.com": holds a user name or password`},
		{"unparsable url", "sources: [{url: 'https://u:S3CRETpw@exa mple.com/p?token=S3CRETtok'}]\n", `source url "https://exa mple.com/p": want an https URL`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			_, err := Parse("jobsync.yaml", "/cfg", []byte(tc.yaml+boards))
			if err == nil {
				t.Fatal("Parse: no error")
			}
			if msg := err.Error(); !strings.Contains(msg, tc.want) || strings.Contains(msg, "S3CRET") {
				t.Errorf("error = %q, want one holding %q and no S3CRET", msg, tc.want)
			}
		})
	}
}

// A source URL may carry its token in the query (a GitLab private_token).
func TestSourceURLWithATokenIsFine(t *testing.T) {
	t.Parallel()
	_, err := Parse("jobsync.yaml", "/cfg", []byte("sources: [{url: 'https://example.com/p.md?private_token=x'}]\nboards: [{name: local, type: local, dir: out}]\n"))
	if err != nil {
		t.Fatal(err)
	}
}

// A config that repeats one opening by YAML aliases past MaxOpenings is
// refused on the openings line, before any is decoded.
func TestOpeningsBounded(t *testing.T) {
	t.Parallel()
	head := "sources: [{path: p.md}]\nboards: [{name: local, type: local, dir: out}]\nopenings:\n  - &o {family: f, level: '*', specialty: '*'}\n"
	_, err := Parse("jobsync.yaml", "/cfg", []byte(head+strings.Repeat("  - *o\n", MaxOpenings)))
	if err == nil || !strings.Contains(err.Error(), "jobsync.yaml:4: openings: 1001 of them; the limit is 1000") {
		t.Errorf("error = %v, want the openings refused on line 4", err)
	}
	if _, err := Parse("jobsync.yaml", "/cfg", []byte(head+strings.Repeat("  - *o\n", 10))); err != nil {
		t.Errorf("11 openings: %v", err)
	}
	many := "sources: [{path: p.md}]\nboards: [{name: local, type: local, dir: out}]\nopenings:\n  - {family: f, level: '*', locations: [" + strings.Repeat("'Berlin, Germany', ", MaxLocations) + "'Paris, France']}\n"
	if _, err := Parse("jobsync.yaml", "/cfg", []byte(many)); err == nil || !strings.Contains(err.Error(), "locations: 201 of them") {
		t.Errorf("201 locations: error = %v", err)
	}
}
