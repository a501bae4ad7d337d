// Package local is the embedded default board: a folder on disk that needs
// no credentials. Each posting is a JSON file (the board's record, marker
// included) and a standalone HTML page; index.html lists the open ones: a
// careers site, rendered by package site (pages, structured data) and
// ats/local/site/feed (sitemap and Indeed feed, when WithSite gives the site's URL).
//
//	DIR/.jobsync.lock          the lock two syncs share (see Board.Lock)
//	DIR/index.html             the open postings, by department, family and level
//	DIR/sitemap.xml            with WithSite: the index and the open postings' pages
//	DIR/indeed.xml             with WithSite: the Indeed XML feed, a job per posting per location
//	DIR/postings/ID.json       one posting: its fields, status and marker
//	DIR/postings/ID.html       the posting as a readable page
//	DIR/.jobsync.index         a cache of what List needs, by file stamps (see fileIndexName); safe to delete
//
// Ownership is the "marker" field of the JSON file. A file without a valid
// marker was put there by a person: it is listed as not owned and never
// written. A file that is not valid JSON at all is listed the same way, with
// its file name as title, so that one broken file never blocks a sync; a
// posting of jobsync's whose file broke is therefore created afresh under
// another id, and the broken file is left for a person to look at.
//
// Every file is replaced atomically (temporary file, fsync, rename, fsync of
// the folder: after each write, or for a locked run once at its unlock, see
// deferSync); a posting's page is written before its JSON file, so the JSON
// file is the commit point of every write. Temporary files a killed run left
// behind are ignored by List and removed by the next write.
package local

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode"

	"go.uber.org/zap"

	"github.com/jobsync/jobsync/ats"
	"github.com/jobsync/jobsync/ats/local/site"
	"github.com/jobsync/jobsync/posting"
)

// maxConcurrency is how many writes the engine may run at once: enough to
// overlap the fsyncs, few enough not to thrash a laptop disk.
const maxConcurrency = 4

// defaultLockWait is how long Lock waits for another run to finish before it
// gives up: long enough to ride out a run that is just ending, short enough
// that a second sync fails fast instead of hanging.
const defaultLockWait = 3 * time.Second

var (
	_ ats.Board      = (*Board)(nil)
	_ ats.Locker     = (*Board)(nil)
	_ ats.Concurrent = (*Board)(nil)
)

// Board is a job board in a folder. It is safe for concurrent use.
type Board struct {
	name      string
	dir       string // absolute
	postings  string // dir/postings
	now       func() time.Time
	log       *zap.Logger
	lockWait  time.Duration
	siteURL   string // the URL the folder is served at, or ""
	feedEmail string // the contact the Indeed feed gives

	cleanOnce sync.Once  // removes leftover temporary files before the first write
	claimMu   sync.Mutex // serialises the choice of new ids
	indexMu   sync.Mutex // serialises index.html refreshes

	mu      sync.Mutex             // guards the fields below
	idLocks map[string]*sync.Mutex // one per id written, so its read-modify-writes do not interleave
	claimed map[string]bool
	view    map[string]entry // the board as List saw it and writes left it; nil when unknown
	// fileIndexStale says the view differs from the index file (see
	// fileIndexName).
	fileIndexStale bool
	inFlight       int    // writes under way
	seq            uint64 // writes finished
	locked         bool   // this Board holds the folder's lock
	dirty          bool   // a write happened under the lock: the unlock refreshes index.html
	syncDue        bool   // a rename in postings/ under the lock awaits the folder's fsync (deferSync)

	// written counts the files this Board has written, for tests.
	written atomic.Int64
	// beforeRename, when set by a test, runs before each rename of a
	// temporary file onto name; an error aborts the write there.
	beforeRename func(name string) error
}

// Option configures a Board.
type Option func(*Board)

// WithClock sets the clock that stamps created_at, updated_at and closed_at.
func WithClock(now func() time.Time) Option {
	return func(b *Board) { b.now = now }
}

// WithLogger sets the logger; the board warns about posting files it cannot
// read. The default discards everything.
func WithLogger(l *zap.Logger) Option {
	return func(b *Board) { b.log = l }
}

// WithLockWait sets how long Lock waits for another run's lock before it
// fails; 0 tries once. The default is three seconds.
func WithLockWait(d time.Duration) Option {
	return func(b *Board) { b.lockWait = d }
}

