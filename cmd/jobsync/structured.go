package main

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"go.uber.org/zap"

	"github.com/jobsync/jobsync/ats/local/site"
	"github.com/jobsync/jobsync/config"
	"github.com/jobsync/jobsync/posting"
)

// structuredProblem is what the JobPosting check found in the postings of
// one opening, placed at the opening's line.
type structuredProblem struct {
	at       string
	message  string
	required bool // the postings are not eligible for Google's job search
}

// structuredProblems checks the JobPosting structured data the local
// boards' pages would carry for postings (as if published at now), and
// groups what it finds per opening and problem. One posting per opening is
// checked: its postings share what the config says (locations, pay,
// employment type, closing day, company) and differ only in title and
// body, which the board checks on every page it writes.
func structuredProblems(cfg *config.Config, boards []config.Board, postings []posting.Posting, now time.Time) []structuredProblem {
	var locals []string
	for _, b := range boards {
		if b.Type == "local" { // the board that publishes pages of its own
			locals = append(locals, b.Name)
		}
	}
	if len(locals) == 0 {
		return nil
	}
	s := site.Site{Company: cfg.Company.Name, HomeURL: cfg.Company.URL}
	type key struct {
		opening int
		problem string
	}
	var order []key
	required := map[key]bool{}
	count := map[int]int{} // postings per opening
	for _, p := range postings {
		if len(p.Boards) > 0 && !slices.ContainsFunc(p.Boards, func(b string) bool { return slices.Contains(locals, b) }) {
			continue
		}
		count[p.Opening]++
		if count[p.Opening] > 1 {
			continue
		}
		data, err := s.Posting(site.FromPosting(p.Key, p, now)).JSON()
		if err != nil {
			continue
		}
		for _, pr := range site.Check(data, now) {
			k := key{p.Opening, pr.String()}
			order = append(order, k)
			required[k] = pr.Required
		}
	}
	out := make([]structuredProblem, 0, len(order))
	for _, k := range order {
		at, what := cfg.Path, "the preview (no openings)"
		if k.opening >= 0 && k.opening < len(cfg.Openings) {
			at = fmt.Sprintf("%s:%d", cfg.Path, cfg.OpeningLines[k.opening])
			o := cfg.Openings[k.opening]
			what = "opening " + strings.Join(slices.DeleteFunc([]string{o.Family, o.Level, o.Specialty}, func(s string) bool { return s == "" }), " / ")
		}
		n := "its posting"
		if count[k.opening] > 1 {
			n = fmt.Sprintf("its %d postings", count[k.opening])
		}
		out = append(out, structuredProblem{at: at, required: required[k],
			message: fmt.Sprintf("%s: structured data of %s: %s", what, n, k.problem)})
	}
	return out
}

// logStructured logs the structured-data problems of the postings meant
// for local boards: what keeps them out of Google's job search as
// warnings, missing recommended properties as information.
func (a *app) logStructured(cfg *config.Config, boards []config.Board, postings []posting.Posting) {
	for _, p := range structuredProblems(cfg, boards, postings, time.Now()) {
		log := a.log.Info
		if p.required {
			log = a.log.Warn
		}
		log(p.message, zap.String("at", p.at))
	}
}
