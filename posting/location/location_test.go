package location

import (
	"reflect"
	"testing"
)

func TestParse(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		want Place
	}{
		{"Denver, CO", Place{City: "Denver", Region: "CO", Country: "US"}},
		{"Denver, Colorado", Place{City: "Denver", Region: "CO", Country: "US"}},
		{"Denver, CO, USA", Place{City: "Denver", Region: "CO", Country: "US"}},
		{"Colorado", Place{Region: "CO", Country: "US"}},
		{"Denver", Place{City: "Denver"}},
		{"Remote, US", Place{Remote: true, Country: "US"}},
		{"Remote (US)", Place{Remote: true, Country: "US"}},
		{"Remote - United States", Place{Remote: true, Country: "US"}},
		{"Remote US", Place{Remote: true, Country: "US"}},
		{"US Remote", Place{Remote: true, Country: "US"}},
		{"Remote", Place{Remote: true, Anywhere: true}},
		{"Anywhere", Place{Anywhere: true}},
		{"Remote, Worldwide", Place{Remote: true, Anywhere: true}},
		{"Remote (Americas)", Place{Remote: true, Area: "Americas", Countries: americas}},
		{"Remote, EMEA", Place{Remote: true, Area: "EMEA", Countries: emea}},
		{"New York, NY", Place{City: "New York", Region: "NY", Country: "US"}},
		{"New York", Place{City: "New York", Region: "NY", Country: "US"}},
		{"NYC", Place{City: "New York", Region: "NY", Country: "US"}},
		{"Brooklyn, NY", Place{City: "New York", Region: "NY", Country: "US"}},
		{"NY State", Place{Region: "NY", Country: "US"}},
		{"New York State", Place{Region: "NY", Country: "US"}},
		{"Rochester, New York", Place{City: "Rochester", Region: "NY", Country: "US"}},
		{"Albany, NY", Place{City: "Albany", Region: "NY", Country: "US"}},
		{"Washington", Place{Region: "WA", Country: "US"}},
		{"Seattle, WA", Place{City: "Seattle", Region: "WA", Country: "US"}},
		{"Washington, DC", Place{City: "Washington", Region: "DC", Country: "US"}},
		{"Washington DC", Place{Region: "DC", Country: "US"}},
		{"Cleveland, OH", Place{City: "Cleveland", Region: "OH", Country: "US"}},
		{"Cleveland", Place{City: "Cleveland", Region: "OH", Country: "US"}},
		{"Los Angeles, CA", Place{City: "Los Angeles", Region: "CA", Country: "US"}},
		{"Toronto, ON, Canada", Place{City: "Toronto", Region: "ON", Country: "CA"}},
		{"Vancouver, British Columbia", Place{City: "Vancouver", Region: "BC", Country: "CA"}},
		{"Remote, Canada", Place{Remote: true, Country: "CA"}},
		{"Berlin, Germany", Place{City: "Berlin", Country: "DE"}},
		{"Berlin, DE", Place{City: "Berlin", Region: "DE", Country: "US"}}, // a state code wins: documented
		{"Dublin, Ireland (Hybrid)", Place{City: "Dublin", Country: "IE"}},
		{"Milan, IT", Place{City: "Milan", Country: "IT"}},
		{"London, UK", Place{City: "London", Country: "GB"}},
		{"", Place{}},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			t.Parallel()
			got := Parse(tt.in)
			tt.want.Text = tt.in
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Parse(%q) = %+v\nwant %+v", tt.in, got, tt.want)
			}
		})
	}
}

func TestWithin(t *testing.T) {
	t.Parallel()
	type juris struct{ country, region, city string }
	colorado := juris{"US", "CO", ""}
	nyc := juris{"US", "NY", "New York"}
	nys := juris{"US", "NY", ""}
	bc := juris{"CA", "BC", ""}
	italy := juris{"IT", "", ""}
	tests := []struct {
		place string
		j     juris
		want  bool
	}{
		{"Denver, CO", colorado, true},
		{"Boulder, Colorado", colorado, true},
		{"Seattle, WA", colorado, false},
		{"Remote, US", colorado, true},
		{"Remote", colorado, true},
		{"Remote (Americas)", colorado, true},
		{"Remote, EMEA", colorado, false},
		{"Remote, Canada", colorado, false},
		{"United States", colorado, true}, // somewhere in the US: may be Colorado
		{"Denver", colorado, false},       // no country: Known is false, see the checker
		{"New York, NY", nyc, true},
		{"New York, NY", nys, true},
		{"Albany, NY", nyc, false},
		{"Albany, NY", nys, true},
		{"NY State", nyc, true}, // the state includes the city
		{"Remote, US", nyc, true},
		{"Remote (Americas)", bc, true},
		{"Toronto, ON", bc, false},
		{"Remote, EMEA", italy, true},
		{"Remote, Europe", italy, true},
		{"Milan, Italy", italy, true},
		{"London, UK", italy, false},
	}
	for _, tt := range tests {
		p := Parse(tt.place)
		if got := p.Within(tt.j.country, tt.j.region, tt.j.city); got != tt.want {
			t.Errorf("Parse(%q).Within(%v) = %v, want %v", tt.place, tt.j, got, tt.want)
		}
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"Denver, CO", "Remote (Americas)", "New York", "Remote - US", "a,,b((", "Remote Remote"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p := Parse(s)
		if p.Text != s {
			t.Fatalf("Text = %q, want %q", p.Text, s)
		}
		if p.Anywhere && (p.Country != "" || p.Region != "" || p.Countries != nil) {
			t.Fatalf("anywhere with a country: %+v", p)
		}
		if p.Region != "" && p.Country == "" {
			t.Fatalf("a region without its country: %+v", p)
		}
	})
}

func TestNames(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ got, want string }{
		{RegionName("US", "CO"), "Colorado"},
		{RegionName("US", "NY"), "New York"},
		{RegionName("US", "DC"), "District of Columbia"},
		{RegionName("CA", "BC"), "British Columbia"},
		{RegionName("US", "ZZ"), "ZZ"},
		{CountryName("US"), "United States"},
		{CountryName("DE"), "Germany"},
		{CountryName("GB"), "United Kingdom"},
		{Parse("Denver, CO").Describe(), "Denver, Colorado, United States"},
		{Parse("Remote (Americas)").Describe(), "Americas"},
		{Parse("Remote").Describe(), "anywhere"},
	} {
		if tc.got != tc.want {
			t.Errorf("got %q, want %q", tc.got, tc.want)
		}
	}
}
