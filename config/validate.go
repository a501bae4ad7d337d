package config

import (
	"maps"
	"net"
	"net/url"
	"regexp"
	"slices"
	"strings"

	"github.com/jobsync/jobsync/ats"
)

var (
	boardNameRE = regexp.MustCompile(`^[a-z0-9_-]+$`)
	currencyRE  = regexp.MustCompile(`^[A-Z]{3}$`)
)

// The values an opening's workplace and a pay interval may take.
var (
	workplaces   = []string{"remote", "hybrid", "onsite"}
	payIntervals = []string{"year", "month", "hour"}
)

// validate checks what decoding cannot: required values, allowed values and
// references between sections.
func validate(c *Config, p *problems) {
	if len(c.Sources) == 0 {
		p.add(0, "no sources: add at least one under sources, with a path or a url")
	}
	for _, s := range c.Sources {
		switch {
		case s.Path == "" && s.URL == "":
			p.add(s.Line, "source: want a path or a url")
		case s.Path != "" && s.URL != "":
			p.add(s.Line, "source: has both a path and a url; want one")
		}
	}
	if len(c.Boards) == 0 {
		p.add(0, "no boards: add at least one under boards (type local, with a dir, to start)")
	}
	// Names are unique as the environment sees them: "gh-eu" and "gh_eu"
	// would read one set of JOBSYNC_GH_EU_* credentials.
	names, prefixes := map[string]int{}, map[string]int{}
	for _, b := range c.Boards {
		switch {
		case b.Name == "":
			p.add(b.Line, "board: no name")
		case prefixes[ats.EnvPrefix(b.Name)] > 0:
			p.add(b.Line, "board %q: name already used on line %d (names are told apart as their %s_… variables)", b.Name, prefixes[ats.EnvPrefix(b.Name)], ats.EnvPrefix(b.Name))
		default:
			names[b.Name] = b.Line
			prefixes[ats.EnvPrefix(b.Name)] = b.Line
		}
		if b.Type == "" {
			p.add(b.Line, "board %q: no type: want one of %s", b.Name, strings.Join(ats.KindNames(), ", "))
		}
	}
	for i, o := range c.Openings {
		line := c.OpeningLines[i]
		if strings.TrimSpace(o.Family) == "" {
			p.add(line, "opening: no family: name the family by its key or title")
		}
		for _, b := range o.Boards {
			if names[b] == 0 {
				configured := slices.Sorted(maps.Keys(names))
				p.add(line, "opening: board %q is not configured%s; boards: %s", b, didYouMean(b, configured), strings.Join(configured, ", "))
			}
		}
	}
}

// urlProblem says what is wrong with s as a web URL in the config, or ""
// when nothing is; want is the problem of a URL that is not one (no host, a
// wrong scheme). strict allows plain http only to the local machine. A user
// name or password and a fragment are refused, and a query unless query
// allows it: a config file is shared, and a message would have to show them.
func urlProblem(s string, strict, query bool, want string) string {
	u, err := url.Parse(s)
	switch {
	case err != nil || u.Host == "" || !isWebScheme(u, strict):
		return want
	case u.User != nil:
		return "holds a user name or password: remove it, a config file is no place for a credential"
	case u.Fragment != "" || strings.Contains(s, "#"):
		return "has a fragment (#…): remove it"
	case !query && (u.RawQuery != "" || u.ForceQuery):
		return "has a query (?…): remove it"
	}
	return ""
}

func isWebScheme(u *url.URL, strict bool) bool {
	switch u.Scheme {
	case "https":
		return true
	case "http":
		return !strict || isLoopback(u.Hostname())
	}
	return false
}

// shownURL is what a message shows of a URL: never its user, password,
// query or fragment, even when s does not parse.
func shownURL(s string) string {
	if i := strings.IndexAny(s, "?#"); i >= 0 {
		s = s[:i]
	}
	scheme, rest, ok := strings.Cut(s, "://")
	if !ok {
		return s
	}
	host, path, _ := strings.Cut(rest, "/")
	if i := strings.LastIndex(host, "@"); i >= 0 {
		host = host[i+1:]
	}
	if path != "" || strings.Contains(rest, "/") {
		path = "/" + path
	}
	return scheme + "://" + host + path
}

func isLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
