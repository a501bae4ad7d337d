package local

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/gofrs/flock"
)

// lockName is the lock file in the board's folder.
const lockName = ".jobsync.lock"

// lockRetry is how often Lock tries again while another run holds the lock.
const lockRetry = 50 * time.Millisecond

// ErrLocked is wrapped by Lock's error when another run holds the lock.
var ErrLocked = errors.New("another jobsync run holds the lock")

// Lock implements ats.Locker: it takes an exclusive lock on DIR/.jobsync.lock
// (an OS file lock, released by the OS if the process dies), so that two
// syncs never write one folder at once. It waits at most the lock wait (see
// WithLockWait) or until ctx ends, then fails with an error wrapping
// ErrLocked.
//
// While the lock is held, writes leave index.html alone; the unlock brings
// it up to date once, if this run wrote or a run that died before its unlock
// left it stale, writing it only if its content differs, and then releases
// the lock. A run that writes nothing (a plan, a sync with nothing to do)
// writes nothing but the lock file. A Board holds its lock once: a second
// Lock before the unlock is an error.
func (b *Board) Lock(ctx context.Context) (unlock func() error, err error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("lock %s: %w", b.dir, err)
	}
	b.mu.Lock()
	held := b.locked
	b.mu.Unlock()
	if held {
		return nil, fmt.Errorf("lock %s: already held by this run", b.dir)
	}
	if err := b.checkLinks(); err != nil {
		return nil, fmt.Errorf("lock: %w", err)
	}
	if err := os.MkdirAll(b.dir, 0o755); err != nil {
		return nil, fmt.Errorf("lock: %w", err)
	}
	fl := flock.New(filepath.Join(b.dir, lockName), flock.SetPermissions(0o644))
	ok, err := fl.TryLock()
	if err != nil {
		return nil, fmt.Errorf("lock %s: %w", b.dir, err)
	}
	if !ok && b.lockWait > 0 {
		wctx, cancel := context.WithTimeout(ctx, b.lockWait)
		ok, err = fl.TryLockContext(wctx, lockRetry)
		cancel()
		switch {
		case err != nil && ctx.Err() != nil: // the caller gave up waiting
			return nil, fmt.Errorf("%w on %s (%w)", ErrLocked, b.dir, ctx.Err())
		case err != nil && !errors.Is(err, context.DeadlineExceeded):
			return nil, fmt.Errorf("lock %s: %w", b.dir, err)
		}
	}
	if !ok {
		return nil, fmt.Errorf("%w on %s", ErrLocked, b.dir)
	}

	b.mu.Lock()
	if b.locked { // a concurrent Lock of this Board won
		b.mu.Unlock()
		_ = fl.Unlock()
		return nil, fmt.Errorf("lock %s: already held by this run", b.dir)
	}
	b.locked, b.dirty = true, false
	b.view = nil // another run may have changed the folder since
	b.mu.Unlock()
	// No other run writes now, and this one has not begun: what temporary
	// files there are, a killed run left.
	b.sweepLeftovers()
	b.cleanOnce.Do(func() {})

	var once sync.Once
	var uerr error
	return func() error {
		once.Do(func() {
			b.mu.Lock()
			due := b.syncDue
			b.syncDue = false
			b.mu.Unlock()
			if due {
				if err := syncDir(b.postings); err != nil {
					uerr = fmt.Errorf("sync %s: %w", b.postings, err)
				}
			}
			if err := b.unlockIndex(); err != nil {
				uerr = errors.Join(uerr, fmt.Errorf("index: %w", err))
			}
			b.mu.Lock()
			b.locked = false
			b.mu.Unlock()
			if err := fl.Unlock(); err != nil {
				uerr = errors.Join(uerr, fmt.Errorf("unlock %s: %w", b.dir, err))
			}
		})
		return uerr
	}, nil
}

// unlockIndex refreshes index.html at the unlock if a write happened under
// the lock or the index is stale, and the board's index of files if it
// differs from the one read (see fileIndexName).
func (b *Board) unlockIndex() error {
	b.mu.Lock()
	dirty := b.dirty
	b.dirty = false
	b.mu.Unlock()
	if !dirty {
		stale, err := b.indexStale()
		if err != nil || !stale {
			return errors.Join(err, b.saveIndex())
		}
	}
	return b.refreshIndex()
}
