package config

import (
	"strings"
	"testing"
)

// TestParseCareersKeys covers the keys of the careers site: where to apply,
// the company's size, one posting per location, the closing day and pay
// transparency. The local board's own keys (site_url, feed_email,
// one_posting_per_location) are its options struct's.
func TestParseCareersKeys(t *testing.T) {
	t.Parallel()
	const head = "sources: [{path: p.md}]\n"
	const local = "boards: [{name: local, type: local, dir: out}]\n"
	for _, tc := range []struct {
		name    string
		yaml    string
		wantErr string
		check   func(t *testing.T, c *Config)
	}{
		{name: "defaults", yaml: head + local, check: func(t *testing.T, c *Config) {
			if c.PayTransparency != PayError {
				t.Errorf("PayTransparency = %q, want %q", c.PayTransparency, PayError)
			}
		}},
		{name: "all keys", yaml: head +
			local +
			"company: {name: A, url: 'https://a.example', apply_url: 'https://a.example/apply', employees: 40}\n" +
			"pay_transparency: warn\n" +
			"openings: [{family: f, level: l, apply_email: hire@a.example, valid_through: 2027-01-31, one_posting_per_location: false}]\n",
			check: func(t *testing.T, c *Config) {
				if c.Company.ApplyURL != "https://a.example/apply" || c.Company.Employees != 40 {
					t.Errorf("company = %+v", c.Company)
				}
				o := c.Openings[0]
				if o.ApplyEmail != "hire@a.example" || o.ValidThrough != "2027-01-31" || o.PerLocation == nil || *o.PerLocation {
					t.Errorf("opening = %+v", o)
				}
				if c.PayTransparency != PayWarn || c.PayTransparencyLine != 4 {
					t.Errorf("pay_transparency = %q on line %d", c.PayTransparency, c.PayTransparencyLine)
				}
			}},
		{name: "bad pay_transparency", yaml: head + local + "pay_transparency: maybe\n", wantErr: `jobsync.yaml:3: pay_transparency "maybe": want error`},
		{name: "bad apply_url", yaml: head + local + "openings:\n  - family: f\n    apply_url: jobs.example.com\n", wantErr: `jobsync.yaml:5: apply_url "jobs.example.com": want an absolute http(s) URL`},
		{name: "bad apply_email", yaml: head + local + "company: {apply_email: 'Jobs <jobs@a.example>'}\n", wantErr: "jobsync.yaml:3: company apply_email"},
		{name: "both apply keys", yaml: head + local + "openings:\n  - family: f\n    apply_url: 'https://a.example'\n    apply_email: a@a.example\n", wantErr: "jobsync.yaml:4: opening: has both apply_url and apply_email"},
		{name: "bad valid_through", yaml: head + local + "openings:\n  - family: f\n    valid_through: 31/01/2027\n", wantErr: `jobsync.yaml:5: valid_through "31/01/2027": want a day as YYYY-MM-DD`},
		{name: "negative employees", yaml: head + local + "company: {employees: -1}\n", wantErr: "jobsync.yaml:3: company employees -1"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			c, err := Parse("jobsync.yaml", "/cfg", []byte(tc.yaml))
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("error = %v, want it to contain %q", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if tc.check != nil {
				tc.check(t, c)
			}
		})
	}
}
