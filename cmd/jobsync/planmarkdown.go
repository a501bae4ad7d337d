package main

import (
	"fmt"
	"html"
	"io"
	"regexp"
	"strings"

	"github.com/jobsync/jobsync/ats"
	"github.com/jobsync/jobsync/posting"
)

// commentLimit is the most a merge-request comment may hold: GitHub's
// 65,536 characters (a GitLab note takes a million). It is counted in
// bytes, which are never fewer than characters.
const commentLimit = 65536

// createLines is how many lines of a new posting's body a comment shows.
const createLines = 6

// writeMarkdownPlan prints the plan as a merge-request comment (see
// markdownPlan).
func writeMarkdownPlan(w io.Writer, out planOutput) error {
	_, err := io.WriteString(w, markdownPlan(out, commentLimit))
	return err
}

// markdownPlan is the plan as a merge-request comment of at most limit
// bytes: a summary table and what sync would refuse, then one collapsible
// section per create (what will be published) and one per group of
// postings whose change is the same (an edited base requirement is shown
// once, with the postings it changes). Past the limit the sections stop,
// with a line saying how many are left out and where the full plan is.
func markdownPlan(out planOutput, limit int) string {
	var b strings.Builder
	b.WriteString("### jobsync plan\n\n")
	b.WriteString("| Board | Create | Update | Close | Unchanged | Drift | Not managed |\n")
	b.WriteString("|---|---:|---:|---:|---:|---:|---:|\n")
	for _, p := range out.Plans {
		s := p.Summary()
		fmt.Fprintf(&b, "| %s | %d | %d | %d | %d | %d | %d |\n", mdCell(p.Board), s.Create, s.Update, s.Close, s.Unchanged, s.Drift, s.Unmanaged)
	}
	for _, p := range out.Problems {
		label := "Note"
		if p.Refuses() {
			label = "Refused"
		}
		fmt.Fprintf(&b, "\n> **%s** (%s): %s\n", label, mdCell(p.Board), mdCell(p.Message))
	}
	for _, p := range out.Plans {
		for _, warn := range p.Warnings {
			fmt.Fprintf(&b, "\n> **Warning** (%s): %s\n", mdCell(p.Board), mdCell(warn))
		}
	}
	if !anyChanges(out.Plans) {
		b.WriteString("\nNo changes. The boards match the handbook.\n")
	}
	var sections []string
	for _, p := range out.Plans {
		sections = append(sections, markdownSections(p)...)
	}
	const noteRoom = 400 // the truncation note, with room to spare
	for i, s := range sections {
		s = termSafe(s) // text from pages and boards; escaped before it is measured
		if b.Len()+len(s)+noteRoom > limit {
			fmt.Fprintf(&b, "\n> **Truncated**: %d of %d sections are not shown, to keep this comment under %d characters. The full plan is in the CI job's artifacts (`jobsync plan --out`, `--json`), or run `jobsync plan` locally.\n",
				len(sections)-i, len(sections), limit)
			break
		}
		b.WriteString(s)
	}
	return b.String()
}

// markdownSections are a board's sections: each create, then each group of
// actions with the same op, reason and changes, in the plan's order.
func markdownSections(p ats.Plan) []string {
	var sections []string
	type group struct {
		actions []ats.Action
	}
	var groups []*group
	byKey := map[string]*group{}
	for _, a := range p.Actions {
		switch a.Op {
		case ats.OpUnchanged:
			continue
		case ats.OpCreate:
			sections = append(sections, markdownCreate(p.Board, a))
			continue
		}
		k := changesKey(a)
		g, ok := byKey[k]
		if !ok {
			g = &group{}
			byKey[k] = g
			groups = append(groups, g)
		}
		g.actions = append(g.actions, a)
	}
	for _, g := range groups {
		sections = append(sections, markdownGroup(p.Board, g.actions))
	}
	return sections
}

// hunkHeader matches a unified diff's hunk header, whose line numbers
// differ between postings that share a change at different depths.
var hunkHeader = regexp.MustCompile(`(?m)^@@ -\d+(,\d+)? \+\d+(,\d+)? @@`)

// changesKey is what actions must share to be shown once.
func changesKey(a ats.Action) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s\x00%s", a.Op, a.Reason)
	for _, c := range a.Changes {
		fmt.Fprintf(&b, "\x00%s\x00%s\x00%s\x00%s", c.Field, c.Old, c.New, hunkHeader.ReplaceAllString(c.Diff, "@@"))
	}
	return b.String()
}

