package ats_test

import (
	"fmt"
	"testing"

	"github.com/jobsync/jobsync/ats"
	"github.com/jobsync/jobsync/ats/atstest"
	"github.com/jobsync/jobsync/posting"
)

// FuzzPlanClaims plans against adversarial boards, read from the fuzz
// input four bytes a posting: duplicated markers, markers copied to other
// postings (same nonce, or bound to another id), Lever key tags alone,
// markers of before, pending markers, edited content, other owners and
// postings people made. Whatever the board holds, a plan writes only
// postings whose claim it can prove: its owner's, not unproved, and the
// only claim of its key or one of several claims it can tell apart; and it
// creates only keys nobody of its owner claims.
func FuzzPlanClaims(f *testing.F) {
	f.Add([]byte{0, 0, 0, 0}, false)
	f.Add([]byte{0, 0, 1, 0, 0, 0, 1, 0}, true)       // one nonce on two postings: a copy
	f.Add([]byte{1, 0, 0, 0, 1, 0, 0, 0}, true)       // two markers of before
	f.Add([]byte{2, 0, 2, 1, 2, 0, 3, 1}, false)      // distinct nonces: duplicates
	f.Add([]byte{3, 0, 4, 0, 3, 0, 5, 0}, true)       // bound, and bound to another id
	f.Add([]byte{0, 8, 0, 2, 0, 16, 1, 4}, false)     // another owner, a marker of before
	f.Add([]byte{4, 32, 1, 6, 4, 0, 2, 64, 4}, false) // pending, drifted, closed
	desired := atstest.SamplePostings(6)
	f.Fuzz(func(t *testing.T, data []byte, overwrite bool) {
		current := boardFrom(data, desired)
		// The owner is the default one (owning markers that name none) for
		// inputs of an even length.
		opts := ats.PlanOptions{OverwriteDrift: overwrite, Owner: "team-a", DefaultOwner: "acme"}
		if len(data)%2 == 0 {
			opts.DefaultOwner = opts.Owner
		}
		p := ats.NewPlan("b", desired[:4], current, opts)
		claims := map[string][]*ats.Remote{}
		for i := range current {
			if r := &current[i]; p.Mine(r) {
				claims[r.Key] = append(claims[r.Key], r)
			}
		}
		for _, a := range p.Actions {
			switch a.Op {
			case ats.OpCreate:
				if n := len(claims[a.Key]); n > 0 {
					t.Fatalf("create %s, which %d postings of the owner claim", a.Key, n)
				}
			case ats.OpUpdate, ats.OpClose:
				if err := provable(a.Current, claims[a.Key], p.Mine); err != nil {
					t.Fatalf("%s %s (%s): %v\nboard %+v", a.Op, a.Key, a.RemoteID, err, current)
				}
			}
		}
	})
}

// provable says why the claim of r on its key, among the owner's claims
// all, is not proved, or nil.
func provable(r *ats.Remote, all []*ats.Remote, mine func(*ats.Remote) bool) error {
	switch {
	case r == nil:
		return fmt.Errorf("no posting")
	case !mine(r):
		return fmt.Errorf("not the owner's (owned %v, owner %q)", r.Owned, r.Owner)
	case r.Unproved:
		return fmt.Errorf("its claim is unproved")
	}
	seen := map[string]int{}
	for _, o := range all {
		if o.Unproved {
			return fmt.Errorf("posting %s claims the key unproved", o.ID)
		}
		seen[o.Claim]++
	}
	if len(all) > 1 {
		for c, n := range seen {
			if c == "" || n > 1 {
				return fmt.Errorf("%d postings claim the key as %q", n, c)
			}
		}
	}
	return nil
}

// boardFrom reads a board from data, four bytes a posting:
//
//	kind  0 nonce, 1 no claim (before), 2 nonce, 3 bound, 4 pending
//	flags 1 closed, 2 drifted, 4 unproved (copied or a key tag alone),
//	      8 another owner, 16 no owner named (a marker of before), 32
//	      hash stale,
//	      64 not jobsync's at all
//	claim which of a few nonces (so that two postings may share one)
//	key   which of the desired keys (more than desired: some undesired)
func boardFrom(data []byte, desired []posting.Posting) []ats.Remote {
	var rs []ats.Remote
	for i := 0; i+4 <= len(data) && len(rs) < 64; i += 4 {
		kind, flags, claim, key := data[i]%5, data[i+1], data[i+2]%4, int(data[i+3])%len(desired)
		d := desired[key]
		r := ats.Remote{ID: fmt.Sprint(i/4 + 1), Title: d.Title, Body: ats.HTMLText(d.HTML), Open: flags&1 == 0,
			Owned: true, Key: d.Key, Hash: d.Hash, Drifted: flags&2 != 0, Unproved: flags&4 != 0}
		switch kind {
		case 0, 2:
			r.Claim = fmt.Sprintf("n=%d", claim)
		case 3:
			r.Claim = "id=" + r.ID
		case 4:
			r.Hash, r.Claim = ats.PendingHash, fmt.Sprintf("n=%d", claim)
		}
		switch {
		case flags&8 != 0:
			r.Owner = "team-b"
		case flags&16 == 0:
			r.Owner = "team-a"
		}
		if flags&32 != 0 {
			r.Hash = "stale"
		}
		if flags&64 != 0 {
			r = ats.Remote{ID: r.ID, Title: r.Title, Body: r.Body, Open: r.Open}
		}
		rs = append(rs, r)
	}
	return rs
}
