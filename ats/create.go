package ats

import (
	"context"
	"errors"
	"fmt"

	"github.com/jobsync/jobsync/posting"
	"go.uber.org/zap"
)

const (
	// createAttempts bounds the creates sent for one posting; each retry
	// follows a look-up that found nothing.
	createAttempts = 3
	// lookupAttempts bounds the look-ups after one failed create (a read,
	// safe to repeat).
	lookupAttempts = 3
)

// create publishes a.Desired without ever making a duplicate: after a failed
// create it looks the key up, adopts a posting the lost create made, and
// sends the create again only when the board holds none.
func (e *engine) create(ctx context.Context, a Action) (Remote, error) {
	p := *a.Desired
	var err error
	for attempt := 1; ; attempt++ {
		var r Remote
		if r, err = e.board.Create(ctx, p); err == nil {
			e.log.Info("created", zap.String("key", a.Key), zap.String("id", r.ID))
			return r, nil
		}
		err = fmt.Errorf("create %s (attempt %d of %d): %w", a.Key, attempt, createAttempts, err)
		if ctx.Err() != nil {
			return Remote{}, err
		}
		found, ok, lerr := e.lookup(ctx, p.Key)
		if lerr != nil {
			// Not knowing whether the create happened, send nothing more:
			// the next run will see it, or create it.
			return Remote{}, errors.Join(err, fmt.Errorf("look up %s after a failed create: %w", a.Key, lerr))
		}
		if ok {
			return e.adopt(ctx, p, found)
		}
		if attempt == createAttempts || ctx.Err() != nil {
			return Remote{}, err
		}
		e.log.Debug("create failed and made nothing; sending it again", zap.String("key", a.Key), zap.Error(err))
	}
}

// adopt takes a posting that a create whose answer was lost made, and brings
// it to p if it is not already.
func (e *engine) adopt(ctx context.Context, p posting.Posting, r Remote) (Remote, error) {
	e.log.Info("create answered with an error but happened; adopting the posting", zap.String("key", p.Key), zap.String("id", r.ID))
	if r.Hash == p.Hash && r.Open && !r.Drifted {
		return r, nil
	}
	u, err := e.board.Update(ctx, r.ID, p)
	if err != nil {
		return Remote{}, fmt.Errorf("create %s: update the adopted posting %s: %w", p.Key, r.ID, err)
	}
	return u, nil
}

// lookup finds the owned posting with key (an open one, else the lowest id),
// with the board's Finder if it has one, else with List.
func (e *engine) lookup(ctx context.Context, key string) (Remote, bool, error) {
	var err error
	for range lookupAttempts {
		var rs []Remote
		if f, ok := e.board.(Finder); ok {
			rs, err = f.Find(ctx, key)
		} else {
			rs, err = e.board.List(ctx)
		}
		if err == nil {
			return e.pickOwned(rs, key)
		}
		if ctx.Err() != nil {
			break
		}
	}
	return Remote{}, false, err
}

// pickOwned picks, of the postings rs, the run's own with key. A posting
// whose claim is unproved is never adopted: the create fails instead.
func (e *engine) pickOwned(rs []Remote, key string) (Remote, bool, error) {
	var ids []int
	for i := range rs {
		r := &rs[i]
		if r.Key != key || !e.owner.Mine(r) {
			continue
		}
		if r.Unproved {
			return Remote{}, false, fmt.Errorf("posting %s claims key %s with a marker that does not prove it: %w", r.ID, key, ErrConflict)
		}
		ids = append(ids, i)
	}
	if len(ids) == 0 {
		return Remote{}, false, nil
	}
	return rs[pickKeeper(rs, ids)], true, nil
}
