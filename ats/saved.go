package ats

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"strings"
)

// Held is what a board held of one posting when a plan was made: enough to
// tell, when the plan is applied later, whether the posting moved since.
type Held struct {
	ID      string `json:"id"`
	Key     string `json:"key,omitempty"`
	Hash    string `json:"hash,omitempty"`
	Open    bool   `json:"open"`
	Drifted bool   `json:"drifted,omitempty"`
	// Content is a digest of what the board shows: title, locations,
	// department and body.
	Content string `json:"content"`
}

// HeldOf is what r holds.
func HeldOf(r Remote) Held {
	sum := sha256.Sum256([]byte(strings.Join([]string{r.Title, strings.Join(r.Locations, "\x1f"), r.Department, r.BodyText()}, "\x00")))
	return Held{ID: r.ID, Key: r.Key, Hash: r.Hash, Open: r.Open, Drifted: r.Drifted, Content: hex.EncodeToString(sum[:16])}
}

// Touched returns what the board held of each posting the plan's actions
// name, in the order of the actions: what Moved checks later.
func (p Plan) Touched() []Held {
	var hs []Held
	for _, a := range p.Actions {
		if a.Op != OpUnchanged && a.Current != nil {
			hs = append(hs, HeldOf(*a.Current))
		}
	}
	return hs
}

// Moved compares a plan made earlier (its actions, and what the board held
// of the postings they touch) with a plan of the same desired postings
// made now, and says what moved on the board since, a line each; none
// when the earlier plan is still exactly what a sync would do. It is pure.
func Moved(board string, saved []Action, held []Held, now Plan) []string {
	type id struct{ key, remote string }
	changed := func(as []Action) map[id]Action {
		m := map[id]Action{}
		for _, a := range as {
			if a.Op != OpUnchanged {
				m[id{a.Key, a.RemoteID}] = a
			}
		}
		return m
	}
	was, is := changed(saved), changed(now.Actions)
	current := map[string]Remote{}
	for _, a := range now.Actions {
		if a.Current != nil {
			current[a.RemoteID] = *a.Current
		}
	}
	var moved []string
	for _, h := range held {
		r, ok := current[h.ID]
		switch {
		case !ok:
			// Not in the new plan's actions: closed or removed, or rewritten
			// to be as desired (by another sync).
			continue // the action comparison below says what became of it
		case h.Open && !r.Open:
			moved = append(moved, fmt.Sprintf("%s (%s) was closed on the board", h.Key, h.ID))
		case !h.Open && r.Open:
			moved = append(moved, fmt.Sprintf("%s (%s) was reopened on the board", h.Key, h.ID))
		case h.Hash != r.Hash:
			moved = append(moved, fmt.Sprintf("%s (%s) was rewritten since (by another sync?)", h.Key, h.ID))
		case HeldOf(r).Content != h.Content:
			moved = append(moved, fmt.Sprintf("%s (%s) was edited on the board", h.Key, h.ID))
		}
	}
	for k, a := range was {
		b, ok := is[k]
		switch {
		case !ok:
			moved = append(moved, fmt.Sprintf("%s: the plan would %s it; now there is nothing to do", describe(a), a.Op))
		case b.Op != a.Op || b.Reason != a.Reason:
			moved = append(moved, fmt.Sprintf("%s: the plan would %s it; now it is %s", describe(a), opReason(a), opReason(b)))
		}
	}
	for k, b := range is {
		if _, ok := was[k]; !ok {
			moved = append(moved, fmt.Sprintf("%s: now %s, which the plan does not hold", describe(b), opReason(b)))
		}
	}
	slices.Sort(moved)
	moved = slices.Compact(moved)
	for i := range moved {
		moved[i] = "board " + board + ": " + moved[i]
	}
	return moved
}

func describe(a Action) string {
	if a.RemoteID == "" {
		return a.Key
	}
	return fmt.Sprintf("%s (%s)", a.Key, a.RemoteID)
}

func opReason(a Action) string {
	if a.Reason == "" {
		return string(a.Op)
	}
	return fmt.Sprintf("%s (%s)", a.Op, a.Reason)
}
