// Package ats is the boundary between jobsync and the job boards: the Board
// interface every adapter implements, the posting as a board holds it
// (Remote), the ownership marker, the plan (desired versus current), the
// engine that applies a plan, and the sync loop that runs them over every
// board (Start, Run, Sync: see sync.go).
package ats

import (
	"context"
	"errors"

	"github.com/jobsync/jobsync/posting"
)

// Board is one job board. Adapters implement it; the engine is its only
// caller. The contract, enforced by ats/atstest:
//
//   - Name returns the board's configured name.
//   - List returns every posting the board holds that the credentials can see,
//     open or closed, owned or not, in as few calls as the API allows. A posting
//     is Owned only if it carries jobsync's marker; an owned Remote has Key and
//     Hash from the marker and Drifted set when its content no longer matches
//     what jobsync last wrote.
//   - Create publishes p as a new, live posting that carries the marker for
//     p.Key and p.Hash, and returns it as List would. It must not be retried
//     blindly: after any error the engine looks the key up before trying again.
//   - Update replaces the content of the owned posting id with p, rewrites the
//     marker, and makes the posting live again if it was closed.
//   - Close takes the posting id off the board, reversibly where the board
//     allows (unpublish rather than delete). Closing a closed posting is not an
//     error.
//   - Update and Close of an id the board does not hold return an error that
//     wraps ErrNotFound.
//
// Adapters never see a dry-run flag: a dry run never reaches a Board's writes.
type Board interface {
	Name() string
	List(ctx context.Context) ([]Remote, error)
	Create(ctx context.Context, p posting.Posting) (Remote, error)
	Update(ctx context.Context, id string, p posting.Posting) (Remote, error)
	Close(ctx context.Context, id string) error
}

// Concurrent is an optional capability: a board that can take more than one
// write at a time says how many. Boards without it get one writer.
type Concurrent interface {
	MaxConcurrency() int
}

// Finder is an optional capability: a board that can look one key up more
// cheaply than a full List. The engine uses it after a failed create.
type Finder interface {
	Find(ctx context.Context, key string) ([]Remote, error)
}

// BodyLayout is an optional capability: a board that lays a posting's body
// out its own way returns the text List will report as Remote.Body for p,
// so that plan diffs show edits, not layout.
type BodyLayout interface {
	Body(p posting.Posting) string
}

// FieldReader is an optional capability: a board whose List cannot read
// back some fields of a posting names those it reads (of FieldTitle,
// FieldLocations, FieldDepartment, FieldBody), and plan diffs leave the
// others out rather than show them as changed. The content hash still sees
// every change: an update of a field left out shows as FieldHash.
type FieldReader interface {
	ReadsFields() []string
}

// Locker is an optional capability: a board that two syncs must not write at
// once (a local folder). A writing run (Start with Write) holds the lock from
// before List until its last write; plans and dry runs take none. Lock fails
// rather than wait for long when another run holds it.
type Locker interface {
	Lock(ctx context.Context) (unlock func() error, err error)
}

// Remote is a posting as a board holds it. Body is the posting's text as the
// board shows it (HTML reduced to text by the adapter, see HTMLText), for
// diffs; read it with BodyText, since a board may defer it (DeferBody).
type Remote struct {
	ID         string   `json:"id"`
	Title      string   `json:"title"`
	Locations  []string `json:"locations,omitempty"`
	Department string   `json:"department,omitempty"`
	Body       string   `json:"body,omitempty"`
	URL        string   `json:"url,omitempty"`
	Open       bool     `json:"open"`

	Owned   bool   `json:"owned"`
	Key     string `json:"key,omitempty"`  // from the marker
	Hash    string `json:"hash,omitempty"` // from the marker: the posting hash jobsync last wrote
	Drifted bool   `json:"drifted,omitempty"`
	// Owner is the config whose marker it is; empty for a marker written
	// before owners (the default owner's).
	Owner string `json:"owner,omitempty"`
	// Unproved says the marker cannot prove jobsync's claim: it names
	// another posting (copied here) or is not whole. Such a posting is
	// never written; its key is a conflict (see NewPlan).
	Unproved bool `json:"unproved,omitempty"`
	// Claim tells this posting's claim from another of its key: the
	// marker's creation nonce or binding; empty for a marker written
	// before either.
	Claim string `json:"-"`

	loadBody func() string // see DeferBody
}

// DeferBody makes r's Body load on first use, by BodyText: for a board
// whose List would otherwise hold every posting's text (a local folder of
// 10,000 postings held 300 MB of it), when a plan reads the bodies only of
// the postings it updates or finds drifted. load runs at most once per copy
// of r.
func (r *Remote) DeferBody(load func() string) { r.Body, r.loadBody = "", load }

// BodyText returns r.Body, loading it first if the board deferred it.
func (r *Remote) BodyText() string {
	if r.loadBody != nil {
		r.Body, r.loadBody = r.loadBody(), nil
	}
	return r.Body
}

// ErrNotFound is wrapped by every adapter error for an id the board does not
// hold.
var ErrNotFound = errors.New("not found")
