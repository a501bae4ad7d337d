package paylaw

import (
	"strings"
	"testing"
)

// TestTableCoverage: the jurisdictions with posting laws that the table
// must hold, each in force and sourced.
func TestTableCoverage(t *testing.T) {
	t.Parallel()
	byID := map[string]Rule{}
	for _, r := range Rules() {
		if _, dup := byID[r.ID]; dup {
			t.Errorf("id %s twice", r.ID)
		}
		byID[r.ID] = r
	}
	for _, id := range []string{"us-co", "us-ca", "us-wa", "us-ny", "us-ny-nyc", "us-il", "us-md", "us-hi", "us-dc",
		"us-mn", "us-nj", "us-vt", "us-ma", "us-oh-cleveland", "ca-bc", "ca-on", "ca-pe", "eu"} {
		r, ok := byID[id]
		switch {
		case !ok:
			t.Errorf("no rule %s", id)
		case !r.InForce(day):
			t.Errorf("%s is not in force on %s", id, day.Format("2006-01-02"))
		case r.Verified != "yes":
			t.Errorf("%s: verified %q", id, r.Verified)
		}
	}
	// The EU row stands for the member states without a row of their own.
	eu := byID["eu"]
	for _, c := range []string{"FR", "DE", "ES", "NL"} {
		if !strings.Contains(strings.Join(eu.countries, " "), c) {
			t.Errorf("the EU row does not cover %s", c)
		}
	}
	for _, c := range []string{"IT", "PL", "AT"} {
		if strings.Contains(strings.Join(eu.countries, " "), c) {
			t.Errorf("the EU row covers %s, which has a row of its own", c)
		}
	}
}

func TestParseRulesRejects(t *testing.T) {
	t.Parallel()
	head := strings.Join(header, ",") + "\n"
	tests := map[string]string{
		"bad header":   "id,what\n",
		"bad date":     head + "x,X,US,CO,,2021-13-01,1,pay,posting,,,,Law,https://a.example,yes,\n",
		"no source":    head + "x,X,US,CO,,2021-01-01,1,pay,posting,,,,Law,,yes,\n",
		"bad where":    head + "x,X,US,CO,,2021-01-01,1,pay,somewhere,,,,Law,https://a.example,yes,\n",
		"unverified":   head + "x,X,US,CO,,2021-01-01,1,pay,posting,,,,Law,https://a.example,no,\n",
		"not a URL":    head + "x,X,US,CO,,2021-01-01,1,pay,posting,,,,Law,rewardset.com,yes,\n",
		"no law named": head + "x,X,US,CO,,2021-01-01,1,pay,posting,,,,,https://a.example,yes,\n",
	}
	for name, data := range tests {
		if _, err := parseRules([]byte(data)); err == nil {
			t.Errorf("%s: parsed", name)
		}
	}
	if _, err := parseRules([]byte(head + "x,X,US,CO,,2021-01-01,1,pay,posting,,,,Law,https://a.example,yes,\n")); err != nil {
		t.Errorf("a good row: %v", err)
	}
}
