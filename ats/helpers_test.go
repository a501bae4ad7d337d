package ats_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"

	"github.com/jobsync/jobsync/ats"
	"github.com/jobsync/jobsync/posting"
)

// remoteOf is p as a board that jobsync wrote it to lists it.
func remoteOf(p posting.Posting, id string, open bool) ats.Remote {
	return ats.Remote{
		ID:         id,
		Title:      p.Title,
		Locations:  p.Locations,
		Department: p.Department,
		Body:       ats.HTMLText(p.HTML),
		Open:       open,
		Owned:      true,
		Key:        p.Key,
		Hash:       p.Hash,
	}
}

// claimed is remoteOf with a claim of its own (a create's nonce), as two
// runs at once leave duplicates.
func claimed(p posting.Posting, id string, open bool) ats.Remote {
	return withClaim(remoteOf(p, id, open), "n="+id)
}

func withClaim(r ats.Remote, claim string) ats.Remote {
	r.Claim = claim
	return r
}

// unproved is r with a marker copied from another posting.
func unproved(r ats.Remote) ats.Remote {
	r.Unproved = true
	return r
}

// ownedBy is r with another owner's marker.
func ownedBy(r ats.Remote, owner string) ats.Remote {
	r.Owner = owner
	return r
}

// unowned is a posting made by hand.
func unowned(id, title string, open bool) ats.Remote {
	return ats.Remote{ID: id, Title: title, Body: title + ": posted by hand.", Open: open}
}

// short renders actions as "op key id reason", one string each.
func short(actions []ats.Action) []string {
	out := make([]string, len(actions))
	for i, a := range actions {
		out[i] = strings.TrimSpace(fmt.Sprintf("%s %s %s %s", a.Op, a.Key, a.RemoteID, a.Reason))
	}
	return out
}

// errBoom is what the failing boards fail with.
var errBoom = errors.New("boom")

// errPass, returned by a hook, passes the call on to the wrapped board.
var errPass = errors.New("pass")

// hooked is a board whose writes run hooks before (or instead of) the
// wrapped board's, for the apply tests. A hook answers the call itself unless
// it returns errPass.
type hooked struct {
	ats.Board
	create func(ctx context.Context, p posting.Posting) (ats.Remote, error)
	update func(ctx context.Context, id string, p posting.Posting) (ats.Remote, error)
	close  func(ctx context.Context, id string) error

	mu    sync.Mutex
	calls []string // "create KEY", "update ID", "close ID"
}

func (h *hooked) record(s string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.calls = append(h.calls, s)
}

func (h *hooked) Calls() []string {
	h.mu.Lock()
	defer h.mu.Unlock()
	return append([]string(nil), h.calls...)
}

func (h *hooked) Create(ctx context.Context, p posting.Posting) (ats.Remote, error) {
	h.record("create " + p.Key)
	if h.create != nil {
		if r, err := h.create(ctx, p); err != errPass {
			return r, err
		}
	}
	return h.Board.Create(ctx, p)
}

func (h *hooked) Update(ctx context.Context, id string, p posting.Posting) (ats.Remote, error) {
	h.record("update " + id)
	if h.update != nil {
		if r, err := h.update(ctx, id, p); err != errPass {
			return r, err
		}
	}
	return h.Board.Update(ctx, id, p)
}

func (h *hooked) Close(ctx context.Context, id string) error {
	h.record("close " + id)
	if h.close != nil {
		if err := h.close(ctx, id); err != errPass {
			return err
		}
	}
	return h.Board.Close(ctx, id)
}
