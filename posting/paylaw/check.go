package paylaw

import (
	"fmt"
	"strings"
	"time"

	"github.com/jobsync/jobsync/posting"
	"github.com/jobsync/jobsync/posting/location"
)

// Options are what a check needs besides the openings.
type Options struct {
	Now time.Time // the day the postings go out: rules not yet in force are skipped
	// Employees is the company's size; 0 (unknown) applies every rule,
	// whatever its employer-size threshold.
	Employees int
}

// Finding is one problem with one opening.
type Finding struct {
	Opening   int      // the opening's index in the list checked
	Locations []string // the opening's locations the rule covers, or the one that cannot be placed
	Rule      *Rule    // nil for a location that cannot be placed
	// Blocking says a rule requires pay in the posting itself and the
	// opening has none: by default the run stops before any write.
	Blocking bool
	Problem  string // what is wrong: "no pay range, but it is published in \"Denver, CO\""
	Message  string // Problem and the rule: what it wants, since when, the law and its source
}

// Check checks every opening at every location and returns the findings,
// opening by opening, rules in table order. An opening without locations is
// not checked: it says nowhere where it is published.
func Check(openings []posting.Opening, opts Options) []Finding {
	var out []Finding
	for i, o := range openings {
		places := make([]location.Place, 0, len(o.Locations))
		for _, l := range o.Locations {
			p := location.Parse(l)
			if o.Workplace == "remote" {
				p.Remote = true
			}
			if !p.Known() {
				msg := fmt.Sprintf("location %q names no country, US state or Canadian province, so no pay-transparency rule can be matched to it; write it as \"City, ST\" or \"City, Country\"", l)
				out = append(out, Finding{Opening: i, Locations: []string{l}, Problem: msg, Message: msg})
				continue
			}
			places = append(places, p)
		}
		for k := range rules {
			r := &rules[k]
			if !r.InForce(opts.Now) || opts.Employees > 0 && r.MinEmployees > opts.Employees {
				continue
			}
			var hit []location.Place
			for _, p := range places {
				if r.covers(p) {
					hit = append(hit, p)
				}
			}
			if len(hit) == 0 {
				continue
			}
			if f, ok := checkPay(i, o.Pay, r, hit); ok {
				out = append(out, f)
			}
		}
	}
	return out
}

// checkPay checks the opening's pay against one rule that covers it.
func checkPay(i int, pay *posting.Pay, r *Rule, hit []location.Place) (Finding, bool) {
	f := Finding{Opening: i, Rule: r}
	for _, p := range hit {
		f.Locations = append(f.Locations, p.Text)
	}
	where := describe(hit, r)
	switch {
	case pay == nil:
		f.Blocking = r.InPosting
		f.Problem = "no pay range, but " + where
	case r.MaxSpread > 0 && pay.Currency == r.Currency && yearly(pay) && pay.Max <= r.ExemptAbove && pay.Max-pay.Min > r.MaxSpread:
		f.Blocking = true
		f.Problem = fmt.Sprintf("the pay range %s spans more than %s %d, but %s", pay, r.Currency, r.MaxSpread, where)
	default:
		return Finding{}, false
	}
	f.Message = f.Problem + ": " + r.Summary()
	return f, true
}

// Summary says what the rule wants, since when, by which law and where
// that was checked: "Colorado requires in every job posting the hourly or
// salary compensation, … (since 2021-01-01; Equal Pay for Equal Work Act …;
// https://…)".
func (r *Rule) Summary() string {
	when := "in every job posting"
	if !r.InPosting {
		when = "in the posting or before the interview"
	}
	return fmt.Sprintf("%s requires %s %s (since %s; %s; %s)", r.Jurisdiction, when, r.Shows, r.Since.Format(time.DateOnly), r.Law, r.Source())
}

func yearly(p *posting.Pay) bool { return p.Interval == "" || p.Interval == "year" }

// describe says how the places fall under the rule: "it is published in
// \"Denver, CO\"" or "it is open to remote applicants (\"Remote, US\")"; the
// rule's summary names the jurisdiction.
func describe(hit []location.Place, r *Rule) string {
	var in, remote []string
	for _, p := range hit {
		// Remote and broader than the jurisdiction: open to applicants there.
		broader := r.City != "" && p.City == "" || r.Region != "" && p.Region == "" || r.Region == "" && r.City == "" && p.Country == ""
		if p.Remote && broader {
			remote = append(remote, p.Text)
		} else {
			in = append(in, p.Text)
		}
	}
	var parts []string
	if len(in) > 0 {
		parts = append(parts, "it is published in "+strings.Join(quoteAll(in), ", "))
	}
	if len(remote) > 0 {
		parts = append(parts, "it is open to remote applicants ("+strings.Join(quoteAll(remote), ", ")+")")
	}
	return strings.Join(parts, " and ")
}

func quoteAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = fmt.Sprintf("%q", s)
	}
	return out
}
