package main

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/spf13/cobra"
	"go.uber.org/zap"

	"github.com/jobsync/jobsync/posting"
)

func (a *app) composeCommand() *cobra.Command {
	var cfgPath, format, out, baseURL string
	var exclude []string
	cmd := &cobra.Command{
		Use:   "compose [--config F | PAGE...] [--format md|html|json] [--out DIR]",
		Short: "Compose the postings a config (or every level × specialty of a page) yields",
		Long: `compose builds postings: base role + level and grade + specialty + the opening's
location, department and pay, rendered to clean, sanitised HTML.

With PAGE arguments it composes every level × specialty of each page (a
preview); otherwise it composes the openings of the config. With --out, each
posting is written to DIR/<key>.<format>; without, all go to stdout.

A page's relative links (/handbook/...) need --base-url (or a source's
base_url in the config) to be made absolute; without one they are reduced
to their text, and compose warns how many each posting loses. In a folder,
a page that is no job family is skipped with a warning (see parse).`,
		Example: `  jobsync compose testdata/product-manager.md --format md | less
  jobsync compose --config examples/openings.yaml --format html --out out/postings
  jobsync compose --format json testdata/product-manager.md | jq '.[].title'`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if format != "md" && format != "html" && format != "json" {
				return fmt.Errorf("--format %q: want md, html or json", format)
			}
			var postings []posting.Posting
			if len(args) > 0 {
				if cfgPath != "" {
					return fmt.Errorf("give either --config or pages, not both")
				}
				pages, skipped := a.readJobPages(cmd.Context(), refsFor(args, baseURL), exclude)
				a.warnSkipped(skipped)
				fams, err := a.families(pages, true)
				if err != nil {
					return err
				}
				if postings, err = posting.Compose(fams, nil, posting.ComposeOptions{}); err != nil {
					return err
				}
				a.warnDroppedLinks(fams)
			} else {
				cfg, err := a.loadConfig(cfgPath)
				if err != nil {
					return err
				}
				if postings, err = a.composeFromConfig(cmd.Context(), cfg); err != nil {
					return err
				}
			}
			if out != "" {
				return writePostings(out, format, postings)
			}
			return printPostings(a, format, postings)
		},
	}
	f := cmd.Flags()
	f.StringVar(&cfgPath, "config", "", "config file (default $JOBSYNC_CONFIG or ./jobsync.yaml)")
	f.StringVar(&format, "format", "md", "output format: md, html or json")
	f.StringVar(&out, "out", "", "write one file per posting into this folder")
	f.StringVar(&baseURL, "base-url", "", "base URL that makes the pages' relative links absolute")
	f.StringArrayVar(&exclude, "exclude", nil, "leave out a folder's pages whose name or path matches this glob (repeatable)")
	return cmd
}

// probeBase stands in for a base URL to count the relative links a family
// without one would lose.
const probeBase = "https://base-url.invalid"

// warnDroppedLinks warns, for each family without a base URL whose pages
// have relative links, that they are reduced to their text: the postings
// are still valid, but lose links silently otherwise.
func (a *app) warnDroppedLinks(fams []posting.Family) {
	for _, f := range fams {
		if f.BaseURL != "" {
			continue
		}
		f.BaseURL = probeBase
		probe, err := posting.Compose([]posting.Family{f}, nil, posting.ComposeOptions{})
		if err != nil {
			continue
		}
		most := 0
		for _, p := range probe {
			most = max(most, strings.Count(p.HTML, `href="`+probeBase))
		}
		if most > 0 {
			a.log.Warn("relative links dropped for want of a base URL: give --base-url (or base_url in the config's source)",
				zapLocation(f.Source, 0), zap.Int("links_per_posting_up_to", most))
		}
	}
}

func printPostings(a *app, format string, postings []posting.Posting) error {
	if format == "json" {
		return writeJSON(a.stdout, postings)
	}
	for i, p := range postings {
		if i > 0 {
			fmt.Fprintln(a.stdout)
		}
		if _, err := fmt.Fprint(a.stdout, postingDocument(format, p)); err != nil {
			return err
		}
	}
	return nil
}

// postingDocument is one posting as a file of the given format.
func postingDocument(format string, p posting.Posting) string {
	switch format {
	case "html":
		return fmt.Sprintf("<!-- %s -->\n<h1>%s</h1>\n%s\n", p.Key, html.EscapeString(p.Title), p.HTML)
	default:
		return fmt.Sprintf("<!-- %s -->\n# %s\n\n%s\n", p.Key, p.Title, strings.TrimSpace(p.Markdown))
	}
}

// maxFileName is the longest file name compose --out writes: most file
// systems refuse names over 255 bytes.
const maxFileName = 200

// postingFileName is a posting's file name: its key with "/" as "__", and a
// key too long for a file name cut, with a digest of the whole key to keep
// names apart.
func postingFileName(key, ext string) string {
	name := strings.ReplaceAll(key, "/", "__")
	if len(name)+1+len(ext) <= maxFileName {
		return name + "." + ext
	}
	sum := sha256.Sum256([]byte(key))
	cut := maxFileName - len(ext) - 1 - 17 // "-" and 16 hex digits
	for cut > 0 && !utf8.RuneStart(name[cut]) {
		cut--
	}
	return name[:cut] + "-" + hex.EncodeToString(sum[:8]) + "." + ext
}

// writePostings writes each posting to dir/<key>.<ext> (see
// postingFileName).
func writePostings(dir, format string, postings []posting.Posting) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for _, p := range postings {
		name := filepath.Join(dir, postingFileName(p.Key, format))
		var data []byte
		if format == "json" {
			var b strings.Builder
			if err := writeJSON(&b, p); err != nil {
				return err
			}
			data = []byte(b.String())
		} else {
			data = []byte(postingDocument(format, p))
		}
		if err := os.WriteFile(name, data, 0o644); err != nil {
			return fmt.Errorf("compose: %w", err)
		}
	}
	return nil
}
