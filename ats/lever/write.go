package lever

import (
	"context"
	"fmt"
	"net/http"
	"net/url"

	"go.uber.org/zap"

	"github.com/jobsync/jobsync/ats"
	"github.com/jobsync/jobsync/ats/atshttp"
	"github.com/jobsync/jobsync/posting"
)

// Create publishes p as a new posting carrying its marker tags. It is sent
// once: after a failure whose outcome is unknown the engine uses Find. Its
// marker holds a creation nonce; a second request then binds it to the id
// Lever gave the posting (see bind).
func (b *Board) Create(ctx context.Context, p posting.Posting) (ats.Remote, error) {
	body, m, err := b.writeBody(p, nil, ats.Marker{Nonce: ats.NewNonce()}, "")
	if err != nil {
		return ats.Remote{}, fmt.Errorf("create %s: %w", p.Key, err)
	}
	var out apiOne
	if err := b.c.write(ctx, atshttp.Create, "/postings", body, &out); err != nil {
		return ats.Remote{}, fmt.Errorf("create %s: %w", p.Key, err)
	}
	return b.remote(b.bind(ctx, out.Data, m)), nil
}

// bind rewrites the tags of the posting a create just made with its marker
// bound to the posting's id (POST /postings/{id} with the tags alone), so
// that a copy of the tags on another posting proves nothing from the
// start, even once the original is gone. Lever assigns the id, so this
// takes a request of its own, once in a posting's life. Should it fail,
// the posting stays as created, claimed by its nonce until its first
// update binds it: the create happened, and is reported as done.
func (b *Board) bind(ctx context.Context, made apiPosting, m ats.Marker) apiPosting {
	tags := append(otherTags(made.Tags), ownTags(m.Bound(made.ID))...)
	var out apiOne
	if err := b.c.write(ctx, atshttp.Idempotent, "/postings/"+url.PathEscape(made.ID), apiWrite{Tags: tags}, &out); err != nil {
		b.log.Warn("created, but the marker is not bound to the posting's id yet (its next update binds it)", zap.String("id", made.ID), zap.Error(err))
		return made
	}
	return out.Data
}

// Update rewrites the owned posting id with p: the full body, state
// published (which reopens a closed posting), jobsync's tags replaced and
// every other tag kept. One request, the write: the tags (a person's to
// keep, and the marker that says the posting is still jobsync's) are those
// List returned moments before; only a posting List has not seen is read
// first. The write carries the whole desired posting, so it is idempotent:
// repeating it after a lost answer or a 5xx writes the same thing again.
func (b *Board) Update(ctx context.Context, id string, p posting.Posting) (ats.Remote, error) {
	cur, err := b.owned(ctx, id)
	if err != nil {
		return ats.Remote{}, fmt.Errorf("update %s: %w", id, err)
	}
	old := readTags(cur.Tags)
	if old.Key != p.Key {
		return ats.Remote{}, fmt.Errorf("update %s: the posting carries the tag of %s, not %s", id, old.Key, p.Key)
	}
	body, _, err := b.writeBody(p, otherTags(cur.Tags), old, id)
	if err != nil {
		return ats.Remote{}, fmt.Errorf("update %s: %w", id, err)
	}
	var out apiOne
	if err := b.c.write(ctx, atshttp.Idempotent, "/postings/"+url.PathEscape(id), body, &out); err != nil {
		return ats.Remote{}, fmt.Errorf("update %s: %w", id, err)
	}
	b.forget(id)
	return b.remote(out.Data), nil
}

// Close sets the owned posting id to state closed and, in the same
// request, rewrites its marker to say jobsync closed it (state=closed): a
// posting found closed under a marker that says open was closed by a
// person, which is drift. Other tags are kept. Lever has no delete; a
// closed posting can be published again. Closing a closed posting makes no
// write. Like Update, it reads the posting only when List has not seen it.
func (b *Board) Close(ctx context.Context, id string) error {
	cur, err := b.owned(ctx, id)
	if err != nil {
		return fmt.Errorf("close %s: %w", id, err)
	}
	if cur.State == stateClosed {
		return nil
	}
	in := apiWrite{State: stateClosed}
	if m := readTags(cur.Tags); m.Hash != "" { // a key tag alone stays as it is
		m.State = ats.StateClosed
		in.Tags = append(otherTags(cur.Tags), ownTags(m)...)
	}
	if err := b.c.write(ctx, atshttp.Idempotent, "/postings/"+url.PathEscape(id), in, nil); err != nil {
		return fmt.Errorf("close %s: %w", id, err)
	}
	b.forget(id)
	return nil
}

// owned returns the tags and state of posting id, as List saw them (a
// person's tag added since is the only thing this can miss, in the seconds
// between List and the write) or else read now, and checks it is jobsync's: it carries the key tag.
func (b *Board) owned(ctx context.Context, id string) (apiPosting, error) {
	cur, ok := b.lastSeen(id)
	if !ok {
		var out apiOne
		if err := b.c.do(ctx, atshttp.Read, http.MethodGet, "/postings/"+url.PathEscape(id), nil, nil, &out); err != nil {
			return apiPosting{}, err
		}
		cur = seenPosting{tags: out.Data.Tags, state: out.Data.State}
	}
	if !ats.Owns(readTags(cur.tags)) {
		return apiPosting{}, fmt.Errorf("posting %s carries no jobsync tag: %w", id, ats.ErrNotOwned)
	}
	return apiPosting{ID: id, Tags: cur.tags, State: cur.state}, nil
}