// WithSite says where the folder is served (an absolute http(s) URL, such
// as "https://jobs.example.com/"): pages then carry canonical and
// structured-data URLs, and the board writes sitemap.xml and indeed.xml
// beside index.html. email is the contact the Indeed feed gives.
func WithSite(url, email string) Option {
	return func(b *Board) { b.siteURL, b.feedEmail = url, email }
}

// New returns the board name kept in the folder dir. It touches nothing on
// disk: the folder is made by the first Lock or write, and a folder that
// does not exist yet lists as an empty board.
func New(name, dir string, opts ...Option) (*Board, error) {
	if name == "" {
		return nil, errors.New("local board: empty name")
	}
	if dir == "" {
		return nil, fmt.Errorf("board %s: no folder given", name)
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, fmt.Errorf("board %s: %w", name, err)
	}
	b := &Board{
		name:     name,
		dir:      abs,
		postings: filepath.Join(abs, "postings"),
		now:      time.Now,
		log:      zap.NewNop(),
		lockWait: defaultLockWait,
		claimed:  map[string]bool{},
		idLocks:  map[string]*sync.Mutex{},
	}
	for _, o := range opts {
		o(b)
	}
	b.log = b.log.Named("local").With(zap.String("board", name))
	return b, nil
}

// Name returns the board's configured name.
func (b *Board) Name() string { return b.name }

// Dir returns the absolute path of the board's folder.
func (b *Board) Dir() string { return b.dir }

// MaxConcurrency implements ats.Concurrent.
func (b *Board) MaxConcurrency() int { return maxConcurrency }

// List returns every posting in the folder, sorted by id. See the package
// documentation for files that are not jobsync's.
func (b *Board) List(ctx context.Context) ([]ats.Remote, error) {
	remotes, _, err := b.load(ctx)
	if err != nil {
		return nil, fmt.Errorf("list: %w", err)
	}
	return remotes, nil
}

// Create writes p as a new open posting under an id derived from its key
// (one not taken by any file in the folder) and returns it as List would.
func (b *Board) Create(ctx context.Context, p posting.Posting) (ats.Remote, error) {
	if err := ctx.Err(); err != nil {
		return ats.Remote{}, fmt.Errorf("create %s: %w", p.Key, err)
	}
	if p.Key == "" || strings.IndexFunc(p.Key, unicode.IsSpace) >= 0 {
		// The marker could not carry it (see ats.Marker.String).
		return ats.Remote{}, fmt.Errorf("create %q: posting key %q is empty or holds white space", p.Title, p.Key)
	}
	b.removeLeftovers()
	id, err := b.claimID(p.Key)
	if err != nil {
		return ats.Remote{}, fmt.Errorf("create %s: %w", p.Key, err)
	}
	defer b.release(id)
	rec := newRecord(id, p, b.stamp(), ats.Marker{})
	e, err := b.write(rec)
	if err != nil {
		return ats.Remote{}, fmt.Errorf("create %s: %w", p.Key, err)
	}
	return b.returned(rec, e), nil
}

// Update replaces the owned posting id with p and opens it if it was closed;
// its created_at is kept.
func (b *Board) Update(ctx context.Context, id string, p posting.Posting) (ats.Remote, error) {
	if err := ctx.Err(); err != nil {
		return ats.Remote{}, fmt.Errorf("update %s: %w", id, err)
	}
	b.removeLeftovers()
	defer b.lockID(id)()
	old, err := b.readOwned(id)
	if err != nil {
		return ats.Remote{}, fmt.Errorf("update %s: %w", id, err)
	}
	oldMarker, _ := ats.ParseMarker(old.Marker)
	rec := newRecord(id, p, b.stamp(), oldMarker)
	if !old.CreatedAt.IsZero() {
		rec.CreatedAt = old.CreatedAt
	}
	e, err := b.write(rec)
	if err != nil {
		return ats.Remote{}, fmt.Errorf("update %s: %w", id, err)
	}
	return b.returned(rec, e), nil
}

