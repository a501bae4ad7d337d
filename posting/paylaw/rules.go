// Package paylaw holds the pay-transparency rules that require a pay range
// in job postings (rules.csv: the jurisdiction, what must be shown, since
// when, the law and the sources it was checked against) and checks openings
// against them before anything is published.
//
// An opening is checked at each of its locations: a location in a
// jurisdiction, or open to applicants from it (a remote posting for "US" is
// open to Colorado), must show a pay range once the rule is in force. How
// locations are read is the location package's rule; a location that names
// no country or state cannot be placed, and is reported so.
//
// Left out on purpose: laws that want pay only on request or before an
// offer (Connecticut, Nevada, Rhode Island), Westchester County's (void
// once New York State's took effect), and the Ohio cities whose laws ban
// salary-history questions without requiring pay in postings (Columbus,
// Cincinnati, Toledo). A row whose day could not be verified has no date
// and is not applied (Newfoundland and Labrador, Delaware).
package paylaw

import (
	"bytes"
	_ "embed"
	"encoding/csv"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/jobsync/jobsync/posting/location"
)

//go:embed rules.csv
var rulesCSV []byte

// Rule is one row of rules.csv: a jurisdiction whose law requires pay in
// job postings.
type Rule struct {
	ID           string // "us-co"
	Jurisdiction string // "Colorado"
	Country      string // ISO alpha-2; "EU" in the file stands for every member state without a row
	Region       string // a US state's or Canadian province's code, or empty
	City         string // or empty
	Since        time.Time
	MinEmployees int    // the law's employer-size threshold; 0 when unknown or none
	Shows        string // what a posting must show
	// InPosting says the pay must be in the posting itself; when false it
	// may come before the interview, and a posting without it is a warning.
	InPosting bool
	// MaxSpread, when set, is the widest range allowed, in Currency a year;
	// ExemptAbove exempts postings whose maximum is higher.
	MaxSpread, ExemptAbove int64
	Currency               string
	Law                    string
	Sources                []string
	Verified               string // "yes", "partly" or "no": checked against Sources with the search tool
	Note                   string
	countries              []string // Country, or the member states an "EU" row stands for
}

// InForce reports whether the rule applies on day now: it has a verified
// start date that has passed.
func (r Rule) InForce(now time.Time) bool {
	return !r.Since.IsZero() && !now.Before(r.Since)
}

var rules = mustParse(rulesCSV)

// Rules returns the table, in file order.
func Rules() []Rule { return slices.Clone(rules) }

var header = []string{"id", "jurisdiction", "country", "region", "city", "since", "min_employees", "shows", "where", "max_spread", "exempt_above", "currency", "law", "sources", "verified", "note"}

func mustParse(data []byte) []Rule {
	rs, err := parseRules(data)
	if err != nil {
		panic("paylaw: rules.csv: " + err.Error()) // the file is embedded: a test catches this
	}
	return rs
}

// parseRules reads rules.csv and checks every row.
func parseRules(data []byte) ([]Rule, error) {
	rows, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		return nil, err
	}
	if len(rows) == 0 || !slices.Equal(rows[0], header) {
		return nil, fmt.Errorf("want the header %s", strings.Join(header, ","))
	}
	var out []Rule
	own := map[string]bool{}
	for i, row := range rows[1:] {
		line := i + 2
		r := Rule{ID: row[0], Jurisdiction: row[1], Country: row[2], Region: row[3], City: row[4],
			Shows: row[7], Currency: row[11], Law: row[12], Sources: strings.Fields(row[13]), Verified: row[14], Note: row[15]}
		if row[5] != "" {
			if r.Since, err = time.Parse(time.DateOnly, row[5]); err != nil {
				return nil, fmt.Errorf("line %d: since: %w", line, err)
			}
		}
		for _, f := range []struct {
			s string
			v *int64
		}{{row[9], &r.MaxSpread}, {row[10], &r.ExemptAbove}} {
			if f.s != "" {
				if *f.v, err = strconv.ParseInt(f.s, 10, 64); err != nil {
					return nil, fmt.Errorf("line %d: %w", line, err)
				}
			}
		}
		if row[6] != "" {
			if r.MinEmployees, err = strconv.Atoi(row[6]); err != nil {
				return nil, fmt.Errorf("line %d: min_employees: %w", line, err)
			}
		}
		switch row[8] {
		case "posting":
			r.InPosting = true
		case "before-interview":
		default:
			return nil, fmt.Errorf("line %d: where %q: want posting or before-interview", line, row[8])
		}
		switch {
		case r.ID == "" || r.Jurisdiction == "" || r.Country == "" || r.Shows == "" || r.Law == "":
			return nil, fmt.Errorf("line %d: id, jurisdiction, country, shows and law are required", line)
		case len(r.Sources) == 0:
			return nil, fmt.Errorf("line %d (%s): no source", line, r.ID)
		case !slices.Contains([]string{"yes", "partly", "no"}, r.Verified):
			return nil, fmt.Errorf("line %d (%s): verified %q: want yes, partly or no", line, r.ID, r.Verified)
		case r.Verified != "yes" && r.Note == "":
			return nil, fmt.Errorf("line %d (%s): a row not fully verified must say why in its note", line, r.ID)
		}
		for _, s := range r.Sources {
			if !strings.HasPrefix(s, "https://") && !strings.HasPrefix(s, "http://") {
				return nil, fmt.Errorf("line %d (%s): source %q is not a URL", line, r.ID, s)
			}
		}
		if r.Country != "EU" && r.Region == "" && r.City == "" {
			own[r.Country] = true
		}
		out = append(out, r)
	}
	for i := range out {
		if out[i].Country != "EU" {
			out[i].countries = []string{out[i].Country}
			continue
		}
		for _, c := range location.Area("EU") {
			if !own[c] {
				out[i].countries = append(out[i].countries, c)
			}
		}
	}
	return out, nil
}

// covers reports whether the rule's jurisdiction includes, or is open to,
// the place.
func (r Rule) covers(p location.Place) bool {
	for _, c := range r.countries {
		if p.Within(c, r.Region, r.City) {
			return true
		}
	}
	return false
}

// Source is the rule's first source, for one-line messages.
func (r Rule) Source() string { return r.Sources[0] }
