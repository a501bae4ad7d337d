package main

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"

	"github.com/jobsync/jobsync/ats"
	"github.com/jobsync/jobsync/posting"
)

// A saved plan is what `plan --out FILE` writes and `sync --plan FILE`
// applies (Terraform's saved plan): the desired postings as reviewed, what
// each board held of the postings the plan touches, and digests of the
// config and of what the pages composed. It holds no secret: secrets live
// in the environment, never in the config or a posting.
const (
	savedPlanFormat = "jobsync saved plan"
	// savedPlanVersion is the file's version. A file of another major
	// version is refused; a newer minor one adds only what may be ignored.
	savedPlanVersion = "1.0"
)

// savedPlan is the file.
type savedPlan struct {
	Format        string `json:"format"`
	FormatVersion string `json:"format_version"`
	// Config is the config file the plan was made from, as named; sync
	// --plan reads it again unless --config names another.
	Config       string `json:"config"`
	ConfigDigest string `json:"config_digest"`
	// DesiredDigest is over the desired postings' keys and hashes: it
	// moves when a page (or the config) changes what is published.
	DesiredDigest string            `json:"desired_digest"`
	Options       savedOptions      `json:"options"`
	Boards        []savedBoard      `json:"boards"`
	Desired       []posting.Posting `json:"desired"`
}

// savedOptions are the plan's choices, which its sync keeps.
type savedOptions struct {
	Boards         []string `json:"boards,omitempty"`
	AllowMassClose bool     `json:"allow_mass_close,omitempty"`
	OverwriteDrift bool     `json:"overwrite_drift,omitempty"`
}

// savedBoard is one board's plan: its actions, and what the board held of
// each posting they touch.
type savedBoard struct {
	Board   string       `json:"board"`
	Summary ats.Summary  `json:"summary"`
	Actions []ats.Action `json:"actions"`
	Held    []ats.Held   `json:"held"`
}

func newSavedPlan(f planFlags, in runInputs, run *ats.Run) savedPlan {
	sp := savedPlan{
		Format: savedPlanFormat, FormatVersion: savedPlanVersion,
		Config: in.configPath, ConfigDigest: in.configDigest, DesiredDigest: desiredDigest(in.postings),
		Options: savedOptions{Boards: f.boards, AllowMassClose: f.allowMassClose, OverwriteDrift: f.overwriteDrift},
		Desired: in.postings,
	}
	for _, p := range run.Plans() {
		var acts []ats.Action
		for _, a := range p.Actions {
			if a.Op != ats.OpUnchanged {
				acts = append(acts, a)
			}
		}
		sp.Boards = append(sp.Boards, savedBoard{Board: p.Board, Summary: p.Summary(), Actions: acts, Held: p.Touched()})
	}
	return sp
}

// writeSavedPlan writes the plan compact: it is for sync --plan to read
// (the --json plan is the one for people and tools).
func writeSavedPlan(path string, sp savedPlan) error {
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(sp); err != nil {
		return err
	}
	if err := writeFileAtomic(path, b.String()); err != nil {
		return fmt.Errorf("--out: %w", err)
	}
	return nil
}

func readSavedPlan(path string) (*savedPlan, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("--plan: %w", err)
	}
	var sp savedPlan
	if err := json.Unmarshal(data, &sp); err != nil {
		return nil, fmt.Errorf("--plan %s: not a saved plan: %w", path, err)
	}
	if sp.Format != savedPlanFormat {
		return nil, fmt.Errorf("--plan %s: not a saved plan (make one with jobsync plan --out FILE)", path)
	}
	if major(sp.FormatVersion) != major(savedPlanVersion) {
		return nil, fmt.Errorf("--plan %s: a saved plan of format %s; this jobsync reads %s: make the plan again with this jobsync", path, sp.FormatVersion, savedPlanVersion)
	}
	return &sp, nil
}

func major(version string) string {
	m, _, _ := strings.Cut(version, ".")
	return m
}

// errStalePlan is wrapped by the refusal of a saved plan that no longer
// describes what a sync would do.
var errStalePlan = errors.New("the saved plan is stale, nothing was written: make a new plan (jobsync plan --out FILE) and review it")

// checkInputs refuses the plan when the config or the postings the pages
// compose changed since it was made, saying what moved.
func (sp *savedPlan) checkInputs(configDigest string, desired []posting.Posting) error {
	var moved []string
	if configDigest != sp.ConfigDigest {
		moved = append(moved, fmt.Sprintf("the config %s changed since the plan was made", sp.Config))
	}
	if desiredDigest(desired) != sp.DesiredDigest {
		moved = append(moved, "the pages or the config now compose other postings: "+postingsDiff(sp.Desired, desired))
	}
	if len(moved) == 0 {
		return nil
	}
	return fmt.Errorf("%w:\n  %s", errStalePlan, strings.Join(moved, "\n  "))
}

// checkBoards refuses the plan when a board moved since: a posting the plan
// touches closed, edited or rewritten there, or the plan of the postings
// the file holds no longer the one it saved.
func (sp *savedPlan) checkBoards(run *ats.Run) error {
	var moved []string
	for _, p := range run.Plans() {
		i := slices.IndexFunc(sp.Boards, func(b savedBoard) bool { return b.Board == p.Board })
		if i < 0 {
			moved = append(moved, fmt.Sprintf("board %s is not in the plan", p.Board))
			continue
		}
		moved = append(moved, ats.Moved(p.Board, sp.Boards[i].Actions, sp.Boards[i].Held, p)...)
	}
	if len(moved) == 0 {
		return nil
	}
	return fmt.Errorf("%w:\n  %s", errStalePlan, strings.Join(moved, "\n  "))
}

// desiredDigest is a digest of the postings' keys and hashes, in order.
func desiredDigest(ps []posting.Posting) string {
	h := sha256.New()
	for _, p := range ps {
		fmt.Fprintf(h, "%s\x00%s\x00%s\n", p.Key, p.Hash, strings.Join(p.Boards, ","))
	}
	return "sha256:" + hex.EncodeToString(h.Sum(nil))
}

// postingsDiff names the keys added, removed and changed from was to is,
// the first few of each.
func postingsDiff(was, is []posting.Posting) string {
	hashes := map[string]string{}
	for _, p := range was {
		hashes[p.Key] = p.Hash
	}
	var added, changed []string
	seen := map[string]bool{}
	for _, p := range is {
		seen[p.Key] = true
		switch h, ok := hashes[p.Key]; {
		case !ok:
			added = append(added, p.Key)
		case h != p.Hash:
			changed = append(changed, p.Key)
		}
	}
	var removed []string
	for _, p := range was {
		if !seen[p.Key] {
			removed = append(removed, p.Key)
		}
	}
	var parts []string
	for _, g := range []struct {
		what string
		keys []string
	}{{"changed", changed}, {"new", added}, {"gone", removed}} {
		if len(g.keys) > 0 {
			parts = append(parts, fmt.Sprintf("%d %s (%s)", len(g.keys), g.what, firstFew(g.keys, 3)))
		}
	}
	if len(parts) == 0 {
		return "the same keys and content, for other boards"
	}
	return strings.Join(parts, ", ")
}

func firstFew(keys []string, n int) string {
	if len(keys) <= n {
		return strings.Join(keys, ", ")
	}
	return strings.Join(keys[:n], ", ") + fmt.Sprintf(", … %d more", len(keys)-n)
}

// fileDigest is the sha256 of a file's bytes.
func fileDigest(path string) (string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return "", err
	}
	sum := sha256.Sum256(data)
	return "sha256:" + hex.EncodeToString(sum[:]), nil
}