// Close marks the owned posting id closed and drops it from index.html. Its
// files stay. Closing a closed posting writes nothing.
func (b *Board) Close(ctx context.Context, id string) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("close %s: %w", id, err)
	}
	b.removeLeftovers()
	defer b.lockID(id)()
	rec, err := b.readOwned(id)
	if err != nil {
		return fmt.Errorf("close %s: %w", id, err)
	}
	rec.ID = id // the file's name, not whatever its "id" field says
	if rec.open() {
		now := b.stamp()
		rec.Status = statusClosed
		rec.ClosedAt = &now
		if m, _ := ats.ParseMarker(rec.Marker); m.State != "" {
			// Closed by jobsync, not by a person (see ats.Marker.State).
			m.State = ats.StateClosed
			rec.Marker = m.String()
		}
		if _, err := b.write(rec); err != nil {
			return fmt.Errorf("close %s: %w", id, err)
		}
	}
	return nil
}

// stamp is the board's clock in UTC, to the second.
func (b *Board) stamp() time.Time {
	return b.now().UTC().Truncate(time.Second)
}

// readOwned reads the record of id and checks that jobsync owns it.
func (b *Board) readOwned(id string) (record, error) {
	if !validID(id) {
		return record{}, fmt.Errorf("no posting file for this id: %w", ats.ErrNotFound)
	}
	data, err := os.ReadFile(b.jsonPath(id))
	if errors.Is(err, os.ErrNotExist) {
		return record{}, fmt.Errorf("no posting file %s: %w", b.jsonPath(id), ats.ErrNotFound)
	}
	if err != nil {
		return record{}, err
	}
	rec, err := decodeRecord(data)
	if err != nil {
		return record{}, fmt.Errorf("%s is not valid JSON (%v): %w", b.jsonPath(id), err, ats.ErrNotOwned)
	}
	if m, _ := ats.ParseMarker(rec.Marker); !ats.Owns(m) {
		return record{}, fmt.Errorf("%s has no jobsync marker: %w", b.jsonPath(id), ats.ErrNotOwned)
	}
	return rec, nil
}

// write stores rec: its page first, then its JSON file, which commits it.
// The view and, unless the folder is locked, index.html follow. It returns
// rec's entry in the view.
func (b *Board) write(rec record) (entry, error) {
	if err := b.checkLinks(); err != nil {
		return entry{}, err
	}
	b.begin()
	var e entry
	page, jsonld, err := b.renderPage(rec)
	if err == nil {
		sum := sha256.Sum256(page)
		rec.PageSHA256 = hex.EncodeToString(sum[:])
		var data []byte
		if data, err = encodeRecord(rec); err == nil {
			var stamps []stamp
			stamps, err = b.writeStamped(b.postings,
				file{name: rec.ID + ".html", data: page},
				file{name: rec.ID + ".json", data: data})
			if err == nil {
				e = b.entryOf(rec, true, stamps[1])
				e.PageStamp = &stamps[0]
			}
		}
	}
	locked := b.end(rec.ID, e, err == nil)
	if err == nil {
		b.checkPage(rec, jsonld)
	}
	if err != nil || locked {
		return e, err
	}
	return e, b.refreshIndex()
}

// returned is rec, just written as e, as Create and Update return it: its
// body deferred as List's, since the engine keeps every result of a run.
func (b *Board) returned(rec record, e entry) ats.Remote {
	r := b.remote(rec, true, e.FP)
	id := rec.ID // not rec, whose text and HTML the closure would keep
	r.DeferBody(func() string { return b.readBody(id) })
	return r
}

func (b *Board) jsonPath(id string) string { return filepath.Join(b.postings, id+".json") }

// lockID serialises writes to one id and returns the unlock.
func (b *Board) lockID(id string) func() {
	b.mu.Lock()
	m := b.idLocks[id]
	if m == nil {
		m = new(sync.Mutex)
		b.idLocks[id] = m
	}
	b.mu.Unlock()
	m.Lock()
	return m.Unlock
}

// checkPage logs what keeps an open posting's structured data (jsonld, nil
// for a closed one) from Google's job search: the required properties as
// warnings, the recommended ones for debugging.
func (b *Board) checkPage(rec record, jsonld []byte) {
	if jsonld == nil {
		return
	}
	for _, p := range site.Check(jsonld, b.now()) {
		log := b.log.Debug
		if p.Required {
			log = b.log.Warn
		}
		log("structured data: "+p.String(), zap.String("key", rec.Key))
	}
}
