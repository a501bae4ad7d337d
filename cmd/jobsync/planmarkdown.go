package main

import (
	"fmt"
	"html"
	"io"
	"strings"

	"github.com/jobsync/jobsync/ats"
)

// writeMarkdownPlan prints the plan as a merge-request comment: a summary
// table, then one collapsible section per changed posting with its diff.
func writeMarkdownPlan(w io.Writer, out planOutput) error {
	plans := out.Plans
	var b strings.Builder
	b.WriteString("### jobsync plan\n\n")
	b.WriteString("| Board | Create | Update | Close | Unchanged | Drift | Not managed |\n")
	b.WriteString("|---|---:|---:|---:|---:|---:|---:|\n")
	for _, p := range plans {
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
	if !anyChanges(plans) {
		b.WriteString("\nNo changes. The boards match the handbook.\n")
	}
	for _, p := range plans {
		for _, a := range p.Actions {
			if a.Op == ats.OpUnchanged {
				continue
			}
			writeMarkdownAction(&b, p.Board, a)
		}
		for _, warn := range p.Warnings {
			fmt.Fprintf(&b, "\n> **Warning** (%s): %s\n", mdCell(p.Board), mdCell(warn))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func writeMarkdownAction(b *strings.Builder, board string, a ats.Action) {
	reason := ""
	if a.Reason != "" {
		reason = " — " + a.Reason
	}
	summary := fmt.Sprintf("<b>%s</b> %s: %s <code>%s</code>%s", a.Op, html.EscapeString(board), html.EscapeString(a.Title), html.EscapeString(a.Key), html.EscapeString(reason))
	if len(a.Changes) == 0 {
		fmt.Fprintf(b, "\n- %s\n", summary)
		return
	}
	fmt.Fprintf(b, "\n<details><summary>%s</summary>\n\n", summary)
	for _, c := range a.Changes {
		if c.Diff == "" {
			fmt.Fprintf(b, "- **%s**: `%s` → `%s`\n", c.Field, mdCode(c.Old), mdCode(c.New))
			continue
		}
		fmt.Fprintf(b, "**%s**\n\n```diff\n%s\n```\n\n", c.Field, strings.TrimRight(strings.ReplaceAll(c.Diff, "```", "'''"), "\n"))
	}
	b.WriteString("</details>\n")
}

// mdCell keeps a value from breaking a table row.
func mdCell(s string) string {
	return strings.NewReplacer("|", `\|`, "\n", " ").Replace(s)
}

// mdCode keeps a value inside inline code.
func mdCode(s string) string {
	return strings.NewReplacer("`", "'", "\n", " ").Replace(s)
}
