package ats

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/jobsync/jobsync/posting"
)

// Op is what a plan does to one posting on one board.
type Op string

// The plan's operations.
const (
	OpCreate    Op = "create"    // desired, not on the board: publish it
	OpUpdate    Op = "update"    // on the board, content changed (or closed and desired again)
	OpClose     Op = "close"     // owned, open, no longer desired (or a duplicate)
	OpUnchanged Op = "unchanged" // on the board as desired
	OpDrift     Op = "drift"     // edited outside jobsync: reported, not written
	OpConflict  Op = "conflict"  // a key claimed by postings jobsync cannot prove its own: reported, not written
)

// The reasons an action carries beside its Op.
const (
	ReasonReopen    = "reopen"                         // update of a closed posting
	ReasonDuplicate = "duplicate"                      // close of a second owned posting with one key
	ReasonDrift     = "edited outside jobsync"         // drift, left alone
	ReasonOverwrite = "overwrite edit outside jobsync" // drift, overwritten on request
	// A conflict's posting whose marker names another posting (copied
	// here) or is not whole.
	ReasonUnproved = "its marker does not prove the claim (copied from another posting, or incomplete): remove jobsync's marker from the posting that is not jobsync's"
	// A conflict's posting whose claim cannot be told from another's.
	ReasonClaimed = "another posting claims this key with the same marker: remove jobsync's marker from the posting that is not jobsync's"
)

// Action is one step of a plan: what to do to which posting, and why.
type Action struct {
	Board    string   `json:"board"`
	Op       Op       `json:"op"`
	Key      string   `json:"key"`
	Title    string   `json:"title"` // the desired title; the board's for a close
	RemoteID string   `json:"remote_id"`
	Reason   string   `json:"reason,omitempty"`
	Changes  []Change `json:"changes,omitempty"` // for update and drift: what differs

	// Desired is the posting to write (create, update, unchanged, drift),
	// pointing into the slice NewPlan was given. Current is the posting on
	// the board (all but create), pointing into the current slice.
	Desired *posting.Posting `json:"-"`
	Current *Remote          `json:"-"`
}

// Plan is what a sync would do to one board, as plain sorted data.
type Plan struct {
	Board string `json:"board"`
	// Actions are sorted by key, then remote id. Unowned postings never
	// appear; closed owned postings that are not desired neither.
	Actions []Action `json:"actions"`
	// Unmanaged counts the board's postings, open or closed, that carry no
	// jobsync marker.
	Unmanaged int `json:"unmanaged"`
	// Owned counts the board's open postings that jobsync owns; the mass-close
	// guard weighs closes against it.
	Owned int `json:"owned"`
	// OtherOwners counts the board's postings, open or closed, that carry
	// the marker of another owner: managed by another config.
	OtherOwners int      `json:"other_owners"`
	Warnings    []string `json:"warnings,omitempty"`

	// Owner is the owner the plan writes for, and DefaultOwner the owner of
	// markers that name none (see Mine).
	Owner        string `json:"owner,omitempty"`
	DefaultOwner string `json:"-"`
}

// Summary counts a plan's actions by Op.
type Summary struct {
	Create    int `json:"create"`
	Update    int `json:"update"`
	Close     int `json:"close"`
	Unchanged int `json:"unchanged"`
	Drift     int `json:"drift"`
	Conflict  int `json:"conflict"`
	Unmanaged int `json:"unmanaged"`
	// OtherOwners counts the postings managed by another owner.
	OtherOwners int `json:"other_owners"`
}

// PlanOptions change what NewPlan decides.
type PlanOptions struct {
	// OverwriteDrift plans an update, not a drift report, for an owned
	// posting that was edited outside jobsync.
	OverwriteDrift bool
	// Body gives the text a board will report as Remote.Body for a posting
	// once written, for body diffs; nil means HTMLText of its HTML. Boards
	// that lay a posting out their own way (Lever's lists) say so through
	// the BodyLayout capability.
	Body func(posting.Posting) string
	// Fields are the fields the board reads back (FieldTitle, …), which
	// diffs compare; nil means every one. See the FieldReader capability.
	Fields []string
	// Owner is the owner id of the config: only postings whose marker
	// names it are written. DefaultOwner owns the markers that name none
	// (written before owners): they are the config's when Owner is the
	// default. Both empty, the markers that name none are the config's.
	Owner, DefaultOwner string
}

