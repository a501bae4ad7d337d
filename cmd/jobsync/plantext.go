package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/fatih/color"

	"github.com/jobsync/jobsync/ats"
)

// opStyle is how an operation looks in human output.
var opStyle = map[ats.Op]struct {
	sign  string
	color color.Attribute
}{
	ats.OpCreate: {"+", color.FgGreen},
	ats.OpUpdate: {"~", color.FgYellow},
	ats.OpClose:  {"-", color.FgRed},
	ats.OpDrift:  {"!", color.FgMagenta},
	// A conflict is as loud as drift: nothing is written for the key.
	ats.OpConflict: {"?", color.FgMagenta},
}

// writeTextPlan prints the plan for a person: one line per change, the diff
// of each update indented under it, and the totals.
func writeTextPlan(w io.Writer, out planOutput, useColor bool) error {
	plans := out.Plans
	paint := func(attr color.Attribute, s string) string {
		if !useColor {
			return s
		}
		c := color.New(attr)
		c.EnableColor()
		return c.Sprint(s)
	}
	var b strings.Builder
	for _, p := range plans {
		s := p.Summary()
		fmt.Fprintf(&b, "%s %s\n", paint(color.Bold, "Board "+termSafe(p.Board)+":"), summaryLine(s))
		for _, a := range p.Actions {
			st, ok := opStyle[a.Op]
			if !ok {
				continue
			}
			fmt.Fprintf(&b, "  %s %-6s %s  %q", paint(st.color, st.sign), a.Op, termSafe(a.Key), a.Title)
			if a.RemoteID != "" {
				fmt.Fprintf(&b, "  [%s]", termSafe(a.RemoteID))
			}
			if a.Reason != "" {
				fmt.Fprintf(&b, "  (%s)", termSafe(a.Reason))
			}
			b.WriteByte('\n')
			for _, c := range a.Changes {
				writeTextChange(&b, c, paint)
			}
		}
		for _, warn := range p.Warnings {
			fmt.Fprintf(&b, "  %s %s\n", paint(color.FgYellow, "warning:"), termSafe(warn))
		}
	}
	if len(plans) > 1 {
		fmt.Fprintf(&b, "%s %s\n", paint(color.Bold, "Total:"), summaryLine(total(plans)))
	}
	for _, p := range out.Problems {
		label, attr := "note:", color.FgCyan
		if p.Refuses() {
			label, attr = "refused:", color.FgRed
		}
		fmt.Fprintf(&b, "%s board %s: %s\n", paint(attr, label), p.Board, termSafe(p.Message))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func writeTextChange(b *strings.Builder, c ats.Change, paint func(color.Attribute, string) string) {
	if c.Diff == "" {
		fmt.Fprintf(b, "      %s: %q → %q\n", c.Field, c.Old, c.New)
		return
	}
	fmt.Fprintf(b, "      %s:\n", c.Field)
	for _, line := range strings.Split(strings.TrimRight(c.Diff, "\n"), "\n") {
		line = termSafe(line) // the board's text, as it is
		switch {
		case strings.HasPrefix(line, "+++"), strings.HasPrefix(line, "---"):
			line = paint(color.Bold, line)
		case strings.HasPrefix(line, "+"):
			line = paint(color.FgGreen, line)
		case strings.HasPrefix(line, "-"):
			line = paint(color.FgRed, line)
		case strings.HasPrefix(line, "@@"):
			line = paint(color.FgCyan, line)
		}
		fmt.Fprintf(b, "        %s\n", line)
	}
}

func summaryLine(s ats.Summary) string {
	line := fmt.Sprintf("%d to create, %d to update, %d to close, %d unchanged, %d drifted, %d not managed",
		s.Create, s.Update, s.Close, s.Unchanged, s.Drift, s.Unmanaged)
	// Said only when there are some, so that a board of one owner reads
	// as before.
	if s.Conflict > 0 {
		line += fmt.Sprintf(", %d in conflict", s.Conflict)
	}
	if s.OtherOwners > 0 {
		line += fmt.Sprintf(", %d managed by another owner", s.OtherOwners)
	}
	return line
}
