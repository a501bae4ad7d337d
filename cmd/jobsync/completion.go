package main

import (
	"strings"

	"github.com/spf13/cobra"
)

// addCompletions makes shell completion offer the values of every --format
// flag (read from its usage, "output format: text, json or markdown", so
// that it follows the flag) and the configured board names for --board.
func (a *app) addCompletions(root *cobra.Command) {
	for _, c := range root.Commands() {
		if f := c.Flags().Lookup("format"); f != nil {
			values := usageValues(f.Usage)
			_ = c.RegisterFlagCompletionFunc("format", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
				return values, cobra.ShellCompDirectiveNoFileComp
			})
		}
		if c.Flags().Lookup("board") != nil && c.Flags().Lookup("config") != nil {
			_ = c.RegisterFlagCompletionFunc("board", a.completeBoards)
		}
	}
}

// completeBoards lists the boards of the config the command line names (or
// the default one).
func (a *app) completeBoards(cmd *cobra.Command, _ []string, _ string) ([]string, cobra.ShellCompDirective) {
	path, _ := cmd.Flags().GetString("config")
	cfg, err := a.loadConfig(path)
	if err != nil {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	var names []string
	for _, b := range cfg.Boards {
		names = append(names, b.Name)
	}
	return names, cobra.ShellCompDirectiveNoFileComp
}

// usageValues reads the values a usage string lists after its colon:
// "output format: md, html or json" gives md, html, json.
func usageValues(usage string) []string {
	if _, after, ok := strings.Cut(usage, ":"); ok {
		usage = after
	}
	usage = strings.ReplaceAll(usage, " or ", ", ")
	var out []string
	for _, v := range strings.Split(usage, ",") {
		if v = strings.TrimSpace(v); v != "" && !strings.Contains(v, " ") {
			out = append(out, v)
		}
	}
	return out
}
