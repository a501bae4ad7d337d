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
				p.add(line, "opening: board %q is not configured; boards: %s", b, strings.Join(slices.Sorted(maps.Keys(names)), ", "))
			}
		}
	}
}

// isWebURL reports whether s is an absolute http(s) URL; strict allows http
// only to the local machine.
func isWebURL(s string, strict bool) bool {
	u, err := url.Parse(s)
	if err != nil || u.Host == "" || u.User != nil {
		return false
	}
	switch u.Scheme {
	case "https":
		return true
	case "http":
		return !strict || isLoopback(u.Hostname())
	}
	return false
}

func isLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
