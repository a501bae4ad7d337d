// Package location reads the free-text locations of a config ("Denver, CO",
// "Remote, US", "Remote (Americas)", "Berlin, Germany") into places with a
// city, a state or province, a country and the countries an area spans, so
// that structured data, feeds and the pay-transparency rules can use them.
//
// # The rule
//
// A location is split into parts at commas, parentheses, slashes, "|" and
// dashes between spaces. Parts that say remote ("Remote", "Work from home",
// "Distributed") mark the place remote; "Anywhere", "Worldwide" and
// "Global" mark it open to every country. "Hybrid" and "On-site" are
// dropped. The other parts are read from the last one back:
//
//   - the last part may name a country: its name, its ISO alpha-2 or alpha-3
//     code ("Germany", "DE"? see below, "DEU"), or "US", "USA", "UK";
//   - then a US state or Canadian province: its name ("Colorado", "Ontario")
//     or its two-letter code ("CO", "ON"). A two-letter code is read as a
//     state or province before it is read as a country, so "Berlin, DE" is
//     in Delaware: write "Berlin, Germany". "New York" after a city is the
//     state ("Rochester, New York"); "New York State" and "NY State" are the
//     state anywhere;
//   - or an area that spans countries: "Americas", "North America",
//     "LATAM", "EMEA", "Europe", "EU", "EEA", "APAC";
//   - the part before the state or country is the city. A few cities are
//     known without their state: "New York" alone, "NYC", "Manhattan" and
//     "Brooklyn" are New York City; "Cleveland", "Jersey City", "Ithaca",
//     "Toronto", "Vancouver".
//
// A state or province implies its country. A place with neither a country
// nor an area is open to every country when it is remote and unknown
// otherwise ("Denver" alone): Known reports which.
package location

import (
	"regexp"
	"slices"
	"strings"
)

// Place is one location, read.
type Place struct {
	Text    string // as written
	Remote  bool
	City    string // "Denver"
	Region  string // a US state's or Canadian province's code: "CO", "ON"
	Country string // ISO 3166-1 alpha-2: "US"
	Area    string // the area's name as written, when the place is one: "Americas"
	// Countries are the countries an area spans; nil when the place is
	// one country (Country) or anywhere.
	Countries []string
	Anywhere  bool // "Anywhere", "Worldwide", or remote with no country or area
}

// Known reports whether the place says where it is: a country, an area or
// anywhere.
func (p Place) Known() bool {
	return p.Country != "" || len(p.Countries) > 0 || p.Anywhere
}

// Spans reports whether the place includes country (alpha-2), or may: an
// area that holds it, or anywhere.
func (p Place) Spans(country string) bool {
	switch {
	case p.Anywhere:
		return true
	case p.Country != "":
		return p.Country == country
	default:
		return slices.Contains(p.Countries, country)
	}
}

// Within reports whether the place is in, or open to, the jurisdiction
// given by country, region (may be empty: the whole country) and city (may
// be empty: the whole region). A place that names no region is taken to
// include every region of its countries, and one that names no city every
// city of its region: a posting for "Remote, US" may be filled in Denver.
func (p Place) Within(country, region, city string) bool {
	if !p.Spans(country) {
		return false
	}
	if region != "" && p.Region != "" && p.Region != region {
		return false
	}
	if city != "" && p.City != "" && !strings.EqualFold(p.City, city) {
		return false
	}
	return true
}

var splitRE = regexp.MustCompile(`\s*(?:[,()/|;]|\s[-–—]\s)\s*`)

// dropped are parts that say how, not where.
var dropped = map[string]bool{"hybrid": true, "on-site": true, "onsite": true, "in office": true, "in-office": true, "office": true}

// Parse reads one location by the rule in the package documentation.
func Parse(text string) Place {
	p := Place{Text: text}
	var parts []string
	for _, s := range splitRE.Split(strings.TrimSpace(text), -1) {
		s = strings.TrimSpace(s)
		k := strings.ToLower(s)
		// "Remote US", "US Remote": the word may share a part.
		if rest, ok := strings.CutPrefix(k, "remote "); ok && rest != "" {
			p.Remote, s, k = true, s[len("remote "):], rest
		} else if rest, ok := strings.CutSuffix(k, " remote"); ok && rest != "" {
			p.Remote, s, k = true, s[:len(rest)], rest
		}
		switch {
		case s == "":
		case remoteWords[k]:
			p.Remote = true
		case worldwide[k]:
			p.Anywhere = true
		case dropped[k]:
		default:
			parts = append(parts, s)
		}
	}
	// From the last part back: country, then region, then area, then city.
	i := len(parts) - 1
	if i >= 0 {
		if code, ok := regionCode(parts[i], i > 0); ok {
			p.Region, p.Country = code.region, code.country
			i--
		} else if c, ok := countryCode(parts[i]); ok {
			p.Country = c
			i--
			if i >= 0 {
				if code, ok := regionCode(parts[i], i > 0); ok && code.country == p.Country {
					p.Region = code.region
					i--
				}
			}
		} else if a, ok := areas[strings.ToLower(parts[i])]; ok {
			p.Area, p.Countries = parts[i], a
			i--
		}
	}
	if i >= 0 {
		city := parts[i]
		if c, ok := cities[strings.ToLower(city)]; ok && (p.Region == "" || p.Region == c.Region) && (p.Country == "" || p.Country == c.Country) {
			p.City, p.Region, p.Country = c.City, c.Region, c.Country
		} else {
			p.City = city
		}
	}
	if p.Anywhere {
		p.Country, p.Region, p.City, p.Countries = "", "", "", nil
	}
	if p.Remote && !p.Known() {
		p.Anywhere = true
	}
	return p
}

type regionRef struct{ region, country string }

// regionCode reads a US state or Canadian province. afterCity says another
// part comes before it, which makes "New York" the state, not the city.
func regionCode(s string, afterCity bool) (regionRef, bool) {
	k := strings.ToLower(strings.TrimSpace(s))
	if afterCity && k == "new york" {
		return regionRef{"NY", "US"}, true
	}
	if len(s) == 2 && strings.ToUpper(s) == s {
		for _, c := range usStates {
			if c == s {
				return regionRef{s, "US"}, true
			}
		}
		for _, c := range caProvinces {
			if c == s {
				return regionRef{s, "CA"}, true
			}
		}
	}
	if c, ok := usStates[k]; ok {
		return regionRef{c, "US"}, true
	}
	if c, ok := caProvinces[k]; ok {
		return regionRef{c, "CA"}, true
	}
	return regionRef{}, false
}

// countryCode reads a country's name or code.
func countryCode(s string) (string, bool) {
	k := strings.ToLower(strings.TrimSpace(s))
	if c, ok := countries[k]; ok {
		return c, true
	}
	if len(s) == 2 && iso2[strings.ToUpper(s)] {
		return strings.ToUpper(s), true
	}
	return "", false
}

// Area returns the countries (alpha-2) an area's name spans, as Parse reads
// it: Area("EU") is the 27 member states.
func Area(name string) []string {
	return slices.Clone(areas[strings.ToLower(name)])
}
