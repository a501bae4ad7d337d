package main

import (
	"errors"
	"strings"
	"testing"

	"github.com/jobsync/jobsync/ats"
	"github.com/jobsync/jobsync/posting"
)

// hostile is text from a page or a board that would retitle the terminal,
// clear it, and reorder what follows.
const hostile = "Eng\x1b]0;owned\x07\x1b[2J\u202eer"

// Control characters from a page or a board are printed escaped, never
// raw: a plan shows the board's text as it is.
func TestTerminalOutputEscapesControls(t *testing.T) {
	t.Parallel()
	plans := []ats.Plan{{Board: "local", Actions: []ats.Action{{
		Op: ats.OpUpdate, Key: "k", Title: hostile, RemoteID: "id" + hostile, Reason: "edited" + hostile,
		Changes: []ats.Change{
			{Field: "title", Old: hostile, New: "Engineer"},
			{Field: "body", Diff: "--- board\n+++ handbook\n@@ -1 +1 @@\n-" + hostile + "\n+Engineer\n"},
		},
	}}, Warnings: []string{"warned" + hostile}}}
	for _, color := range []bool{false, true} {
		var b strings.Builder
		if err := writeTextPlan(&b, planOutput{Plans: plans, Problems: []ats.Problem{{Board: "local", Message: "problem" + hostile}}}, color); err != nil {
			t.Fatal(err)
		}
		out := b.String()
		if color {
			out = stripColor(out)
		}
		if strings.ContainsFunc(out, posting.IsControl) {
			t.Errorf("color %t: raw control characters in\n%q", color, out)
		}
		if !strings.Contains(out, `-Eng\x1b]0;owned\a\x1b[2J\u202eer`) {
			t.Errorf("color %t: the diff line is not shown escaped:\n%s", color, out)
		}
	}

	md := markdownPlan(planOutput{Plans: plans, Problems: []ats.Problem{{Board: "local", Message: "problem" + hostile}}}, commentLimit) +
		markdownFailure(errors.New("list: "+hostile))
	if strings.ContainsFunc(md, posting.IsControl) || !strings.Contains(md, `-Eng\x1b]0;owned`) {
		t.Errorf("the markdown plan holds raw control characters or lost the text:\n%q", md)
	}

	var b strings.Builder
	printFamily(&b, posting.Family{Title: hostile, Key: "k", Source: "p.md",
		Levels:      []posting.Level{{Title: hostile, Heading: hostile}},
		Specialties: []posting.Specialty{{Name: hostile}},
		Warnings:    []posting.Warning{{Line: 1, Message: hostile}}})
	if out := b.String(); strings.ContainsFunc(out, posting.IsControl) || !strings.Contains(out, `Eng\x1b]0;owned`) {
		t.Errorf("parse output holds raw control characters or lost the text:\n%q", out)
	}
}

// stripColor drops the SGR sequences writeTextPlan paints with.
func stripColor(s string) string {
	for {
		i := strings.Index(s, "\x1b[")
		if i < 0 {
			return s
		}
		j := strings.IndexByte(s[i:], 'm')
		if j < 0 {
			return s
		}
		s = s[:i] + s[i+j+1:]
	}
}
