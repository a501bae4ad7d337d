package main

import "github.com/jobsync/jobsync/ats"

// planFormatVersion is the JSON plan's format: a new field raises the
// minor version, a field removed or changed in meaning the major one.
// 1.0: summary, boards, actions, warnings, problems; error on failure.
const planFormatVersion = "1.0"

// jsonFailure is the JSON plan of a plan that could not be made.
type jsonFailure struct {
	FormatVersion string `json:"format_version"`
	Error         string `json:"error"`
}

// The JSON plan, per design.md: a summary over all boards, one per board,
// and every action that changes something (unchanged postings are counted,
// not listed, so a no-op plan of thousands of postings stays small).
type jsonPlan struct {
	// FormatVersion is planFormatVersion.
	FormatVersion string       `json:"format_version"`
	Summary       ats.Summary  `json:"summary"`
	Boards        []jsonBoard  `json:"boards"`
	Actions       []ats.Action `json:"actions"`
	Warnings      []string     `json:"warnings"`
	// Problems are what was found before any write: an "error" refuses
	// the sync, a "notice" is something it will also do.
	Problems []ats.Problem `json:"problems"`
}

type jsonBoard struct {
	Board   string      `json:"board"`
	Summary ats.Summary `json:"summary"`
}

func planJSON(po planOutput) jsonPlan {
	plans := po.Plans
	out := jsonPlan{FormatVersion: planFormatVersion, Summary: total(plans), Actions: []ats.Action{}, Warnings: []string{}, Problems: []ats.Problem{}}
	out.Problems = append(out.Problems, po.Problems...)
	for _, p := range plans {
		out.Boards = append(out.Boards, jsonBoard{Board: p.Board, Summary: p.Summary()})
		for _, a := range p.Actions {
			if a.Op != ats.OpUnchanged {
				out.Actions = append(out.Actions, a)
			}
		}
		out.Warnings = append(out.Warnings, p.Warnings...)
	}
	return out
}