func markdownCreate(board string, a ats.Action) string {
	var b strings.Builder
	fmt.Fprintf(&b, "\n<details><summary><b>create</b> %s: %s <code>%s</code></summary>\n\n",
		html.EscapeString(board), html.EscapeString(a.Title), html.EscapeString(a.Key))
	if d := a.Desired; d != nil {
		facts := []struct{ name, value string }{
			{"Locations", strings.Join(d.Locations, "; ")},
			{"Department", d.Department},
			{"Employment type", d.EmploymentType},
			{"Pay", payOf(d)},
			{"Source", d.SourceURL},
		}
		for _, f := range facts {
			if f.value != "" {
				fmt.Fprintf(&b, "- **%s**: %s\n", f.name, mdCell(f.value))
			}
		}
		fmt.Fprintf(&b, "\n```markdown\n%s\n```\n", firstLines(d.Markdown, createLines))
	}
	b.WriteString("\n</details>\n")
	return b.String()
}

func payOf(d *posting.Posting) string {
	if d.Pay == nil {
		return "not shown"
	}
	return d.Pay.String()
}

// firstLines are the first n non-blank lines of a body, each cut at 200
// bytes, with fences defused.
func firstLines(text string, n int) string {
	var out []string
	for line := range strings.SplitSeq(text, "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		if len(out) == n {
			out = append(out, "…")
			break
		}
		if len(line) > 200 {
			line = strings.ToValidUTF8(line[:200], "") + "…"
		}
		out = append(out, strings.ReplaceAll(line, "```", "'''"))
	}
	return strings.Join(out, "\n")
}

// markdownGroup is one section for actions that share their change: the
// first one's diff, and every posting it applies to.
func markdownGroup(board string, actions []ats.Action) string {
	var b strings.Builder
	a := actions[0]
	reason := ""
	if a.Reason != "" {
		reason = " — " + a.Reason
	}
	if len(actions) == 1 {
		fmt.Fprintf(&b, "\n<details><summary><b>%s</b> %s: %s <code>%s</code>%s</summary>\n\n",
			a.Op, html.EscapeString(board), html.EscapeString(a.Title), html.EscapeString(a.Key), html.EscapeString(reason))
	} else {
		same := ""
		if len(a.Changes) > 0 {
			same = ", the same change"
		}
		fmt.Fprintf(&b, "\n<details><summary><b>%s</b> %s: %d postings%s%s</summary>\n\n",
			a.Op, html.EscapeString(board), len(actions), same, html.EscapeString(reason))
		for _, o := range actions {
			fmt.Fprintf(&b, "- %s `%s`\n", mdCell(o.Title), mdCode(o.Key))
		}
		b.WriteString("\n")
	}
	for _, c := range a.Changes {
		if c.Diff == "" {
			fmt.Fprintf(&b, "- **%s**: `%s` → `%s`\n", c.Field, mdCode(c.Old), mdCode(c.New))
			continue
		}
		diff := c.Diff
		if len(actions) > 1 { // line numbers are the first posting's only
			diff = hunkHeader.ReplaceAllString(diff, "@@")
		}
		fmt.Fprintf(&b, "**%s**\n\n```diff\n%s\n```\n\n", c.Field, strings.TrimRight(strings.ReplaceAll(diff, "```", "'''"), "\n"))
	}
	if len(a.Changes) == 0 && len(actions) == 1 {
		b.WriteString("No field to show.\n")
	}
	b.WriteString("</details>\n")
	return b.String()
}

// mdCell keeps a value from breaking a table row.
func mdCell(s string) string {
	return termSafe(strings.NewReplacer("|", `\|`, "\n", " ").Replace(s))
}

// mdCode keeps a value inside inline code.
func mdCode(s string) string {
	return termSafe(strings.NewReplacer("`", "'", "\n", " ").Replace(s))
}

// failureLines bounds the error a failure report quotes.
const failureLines = 30

// markdownFailure is the comment for a plan that could not be made: the
// error, short, and what to do.
func markdownFailure(err error) string {
	lines := strings.Split(strings.TrimRight(err.Error(), "\n"), "\n")
	if len(lines) > failureLines {
		lines = append(lines[:failureLines], fmt.Sprintf("… %d more lines", len(lines)-failureLines))
	}
	text := termSafe(strings.ReplaceAll(strings.Join(lines, "\n"), "```", "'''"))
	if len(text) > 8000 {
		text = strings.ToValidUTF8(text[:8000], "") + "…"
	}
	return "### jobsync plan failed\n\nNo plan could be made, so there is nothing to review yet. The error:\n\n```text\n" + text +
		"\n```\n\nFix it and push again; `jobsync plan` shows the same error locally. Nothing was written to any board.\n"
}
