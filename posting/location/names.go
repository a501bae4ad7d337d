package location

import "strings"

// nameOverrides are the names to show where the longest spelling in the
// tables is not the usual English one.
var nameOverrides = map[string]string{
	"US-NY": "New York", "US-WA": "Washington", "US-DC": "District of Columbia",
	"CA-QC": "Quebec", "CA-NL": "Newfoundland and Labrador", "CA-PE": "Prince Edward Island",
	"US": "United States", "DE": "Germany", "AT": "Austria", "IT": "Italy", "ES": "Spain", "MX": "Mexico",
	"BR": "Brazil", "KR": "South Korea", "TR": "Turkey", "NL": "Netherlands", "AE": "United Arab Emirates",
	"GB": "United Kingdom",
}

var regionNames, countryNames = func() (map[string]string, map[string]string) {
	regions, ctry := map[string]string{}, map[string]string{}
	longest := func(m map[string]string, key, name string) {
		if len(name) > len(m[key]) && isASCII(name) {
			m[key] = name
		}
	}
	for name, code := range usStates {
		longest(regions, "US-"+code, name)
	}
	for name, code := range caProvinces {
		longest(regions, "CA-"+code, name)
	}
	for name, code := range countries {
		longest(ctry, code, name)
	}
	for _, m := range []map[string]string{regions, ctry} {
		for k, v := range m {
			m[k] = titleCase(v)
		}
	}
	for k, v := range nameOverrides {
		if strings.Contains(k, "-") {
			regions[k] = v
		} else {
			ctry[k] = v
		}
	}
	return regions, ctry
}()

// RegionName is the name of a US state or Canadian province by its code
// ("US", "CO" → "Colorado"), or the code when unknown.
func RegionName(country, code string) string {
	if n, ok := regionNames[country+"-"+code]; ok {
		return n
	}
	return code
}

// CountryName is a country's English name by its alpha-2 code, or the code
// when unknown.
func CountryName(code string) string {
	if n, ok := countryNames[code]; ok {
		return n
	}
	return code
}

// Describe says where a place is for people: "Denver, Colorado, United
// States", "anywhere", "the Americas".
func (p Place) Describe() string {
	switch {
	case p.Anywhere:
		return "anywhere"
	case p.Area != "":
		return p.Area
	}
	var parts []string
	if p.City != "" {
		parts = append(parts, p.City)
	}
	if p.Region != "" {
		parts = append(parts, RegionName(p.Country, p.Region))
	}
	if p.Country != "" {
		parts = append(parts, CountryName(p.Country))
	}
	return strings.Join(parts, ", ")
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// titleCase capitalises each word, leaving short joining words lower case.
func titleCase(s string) string {
	words := strings.Fields(s)
	for i, w := range words {
		if i > 0 && (w == "and" || w == "of" || w == "the") {
			continue
		}
		words[i] = strings.ToUpper(w[:1]) + w[1:]
	}
	return strings.Join(words, " ")
}