// NewPlan compares the postings desired on board with the board's current
// postings. It is pure: it reads its arguments and returns a new value.
//
// A desired posting whose Boards list is not empty and does not name board is
// left out, so callers may pass every composed posting. A key desired twice
// keeps its first posting and adds a warning.
//
// Only postings of opts.Owner are written (see Plan.Mine); the others are
// counted in OtherOwners. Of those, a key is a conflict, and nothing is
// written for it, when a posting claims it with a marker that cannot prove
// the claim (Remote.Unproved), or when several postings claim it and two of
// them cannot be told apart (a marker of before nonces, or one nonce on
// two postings: a copy). Several postings whose claims can be told apart
// are jobsync's own creates (two runs at once): all but one are closed as
// duplicates.
func NewPlan(board string, desired []posting.Posting, current []Remote, opts PlanOptions) Plan {
	p := Plan{Board: board, Owner: opts.Owner, DefaultOwner: opts.DefaultOwner}

	// The config's postings by key, in the order listed. Others are only
	// counted.
	claims := make(map[string][]int, len(current))
	for i := range current {
		r := &current[i]
		switch {
		case !r.Owned:
			p.Unmanaged++
			continue
		case !p.Mine(r):
			p.OtherOwners++
			continue
		}
		if r.Open {
			p.Owned++
		}
		claims[r.Key] = append(claims[r.Key], i)
	}

	want := make(map[string]bool, len(desired))
	p.Actions = make([]Action, 0, len(desired)+len(claims)/8)
	var creates []int // indexes into p.Actions
	for i := range desired {
		d := &desired[i]
		if !onBoard(d, board) {
			continue
		}
		if want[d.Key] {
			p.Warnings = append(p.Warnings, fmt.Sprintf("key %s is desired twice; the second (%q) is ignored", d.Key, d.Title))
			continue
		}
		want[d.Key] = true
		ids := claims[d.Key]
		switch {
		case len(ids) == 0:
			creates = append(creates, len(p.Actions))
			p.Actions = append(p.Actions, Action{Board: board, Op: OpCreate, Key: d.Key, Title: d.Title, Desired: d})
		case conflicting(current, ids):
			p.Actions = append(p.Actions, conflictActions(board, d, current, ids)...)
		case len(ids) == 1:
			p.Actions = append(p.Actions, decide(board, d, &current[ids[0]], opts))
		default:
			keep := pickKeeper(current, ids)
			p.Actions = append(p.Actions, decide(board, d, &current[keep], opts))
			for _, j := range ids {
				if j != keep && current[j].Open {
					p.Actions = append(p.Actions, closeAction(board, &current[j], ReasonDuplicate))
				}
			}
		}
	}
	for key, ids := range claims {
		switch {
		case want[key]:
		case conflicting(current, ids):
			p.Actions = append(p.Actions, conflictActions(board, nil, current, ids)...)
		default:
			for _, j := range ids {
				if current[j].Open {
					p.Actions = append(p.Actions, closeAction(board, &current[j], ""))
				}
			}
		}
	}
	if len(creates) > 0 {
		p.Warnings = append(p.Warnings, lookalikes(p.Actions, creates, current)...)
	}
	slices.SortFunc(p.Actions, func(a, b Action) int {
		if c := strings.Compare(a.Key, b.Key); c != 0 {
			return c
		}
		return compareIDs(a.RemoteID, b.RemoteID)
	})
	slices.Sort(p.Warnings)
	return p
}

// Mine reports whether r is a posting of the plan's owner: its marker names
// Owner, or names none (written before owners) and Owner is the default.
func (p *Plan) Mine(r *Remote) bool {
	return r.Owned && (r.Owner == p.Owner || r.Owner == "" && p.Owner == p.DefaultOwner)
}

// conflicting reports whether the claims ids on one key cannot all be
// proved: one is Unproved, or there are several and two of them have the
// same Claim (empty included: a marker of before nonces).
func conflicting(current []Remote, ids []int) bool {
	seen := make(map[string]bool, len(ids))
	for _, j := range ids {
		r := &current[j]
		if r.Unproved || len(ids) > 1 && (r.Claim == "" || seen[r.Claim]) {
			return true
		}
		seen[r.Claim] = true
	}
	return false
}

// conflictActions reports each posting of a conflicting key; d is the
// desired posting, or nil.
func conflictActions(board string, d *posting.Posting, current []Remote, ids []int) []Action {
	out := make([]Action, 0, len(ids))
	for _, j := range ids {
		r := &current[j]
		a := Action{Board: board, Op: OpConflict, Key: r.Key, Title: r.Title, RemoteID: r.ID, Reason: ReasonClaimed, Current: r, Desired: d}
		if r.Unproved {
			a.Reason = ReasonUnproved
		}
		out = append(out, a)
	}
	return out
}

