package config

import (
	"net/mail"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/jobsync/jobsync/posting"
	"go.yaml.in/yaml/v3"
)

// decode fills c from the YAML data, adding a problem for every unknown key,
// repeated key and value of the wrong kind. It returns false when the data
// is not a YAML document at all, which leaves nothing to validate.
func decode(c *Config, data []byte, p *problems) bool {
	return (&decoder{p: p}).decode(c, data)
}

func (d *decoder) decode(c *Config, data []byte) bool {
	p := d.p
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		line, msg := yamlError(err)
		p.add(line, "%s", msg)
		return false
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		p.add(0, "the file is empty: want at least sources and boards")
		return false
	}
	d.mapping(doc.Content[0], "the config", fields{
		"company": func(n *yaml.Node) {
			d.mapping(n, "company", fields{
				"name": func(n *yaml.Node) { c.Company.Name = d.str(n, "company name") },
				"url": func(n *yaml.Node) {
					c.Company.URL = d.webURL(n, "company url", false, true, "want an absolute http(s) URL")
				},
				"apply_url":   func(n *yaml.Node) { c.Company.ApplyURL = d.applyURL(n, "company apply_url") },
				"apply_email": func(n *yaml.Node) { c.Company.ApplyEmail = d.email(n, "company apply_email") },
				"employees": func(n *yaml.Node) {
					c.Company.Employees = d.int(n, "company employees")
					if c.Company.Employees < 0 {
						d.p.add(n.Line, "company employees %d: want 0 (unknown) or more", c.Company.Employees)
					}
				},
			})
		},
		"owner": func(n *yaml.Node) {
			c.OwnerLine = n.Line
			c.Owner = d.str(n, "owner")
			if !ownerRE.MatchString(c.Owner) {
				d.p.add(n.Line, "owner %q: want lower-case letters, digits, '.', '_' or '-' (at most 64), starting with a letter or digit", c.Owner)
			}
		},
		"pay_transparency": func(n *yaml.Node) {
			c.PayTransparencyLine = n.Line
			c.PayTransparency = d.str(n, "pay_transparency")
			if !slices.Contains([]string{PayError, PayWarn}, c.PayTransparency) {
				d.p.add(n.Line, "pay_transparency %q: want %s (stop before any write) or %s", c.PayTransparency, PayError, PayWarn)
				c.PayTransparency = PayError
			}
		},
		"sources": func(n *yaml.Node) {
			d.sequence(n, "sources", func(n *yaml.Node) { c.Sources = append(c.Sources, d.source(n, c.Dir)) })
		},
		"boards": func(n *yaml.Node) {
			d.sequence(n, "boards", func(n *yaml.Node) { c.Boards = append(c.Boards, d.board(n, c.Dir)) })
		},
		"openings": func(n *yaml.Node) {
			// An empty list means "no openings at all"; an empty key, like
			// no key, means the preview.
			if isNull(resolve(n)) {
				return
			}
			c.Openings = []posting.Opening{}
			if list := resolve(n); list.Kind == yaml.SequenceNode && len(list.Content) > MaxOpenings {
				d.p.add(n.Line, "openings: %d of them; the limit is %d: name several levels or specialties in one opening (\"*\"), or split the config", len(list.Content), MaxOpenings)
				return
			}
			d.sequence(n, "openings", func(n *yaml.Node) {
				c.Openings = append(c.Openings, d.opening(n))
				c.OpeningLines = append(c.OpeningLines, n.Line)
			})
		},
		"guards": func(n *yaml.Node) {
			d.mapping(n, "guards", fields{
				"max_close_percent": func(n *yaml.Node) {
					c.Guards.MaxClosePercent = d.float(n, "max_close_percent")
					if v := c.Guards.MaxClosePercent; v < 0 || v > 100 {
						d.p.add(n.Line, "guards: max_close_percent %v: want 0 to 100", v)
					}
				},
				"max_close_count": func(n *yaml.Node) {
					c.Guards.MaxCloseCount = d.int(n, "max_close_count")
					if v := c.Guards.MaxCloseCount; v < 0 {
						d.p.add(n.Line, "guards: max_close_count %d: want 0 or more", v)
					}
				},
			})
		},
	})
	return true
}

// ownerRE is what an owner id may be: it is written in markers, which
// space and '=' would break.
var ownerRE = regexp.MustCompile(`^[a-z0-9][a-z0-9._-]{0,63}$`)

var yamlLineRE = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// yamlError splits a YAML syntax error into its line and message.
func yamlError(err error) (int, string) {
	msg := err.Error()
	if m := yamlLineRE.FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[1])
		return line, "invalid YAML: " + m[2]
	}
	return 0, "invalid YAML: " + strings.TrimPrefix(msg, "yaml: ")
}

func (d *decoder) source(n *yaml.Node, dir string) Source {
	s := Source{Line: n.Line}
	d.mapping(n, "source", fields{
		"path": func(n *yaml.Node) {
			raw := d.str(n, "source path")
			if strings.Contains(raw, "://") {
				d.p.add(n.Line, "source path %q is a URL: write url: %s instead (path: is a file or folder)", raw, raw)
				s.Path = raw // said once: not also "want a path or a url"
				return
			}
			s.Path = resolvePath(dir, raw)
		},
		"url": func(n *yaml.Node) {
			// A page's token may ride in its query (GitLab's private_token).
			s.URL = d.webURL(n, "source url", true, true, "want an https URL (http only to localhost)")
		},
		"base_url": func(n *yaml.Node) {
			s.BaseURL = d.webURL(n, "source base_url", false, false, "want an absolute http(s) URL")
		},
	})
	return s
}

