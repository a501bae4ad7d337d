package location

// usStates maps the name of each US state (and DC) to its postal code.
var usStates = map[string]string{
	"alabama": "AL", "alaska": "AK", "arizona": "AZ", "arkansas": "AR", "california": "CA",
	"colorado": "CO", "connecticut": "CT", "delaware": "DE", "district of columbia": "DC",
	"florida": "FL", "georgia": "GA", "hawaii": "HI", "idaho": "ID", "illinois": "IL",
	"indiana": "IN", "iowa": "IA", "kansas": "KS", "kentucky": "KY", "louisiana": "LA",
	"maine": "ME", "maryland": "MD", "massachusetts": "MA", "michigan": "MI", "minnesota": "MN",
	"mississippi": "MS", "missouri": "MO", "montana": "MT", "nebraska": "NE", "nevada": "NV",
	"new hampshire": "NH", "new jersey": "NJ", "new mexico": "NM", "new york state": "NY",
	"north carolina": "NC", "north dakota": "ND", "ohio": "OH", "oklahoma": "OK", "oregon": "OR",
	"pennsylvania": "PA", "rhode island": "RI", "south carolina": "SC", "south dakota": "SD",
	"tennessee": "TN", "texas": "TX", "utah": "UT", "vermont": "VT", "virginia": "VA",
	"washington": "WA", "washington state": "WA", "west virginia": "WV", "wisconsin": "WI", "wyoming": "WY",
	"ny state": "NY", "state of new york": "NY", "nys": "NY", "d.c.": "DC", "washington dc": "DC",
	"washington d.c.": "DC",
}

// caProvinces maps the name of each Canadian province and territory to its
// postal code.
var caProvinces = map[string]string{
	"alberta": "AB", "british columbia": "BC", "manitoba": "MB", "new brunswick": "NB",
	"newfoundland and labrador": "NL", "newfoundland": "NL", "nova scotia": "NS",
	"northwest territories": "NT", "nunavut": "NU", "ontario": "ON", "prince edward island": "PE",
	"pei": "PE", "quebec": "QC", "québec": "QC", "saskatchewan": "SK", "yukon": "YT",
}

// countries maps country names and the ISO 3166-1 alpha-2 and alpha-3 codes
// people write to the alpha-2 code. It covers the countries the areas below
// name and a few more; an unknown country leaves a place without one.
var countries = map[string]string{
	"united states": "US", "united states of america": "US", "usa": "US", "us": "US", "u.s.": "US", "u.s.a.": "US",
	"canada": "CA", "can": "CA", "mexico": "MX", "méxico": "MX", "brazil": "BR", "brasil": "BR",
	"argentina": "AR", "chile": "CL", "colombia": "CO", "peru": "PE", "uruguay": "UY", "paraguay": "PY",
	"bolivia": "BO", "ecuador": "EC", "venezuela": "VE", "costa rica": "CR", "panama": "PA",
	"guatemala": "GT", "honduras": "HN", "el salvador": "SV", "nicaragua": "NI", "dominican republic": "DO",
	"puerto rico": "PR", "jamaica": "JM", "cuba": "CU",
	"united kingdom": "GB", "uk": "GB", "great britain": "GB", "england": "GB", "scotland": "GB", "wales": "GB",
	"ireland": "IE", "france": "FR", "germany": "DE", "deutschland": "DE", "deu": "DE", "spain": "ES", "españa": "ES",
	"portugal": "PT", "italy": "IT", "italia": "IT", "netherlands": "NL", "the netherlands": "NL", "nld": "NL",
	"belgium": "BE", "luxembourg": "LU", "austria": "AT", "österreich": "AT", "switzerland": "CH",
	"denmark": "DK", "sweden": "SE", "finland": "FI", "norway": "NO", "iceland": "IS", "liechtenstein": "LI",
	"poland": "PL", "czechia": "CZ", "czech republic": "CZ", "slovakia": "SK", "hungary": "HU",
	"slovenia": "SI", "croatia": "HR", "romania": "RO", "bulgaria": "BG", "greece": "GR", "cyprus": "CY",
	"malta": "MT", "estonia": "EE", "latvia": "LV", "lithuania": "LT", "serbia": "RS", "ukraine": "UA",
	"turkey": "TR", "türkiye": "TR", "israel": "IL", "united arab emirates": "AE", "uae": "AE",
	"saudi arabia": "SA", "egypt": "EG", "south africa": "ZA", "nigeria": "NG", "kenya": "KE", "morocco": "MA",
	"india": "IN", "japan": "JP", "china": "CN", "south korea": "KR", "korea": "KR", "singapore": "SG",
	"australia": "AU", "new zealand": "NZ", "philippines": "PH", "indonesia": "ID", "malaysia": "MY",
	"thailand": "TH", "vietnam": "VN", "taiwan": "TW", "hong kong": "HK",
}

