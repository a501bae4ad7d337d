package main

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"go.uber.org/zap"

	"github.com/jobsync/jobsync/config"
	"github.com/jobsync/jobsync/posting/paylaw"
)

// payProblem is what the pay-transparency rules found wrong with one
// opening, placed at its line: one problem, and the rules it breaks.
type payProblem struct {
	at       string // "file:line"
	message  string // one line, or a first line and indented lines, one per rule
	blocking bool   // stops the run unless pay_transparency: warn
}

// payProblems checks the config's openings against the pay-transparency
// rules in force on day now. A config without openings (the preview) has no
// locations and nothing to check. Findings are grouped per opening and
// problem, so that a remote opening open to twenty places says so once.
func payProblems(cfg *config.Config, now time.Time) []payProblem {
	fs := paylaw.Check(cfg.Openings, paylaw.Options{Now: now, Employees: cfg.Company.Employees})
	type groupKey struct {
		opening  int
		problem  string
		blocking bool
	}
	var order []groupKey
	groups := map[groupKey][]paylaw.Finding{}
	for _, f := range fs {
		k := groupKey{f.Opening, f.Problem, f.Blocking}
		if f.Rule == nil {
			k.problem = "\x00" + f.Problem // an unplaced location stands alone
		}
		if _, ok := groups[k]; !ok {
			order = append(order, k)
		}
		groups[k] = append(groups[k], f)
	}
	out := make([]payProblem, 0, len(order))
	for _, k := range order {
		group := groups[k]
		o := cfg.Openings[k.opening]
		name := o.Family + " / " + o.Level
		if o.Specialty != "" {
			name += " / " + o.Specialty
		}
		msg := fmt.Sprintf("opening %s: %s", name, group[0].Message)
		if len(group) > 1 {
			var b strings.Builder
			fmt.Fprintf(&b, "opening %s: %s, and %d places have laws about that:", name, group[0].Problem, len(group))
			for _, f := range group {
				b.WriteString("\n    " + f.Rule.Summary())
			}
			msg = b.String()
		}
		out = append(out, payProblem{
			at:       fmt.Sprintf("%s:%d", cfg.Path, cfg.OpeningLines[k.opening]),
			message:  msg,
			blocking: k.blocking && cfg.PayTransparency != config.PayWarn,
		})
	}
	return out
}

// checkPay logs every pay-transparency problem that does not stop the run,
// and returns the ones that do as one error: nothing may be written then.
func (a *app) checkPay(cfg *config.Config) error {
	var errs []string
	for _, p := range payProblems(cfg, time.Now()) {
		if p.blocking {
			errs = append(errs, p.at+": "+p.message)
			continue
		}
		a.log.Warn(p.message, zap.String("at", p.at))
	}
	if len(errs) == 0 {
		return nil
	}
	return errors.New(strings.Join(errs, "\n") +
		"\nnothing was written: add a pay range to each opening above, or set pay_transparency: warn to publish anyway")
}