func (d *decoder) opening(n *yaml.Node) posting.Opening {
	var o posting.Opening
	d.mapping(n, "opening", fields{
		"family":    func(n *yaml.Node) { o.Family = d.str(n, "family") },
		"level":     func(n *yaml.Node) { o.Level = d.str(n, "level") },
		"specialty": func(n *yaml.Node) { o.Specialty = d.str(n, "specialty") },
		"locations": func(n *yaml.Node) {
			o.Locations = d.strs(n, "locations")
			if len(o.Locations) > MaxLocations {
				d.p.add(n.Line, "locations: %d of them; the limit is %d per opening", len(o.Locations), MaxLocations)
				o.Locations = o.Locations[:MaxLocations]
			}
		},
		"department":      func(n *yaml.Node) { o.Department = d.str(n, "department") },
		"employment_type": func(n *yaml.Node) { o.EmploymentType = d.str(n, "employment_type") },
		"workplace": func(n *yaml.Node) {
			o.Workplace = d.str(n, "workplace")
			if o.Workplace != "" && !slices.Contains(workplaces, o.Workplace) {
				d.p.add(n.Line, "workplace %q: want one of %s", o.Workplace, strings.Join(workplaces, ", "))
			}
		},
		"boards": func(n *yaml.Node) {
			o.Boards = d.strs(n, "boards")
			if o.Boards == nil {
				// An empty list would read as "every board", the opposite of
				// what "boards: []" seems to say.
				d.p.add(n.Line, "opening: boards is empty; leave the key out to publish on every board, or remove the opening")
			}
		},
		"pay":         func(n *yaml.Node) { o.Pay = d.pay(n) },
		"apply_url":   func(n *yaml.Node) { o.ApplyURL = d.applyURL(n, "apply_url") },
		"apply_email": func(n *yaml.Node) { o.ApplyEmail = d.email(n, "apply_email") },
		"valid_through": func(n *yaml.Node) {
			o.ValidThrough = d.str(n, "valid_through")
			if _, err := time.Parse(time.DateOnly, o.ValidThrough); err != nil {
				d.p.add(n.Line, "valid_through %q: want a day as YYYY-MM-DD", o.ValidThrough)
			}
		},
		"one_posting_per_location": func(n *yaml.Node) {
			v := d.bool(n, "one_posting_per_location")
			o.PerLocation = &v
		},
	})
	if o.ApplyURL != "" && o.ApplyEmail != "" {
		d.p.add(n.Line, "opening: has both apply_url and apply_email; want one")
	}
	return o
}

// applyURL decodes where to apply: an absolute http(s) URL.
func (d *decoder) applyURL(n *yaml.Node, what string) string {
	return d.webURL(n, what, false, true, "want an absolute http(s) URL")
}

// webURL decodes a web URL (see urlProblem); a problem shows the URL as
// shownURL does.
func (d *decoder) webURL(n *yaml.Node, what string, strict, query bool, want string) string {
	s := d.str(n, what)
	if s == "" {
		return s
	}
	if problem := urlProblem(s, strict, query, want); problem != "" {
		d.p.add(n.Line, "%s %q: %s", what, shownURL(s), problem)
	}
	return s
}

// email decodes a bare e-mail address.
func (d *decoder) email(n *yaml.Node, what string) string {
	s := d.str(n, what)
	if s == "" {
		return s
	}
	if a, err := mail.ParseAddress(s); err != nil || a.Address != s {
		d.p.add(n.Line, "%s %q: want a bare e-mail address, such as jobs@example.com", what, s)
	}
	return s
}

func (d *decoder) pay(n *yaml.Node) *posting.Pay {
	pay := &posting.Pay{}
	var minNode, maxNode *yaml.Node
	d.mapping(n, "pay", fields{
		"min": func(n *yaml.Node) {
			minNode = n
			pay.Min = d.int64(n, "pay min")
		},
		"max": func(n *yaml.Node) {
			maxNode = n
			pay.Max = d.int64(n, "pay max")
		},
		"currency": func(n *yaml.Node) {
			pay.Currency = d.str(n, "pay currency")
			if !currencyRE.MatchString(pay.Currency) {
				d.p.add(n.Line, "pay currency %q: want a 3-letter ISO 4217 code in capitals, such as USD", pay.Currency)
			}
		},
		"interval": func(n *yaml.Node) {
			pay.Interval = d.str(n, "pay interval")
			if pay.Interval != "" && !slices.Contains(payIntervals, pay.Interval) {
				d.p.add(n.Line, "pay interval %q: want one of %s", pay.Interval, strings.Join(payIntervals, ", "))
			}
		},
	})
	line := resolve(n).Line
	switch {
	case minNode == nil || maxNode == nil || pay.Currency == "":
		d.p.add(line, "pay: want min, max and currency")
	case pay.Min < 0 || pay.Max < 0:
		d.p.add(line, "pay: min and max must not be negative")
	case pay.Min > pay.Max:
		d.p.add(maxNode.Line, "pay: min %d is more than max %d", pay.Min, pay.Max)
	}
	return pay
}

// resolvePath makes a relative path relative to the config file's folder.
func resolvePath(dir, path string) string {
	if path == "" || filepath.IsAbs(path) {
		return path
	}
	return filepath.Join(dir, path)
}