// iso2 lists the alpha-2 codes a place may name directly (after the US
// state and Canadian province codes, which win: see Parse).
var iso2 = func() map[string]bool {
	m := map[string]bool{}
	for _, c := range countries {
		m[c] = true
	}
	return m
}()

// The member states of the EU and of the EEA.
var (
	euCountries  = []string{"AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE"}
	eeaCountries = append(append([]string{}, euCountries...), "IS", "LI", "NO")
	europe       = append(append([]string{}, eeaCountries...), "GB", "CH", "RS", "UA")
	northAmerica = []string{"US", "CA", "MX"}
	latinAmerica = []string{"MX", "AR", "BO", "BR", "CL", "CO", "CR", "CU", "DO", "EC", "SV", "GT", "HN", "NI", "PA", "PY", "PE", "PR", "UY", "VE"}
	americas     = append(append([]string{"US", "CA"}, latinAmerica...), "JM")
	middleEastAf = []string{"TR", "IL", "AE", "SA", "EG", "ZA", "NG", "KE", "MA"}
	emea         = append(append([]string{}, europe...), middleEastAf...)
	apac         = []string{"IN", "JP", "CN", "KR", "SG", "AU", "NZ", "PH", "ID", "MY", "TH", "VN", "TW", "HK"}
)

// areas maps the names of regions that span several countries to the
// countries they span (as far as the country table above knows them).
// Worldwide is nil: every country.
var areas = map[string][]string{
	"americas": americas, "the americas": americas, "amer": americas, "amers": americas,
	"north america": northAmerica, "noram": northAmerica, "namer": northAmerica,
	"latin america": latinAmerica, "latam": latinAmerica, "south america": latinAmerica,
	"emea": emea, "europe": europe, "eu": euCountries, "european union": euCountries, "eea": eeaCountries,
	"apac": apac, "asia pacific": apac, "asia-pacific": apac, "asia": apac,
}

// worldwide are the words for a place that is anywhere.
var worldwide = map[string]bool{"anywhere": true, "worldwide": true, "global": true, "world": true, "international": true}

// remoteWords mark a place as remote.
var remoteWords = map[string]bool{"remote": true, "fully remote": true, "remote-first": true, "work from home": true, "wfh": true, "distributed": true, "telecommute": true}

// cities maps the spellings of the cities that have a rule of their own
// (and the few whose state people leave out) to the city's name, state and
// country.
var cities = map[string]Place{
	"new york":      {City: "New York", Region: "NY", Country: "US"},
	"new york city": {City: "New York", Region: "NY", Country: "US"},
	"nyc":           {City: "New York", Region: "NY", Country: "US"},
	"manhattan":     {City: "New York", Region: "NY", Country: "US"},
	"brooklyn":      {City: "New York", Region: "NY", Country: "US"},
	"queens":        {City: "New York", Region: "NY", Country: "US"},
	"the bronx":     {City: "New York", Region: "NY", Country: "US"},
	"staten island": {City: "New York", Region: "NY", Country: "US"},
	"jersey city":   {City: "Jersey City", Region: "NJ", Country: "US"},
	"ithaca":        {City: "Ithaca", Region: "NY", Country: "US"},
	"cleveland":     {City: "Cleveland", Region: "OH", Country: "US"},
	"toronto":       {City: "Toronto", Region: "ON", Country: "CA"},
	"vancouver":     {City: "Vancouver", Region: "BC", Country: "CA"},
	"montreal":      {City: "Montreal", Region: "QC", Country: "CA"},
}
