package paylaw

import (
	"strings"
	"testing"
	"time"

	"github.com/jobsync/jobsync/posting"
)

var day = time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)

func pay(min, max int64, currency string) *posting.Pay {
	return &posting.Pay{Min: min, Max: max, Currency: currency, Interval: "year"}
}

func TestCheck(t *testing.T) {
	t.Parallel()
	usd := pay(120000, 160000, "USD")
	tests := []struct {
		name      string
		opening   posting.Opening
		employees int
		now       time.Time
		want      []string // rule ids (or "?" for an unplaced location), in order
		blocking  []bool
	}{
		{name: "Denver without pay", opening: posting.Opening{Locations: []string{"Denver, CO"}}, want: []string{"us-co"}, blocking: []bool{true}},
		{name: "Denver with pay", opening: posting.Opening{Locations: []string{"Denver, CO"}, Pay: usd}},
		{name: "remote US counts", opening: posting.Opening{Locations: []string{"Remote, US"}},
			want:     []string{"us-co", "us-ca", "us-wa", "us-ny", "us-ny-nyc", "us-ny-ithaca", "us-il", "us-md", "us-hi", "us-dc", "us-mn", "us-nj", "us-nj-jersey-city", "us-vt", "us-ma", "us-oh-cleveland"},
			blocking: []bool{true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true}},
		{name: "remote US with pay", opening: posting.Opening{Locations: []string{"Remote, US"}, Pay: usd}},
		{name: "Seattle and Austin", opening: posting.Opening{Locations: []string{"Austin, TX", "Seattle, WA"}}, want: []string{"us-wa"}, blocking: []bool{true}},
		{name: "Texas has no rule", opening: posting.Opening{Locations: []string{"Austin, TX"}}},
		{name: "New York City is city and state", opening: posting.Opening{Locations: []string{"New York, NY"}}, want: []string{"us-ny", "us-ny-nyc"}, blocking: []bool{true, true}},
		{name: "Albany is the state only", opening: posting.Opening{Locations: []string{"Albany, NY"}}, want: []string{"us-ny"}, blocking: []bool{true}},
		{name: "before the law", opening: posting.Opening{Locations: []string{"Boston, MA"}}, now: time.Date(2025, 10, 28, 0, 0, 0, 0, time.UTC)},
		{name: "on its first day", opening: posting.Opening{Locations: []string{"Boston, MA"}}, now: time.Date(2025, 10, 29, 0, 0, 0, 0, time.UTC), want: []string{"us-ma"}, blocking: []bool{true}},
		{name: "below the threshold", opening: posting.Opening{Locations: []string{"Honolulu, HI"}}, employees: 49},
		{name: "at the threshold", opening: posting.Opening{Locations: []string{"Honolulu, HI"}}, employees: 50, want: []string{"us-hi"}, blocking: []bool{true}},
		{name: "Ontario range too wide", opening: posting.Opening{Locations: []string{"Toronto, ON"}, Pay: pay(100000, 160000, "CAD")}, want: []string{"ca-on"}, blocking: []bool{true}},
		{name: "Ontario range fine", opening: posting.Opening{Locations: []string{"Toronto, ON"}, Pay: pay(100000, 150000, "CAD")}},
		{name: "Ontario above the exemption", opening: posting.Opening{Locations: []string{"Toronto, ON"}, Pay: pay(150000, 260000, "CAD")}},
		{name: "Americas: US and Canada", opening: posting.Opening{Locations: []string{"Remote (Americas)"}, Pay: pay(100000, 190000, "CAD")}, want: []string{"ca-on"}, blocking: []bool{true}},
		{name: "EU directive warns", opening: posting.Opening{Locations: []string{"Paris, France"}}, want: []string{"eu"}, blocking: []bool{false}},
		{name: "Italy requires it in the posting", opening: posting.Opening{Locations: []string{"Milan, Italy"}}, want: []string{"it"}, blocking: []bool{true}},
		{name: "UK has no rule", opening: posting.Opening{Locations: []string{"London, UK"}}},
		{name: "unplaced", opening: posting.Opening{Locations: []string{"Denver"}}, want: []string{"?"}, blocking: []bool{false}},
		{name: "workplace remote with a country", opening: posting.Opening{Locations: []string{"Canada"}, Workplace: "remote"}, want: []string{"ca-bc", "ca-on", "ca-pe"}, blocking: []bool{true, true, true}},
		{name: "no locations", opening: posting.Opening{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			now := tt.now
			if now.IsZero() {
				now = day
			}
			fs := Check([]posting.Opening{tt.opening}, Options{Now: now, Employees: tt.employees})
			var got []string
			var blocking []bool
			for _, f := range fs {
				id := "?"
				if f.Rule != nil {
					id = f.Rule.ID
				}
				got = append(got, id)
				blocking = append(blocking, f.Blocking)
				if f.Opening != 0 || f.Message == "" {
					t.Errorf("finding %+v", f)
				}
			}
			if strings.Join(got, " ") != strings.Join(tt.want, " ") {
				t.Fatalf("rules = %v, want %v", got, tt.want)
			}
			for i := range blocking {
				if blocking[i] != tt.blocking[i] {
					t.Errorf("%s: blocking = %v, want %v (%s)", got[i], blocking[i], tt.blocking[i], fs[i].Message)
				}
			}
		})
	}
}

func TestCheckMessage(t *testing.T) {
	t.Parallel()
	fs := Check([]posting.Opening{{Locations: []string{"Denver, CO"}}, {Locations: []string{"Remote, US"}}}, Options{Now: day})
	denver := fs[0].Message
	for _, want := range []string{`"Denver, CO"`, "Colorado", "requires in every job posting the hourly", "since 2021-01-01", "Equal Pay for Equal Work Act", "https://rewardset.com/countries/usa-colorado"} {
		if !strings.Contains(denver, want) {
			t.Errorf("message %q lacks %q", denver, want)
		}
	}
	if fs[1].Opening != 1 || !strings.Contains(fs[1].Message, `open to remote applicants ("Remote, US"): Colorado requires`) {
		t.Errorf("remote message: %+v", fs[1])
	}
}
