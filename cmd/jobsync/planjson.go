package main

import "github.com/jobsync/jobsync/ats"

// The JSON plan, per design.md: a summary over all boards, one per board,
// and every action that changes something (unchanged postings are counted,
// not listed, so a no-op plan of thousands of postings stays small).
type jsonPlan struct {
	Summary  ats.Summary  `json:"summary"`
	Boards   []jsonBoard  `json:"boards"`
	Actions  []ats.Action `json:"actions"`
	Warnings []string     `json:"warnings"`
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
	out := jsonPlan{Summary: total(plans), Actions: []ats.Action{}, Warnings: []string{}, Problems: []ats.Problem{}}
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