// decide is the action for a desired posting and the owned remote kept for
// its key.
func decide(board string, d *posting.Posting, r *Remote, opts PlanOptions) Action {
	a := Action{Board: board, Key: d.Key, Title: d.Title, RemoteID: r.ID, Desired: d, Current: r}
	switch {
	case r.Drifted && !opts.OverwriteDrift:
		a.Op, a.Reason = OpDrift, ReasonDrift
		a.Changes = changes(d, r, opts)
	case r.Drifted:
		a.Op, a.Reason = OpUpdate, ReasonOverwrite
		a.Changes = changes(d, r, opts)
	case !r.Open:
		a.Op, a.Reason = OpUpdate, ReasonReopen
		a.Changes = changes(d, r, opts)
	case r.Hash != d.Hash:
		a.Op = OpUpdate
		a.Changes = changes(d, r, opts)
	default:
		a.Op = OpUnchanged
	}
	return a
}

func closeAction(board string, r *Remote, reason string) Action {
	return Action{Board: board, Op: OpClose, Key: r.Key, Title: r.Title, RemoteID: r.ID, Reason: reason, Current: r}
}

// pickKeeper chooses, of several owned remotes with one key, the one to keep:
// an open one before a closed one, then the lowest id.
func pickKeeper(current []Remote, ids []int) int {
	keep := ids[0]
	for _, j := range ids[1:] {
		a, b := &current[j], &current[keep]
		if a.Open != b.Open {
			if a.Open {
				keep = j
			}
			continue
		}
		if compareIDs(a.ID, b.ID) < 0 {
			keep = j
		}
	}
	return keep
}

// compareIDs orders ids numerically when both are decimal numbers (boards
// number their postings), else as strings.
func compareIDs(a, b string) int {
	if isDigits(a) && isDigits(b) {
		a, b = strings.TrimLeft(a, "0"), strings.TrimLeft(b, "0")
		if c := cmp.Compare(len(a), len(b)); c != 0 {
			return c
		}
	}
	return strings.Compare(a, b)
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// onBoard reports whether p is meant for board: an empty Boards list means
// every board.
func onBoard(p *posting.Posting, board string) bool {
	return len(p.Boards) == 0 || slices.Contains(p.Boards, board)
}

// lookalikes warns of each create whose title an open unmanaged posting on
// the board already has: most likely the same job, posted by hand.
func lookalikes(actions []Action, creates []int, current []Remote) []string {
	titles := make(map[string]string) // folded title → id
	for i := range current {
		if r := &current[i]; !r.Owned && r.Open {
			t := foldTitle(r.Title)
			if id, ok := titles[t]; !ok || compareIDs(r.ID, id) < 0 {
				titles[t] = r.ID
			}
		}
	}
	var warnings []string
	for _, i := range creates {
		a := &actions[i]
		if id, ok := titles[foldTitle(a.Title)]; ok {
			warnings = append(warnings, fmt.Sprintf("create %s: unmanaged posting %s has the same title %q (posted by hand? it will be a duplicate)", a.Key, id, a.Title))
		}
	}
	return warnings
}

func foldTitle(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}

// Summary counts the plan's actions by Op.
func (p Plan) Summary() Summary {
	s := Summary{Unmanaged: p.Unmanaged, OtherOwners: p.OtherOwners}
	for i := range p.Actions {
		switch p.Actions[i].Op {
		case OpCreate:
			s.Create++
		case OpUpdate:
			s.Update++
		case OpClose:
			s.Close++
		case OpUnchanged:
			s.Unchanged++
		case OpDrift:
			s.Drift++
		case OpConflict:
			s.Conflict++
		}
	}
	return s
}

// HasChanges reports whether the plan would write anything, or reports drift
// that is pending a decision.
func (p Plan) HasChanges() bool {
	for i := range p.Actions {
		if p.Actions[i].Op != OpUnchanged {
			return true
		}
	}
	return false
}

// Writes returns the actions that write, in the order Apply runs them:
// creates and updates (by key), then closes (by key).
func (p Plan) Writes() []Action {
	var w, closes []Action
	for _, a := range p.Actions {
		switch a.Op {
		case OpCreate, OpUpdate:
			w = append(w, a)
		case OpClose:
			closes = append(closes, a)
		}
	}
	return append(w, closes...)
}
