package lever

import (
	"context"
	"fmt"
	"net/http"
	"net/url"

	"github.com/jobsync/jobsync/ats"
	"github.com/jobsync/jobsync/ats/atshttp"
	"github.com/jobsync/jobsync/posting"
)

// Create publishes p as a new posting carrying its marker tags. It is sent
// once: after a failure whose outcome is unknown the engine uses Find.
func (b *Board) Create(ctx context.Context, p posting.Posting) (ats.Remote, error) {
	body, _, err := b.writeBody(p, nil)
	if err != nil {
		return ats.Remote{}, fmt.Errorf("create %s: %w", p.Key, err)
	}
	var out apiOne
	if err := b.c.write(ctx, atshttp.Create, "/postings", body, &out); err != nil {
		return ats.Remote{}, fmt.Errorf("create %s: %w", p.Key, err)
	}
	return b.remote(out.Data), nil
}

// Update rewrites the owned posting id with p: the full body, state
// published (which reopens a closed posting), jobsync's tags replaced and
// every other tag kept. It reads the posting first, to keep a person's tags
// and to refuse a posting that is no longer jobsync's. The write carries the
// whole desired posting, so it is idempotent: repeating it after a lost
// answer or a 5xx writes the same thing again.
func (b *Board) Update(ctx context.Context, id string, p posting.Posting) (ats.Remote, error) {
	cur, err := b.owned(ctx, id)
	if err != nil {
		return ats.Remote{}, fmt.Errorf("update %s: %w", id, err)
	}
	if k := readTags(cur.Tags).Key; k != p.Key {
		return ats.Remote{}, fmt.Errorf("update %s: the posting carries the tag of %s, not %s", id, k, p.Key)
	}
	body, _, err := b.writeBody(p, otherTags(cur.Tags))
	if err != nil {
		return ats.Remote{}, fmt.Errorf("update %s: %w", id, err)
	}
	var out apiOne
	if err := b.c.write(ctx, atshttp.Idempotent, "/postings/"+url.PathEscape(id), body, &out); err != nil {
		return ats.Remote{}, fmt.Errorf("update %s: %w", id, err)
	}
	return b.remote(out.Data), nil
}

// Close sets the owned posting id to state closed, keeping its tags (Lever
// has no delete; a closed posting can be published again). Closing a closed
// posting makes no write.
func (b *Board) Close(ctx context.Context, id string) error {
	cur, err := b.owned(ctx, id)
	if err != nil {
		return fmt.Errorf("close %s: %w", id, err)
	}
	if cur.State == stateClosed {
		return nil
	}
	if err := b.c.write(ctx, atshttp.Idempotent, "/postings/"+url.PathEscape(id), apiWrite{State: stateClosed}, nil); err != nil {
		return fmt.Errorf("close %s: %w", id, err)
	}
	return nil
}

// owned reads posting id and checks it is jobsync's: it carries the key tag.
func (b *Board) owned(ctx context.Context, id string) (apiPosting, error) {
	var out apiOne
	if err := b.c.do(ctx, atshttp.Read, http.MethodGet, "/postings/"+url.PathEscape(id), nil, nil, &out); err != nil {
		return apiPosting{}, err
	}
	if !ats.Owns(readTags(out.Data.Tags)) {
		return apiPosting{}, fmt.Errorf("posting %s carries no jobsync tag: %w", id, ats.ErrNotOwned)
	}
	return out.Data, nil
}
