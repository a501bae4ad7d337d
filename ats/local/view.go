package local

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"go.uber.org/zap"

	"github.com/jobsync/jobsync/ats"
)

// scan spreads its reads over at most maxScanWorkers goroutines, each with
// at least minPerWorker files.
const (
	maxScanWorkers = 8
	minPerWorker   = 32
)

// load scans the folder and returns what List returns; the scan also becomes
// the board's view, unless a write ran meanwhile and may be missing from it.
func (b *Board) load(ctx context.Context) ([]ats.Remote, map[string]entry, error) {
	if err := b.checkLinks(); err != nil {
		return nil, nil, err
	}
	b.mu.Lock()
	seq, busy := b.seq, b.inFlight > 0
	b.mu.Unlock()
	remotes, view, stale, err := b.scan(ctx)
	if err != nil {
		return nil, nil, err
	}
	b.mu.Lock()
	if !busy && b.inFlight == 0 && b.seq == seq {
		b.view, b.fileIndexStale = view, stale
	} else {
		b.view = nil
	}
	b.mu.Unlock()
	return remotes, view, nil
}

// scan lists the folder: each posting file the index knows unchanged (see
// fileIndexName) from the index, the others read and decoded, on as many
// goroutines as there are CPUs (decoding JSON and reducing HTML to text
// cost more than the reads). Temporary files and other dot files are
// skipped; a file that is not valid JSON is a posting that is not
// jobsync's, titled with its file name, and closed. Bodies are deferred
// (Remote.DeferBody): a plan reads only those of the postings it changes.
func (b *Board) scan(ctx context.Context) (remotes []ats.Remote, view map[string]entry, stale bool, err error) {
	dirents, err := os.ReadDir(b.postings)
	if errors.Is(err, os.ErrNotExist) {
		return []ats.Remote{}, map[string]entry{}, false, nil
	}
	if err != nil {
		return nil, nil, false, err
	}
	pages := make(map[string]os.DirEntry, len(dirents)/2)
	files := make([]os.DirEntry, 0, len(dirents)/2)
	for _, e := range dirents {
		name := e.Name()
		if strings.HasPrefix(name, ".") || e.IsDir() {
			continue
		}
		if id, ok := strings.CutSuffix(name, ".html"); ok {
			pages[id] = e
		} else if strings.HasSuffix(name, ".json") {
			files = append(files, e)
		}
	}
	index, indexTime := b.readIndex(len(files))

	type result struct {
		remote ats.Remote
		entry  entry
		ok     bool // false: the file went away since ReadDir
		read   bool // the file was read: the index did not know it as it is
	}
	results := make([]result, len(files))
	var next atomic.Int64
	read := func() error {
		for {
			i := int(next.Add(1)) - 1
			if i >= len(files) {
				return nil
			}
			if err := ctx.Err(); err != nil {
				return err
			}
			id := strings.TrimSuffix(files[i].Name(), ".json")
			fi, err := files[i].Info()
			if errors.Is(err, os.ErrNotExist) {
				continue
			}
			if err != nil {
				return err
			}
			page, err := pageStamp(pages[id])
			if err != nil {
				return err
			}
			st := stampOf(fi)
			// A link's stamp is not its target's: never trusted.
			if e, ok := index[id]; ok && files[i].Type().IsRegular() && e.JSON == st && st.MTime < indexTime {
				e.Page = page != nil
				e.Rec.ID = id
				read := false
				if page == nil {
					// Gone since the index: missing, as without one.
					e.PageStamp, e.PageEdited, e.PageStale = nil, false, false
				}
				if page != nil && (e.PageStamp == nil || *e.PageStamp != *page || page.MTime >= indexTime || !pages[id].Type().IsRegular()) {
					b.verifyPage(&e, *page)
					read = true
				}
				results[i] = result{remote: b.listed(e), entry: e, ok: true, read: read}
				continue
			}
			// Stamped before the read: a change during it shows next time.
			path := filepath.Join(b.postings, files[i].Name())
			data, err := os.ReadFile(path)
			if errors.Is(err, os.ErrNotExist) {
				continue
			}
			if err != nil {
				return err
			}
			e, err := b.parseFile(id, data, page != nil, st)
			if err != nil {
				b.log.Warn("posting file is not valid JSON; treated as not managed by jobsync",
					zap.String("path", path), zap.Error(err))
			} else if page != nil {
				b.verifyPage(&e, *page)
			}
			results[i] = result{remote: b.listed(e), entry: e, ok: true, read: true}
		}
	}
	workers := min(runtime.GOMAXPROCS(0), maxScanWorkers, (len(files)+minPerWorker-1)/minPerWorker)
	errs := make([]error, max(workers, 1))
	var wg sync.WaitGroup
	for w := 1; w < workers; w++ {
		wg.Go(func() { errs[w] = read() })
	}
	errs[0] = read()
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, nil, false, err
	}

	remotes = make([]ats.Remote, 0, len(files))
	view = make(map[string]entry, len(files))
	for _, r := range results {
		if r.ok {
			remotes = append(remotes, r.remote)
			view[r.remote.ID] = r.entry
			stale = stale || r.read && !r.entry.broken
		}
	}
	// The index is written again when it missed a file or holds one gone.
	stale = stale || len(index) > len(view) || index == nil && len(view) > 0
	index, results = nil, nil // garbage before the plan, not after
	return remotes, view, stale, nil
}

// pageStamp is the stamp of the page de, or nil when there is none.
func pageStamp(de os.DirEntry) (*stamp, error) {
	if de == nil {
		return nil, nil
	}
	fi, err := de.Info()
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	st := stampOf(fi)
	return &st, nil
}

// listed is the posting of e as List returns it, its body deferred: a
// person's edit of its page is drift, a page another write left there is
// written again (see verifyPage).
func (b *Board) listed(e entry) ats.Remote {
	if e.broken {
		return ats.Remote{ID: e.Rec.ID, Title: e.Rec.Title}
	}
	r := b.remote(e.Rec, e.Page, e.FP)
	switch {
	case !r.Owned:
	case e.PageEdited:
		r.Drifted = true
	case e.PageStale:
		// As for a missing page: no hash matches, so the plan writes it.
		r.Hash = ""
	}
	id := e.Rec.ID // not e, which the closure would keep
	r.DeferBody(func() string { return b.readBody(id) })
	return r
}

// readBody reads the body of the posting id for a Remote that deferred it;
// "" when its file is gone or broken since List.
func (b *Board) readBody(id string) string {
	rec, err := b.readRecord(id)
	if err != nil {
		b.log.Warn("posting file unreadable since the board was listed; its body shows as empty",
			zap.String("path", b.jsonPath(id)), zap.Error(err))
		return ""
	}
	return rec.bodyText()
}

// parseFile is the view's entry of the file postings/ID.json holding data
// and stamped st; page says whether postings/ID.html exists. Data that is
// not a JSON record is a closed posting that is not jobsync's, titled with
// the file name; err says why, for the log.
func (b *Board) parseFile(id string, data []byte, page bool, st stamp) (entry, error) {
	rec, err := decodeRecord(data)
	if err != nil {
		return entry{Rec: record{ID: id, Title: id + ".json", Status: statusClosed}, broken: true}, err
	}
	rec.ID = id
	return b.entryOf(rec, page, st), nil
}

// begin counts a write under way.
func (b *Board) begin() {
	b.mu.Lock()
	b.inFlight++
	b.mu.Unlock()
}

// end counts a write finished and records its entry in the view. A failed
// write may have half happened, so it makes the view unknown. locked says
// whether the folder's lock is held, so index.html waits for the unlock.
func (b *Board) end(id string, e entry, ok bool) (locked bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.inFlight--
	b.seq++
	b.dirty = b.dirty || b.locked
	switch {
	case !ok:
		b.view = nil
	case b.view != nil:
		b.view[id] = e
		b.fileIndexStale = true
	}
	return b.locked
}

// indexStale reports whether index.html may be older than the postings: it
// is missing, or the postings folder changed (a file was added, renamed or
// removed) since it was written. A run that died between its writes and its
// unlock leaves it so; the next locked run repairs it.
func (b *Board) indexStale() (bool, error) {
	pd, err := os.Stat(b.postings)
	if errors.Is(err, os.ErrNotExist) {
		return false, nil // no postings, nothing to index
	}
	if err != nil {
		return false, err
	}
	ix, err := os.Stat(filepath.Join(b.dir, indexName))
	if errors.Is(err, os.ErrNotExist) {
		return true, nil
	}
	if err != nil {
		return false, err
	}
	// Not After: on a file system with coarse timestamps an equal time may
	// hide a change; refreshIndex then finds the content equal and writes
	// nothing.
	return !ix.ModTime().After(pd.ModTime()), nil
}

// refreshIndex brings index.html (and the feeds, see siteFiles) up to date
// with the view, loading the view first if it is unknown. It writes only
// the files whose content differs, so a run that changed nothing writes
// nothing.
func (b *Board) refreshIndex() error {
	b.indexMu.Lock()
	defer b.indexMu.Unlock()
	b.mu.Lock()
	list := indexEntries(b.view)
	known := b.view != nil
	b.mu.Unlock()
	if !known {
		_, view, err := b.load(context.Background())
		if err != nil {
			return err
		}
		list = indexEntries(view)
	}
	files, problems, err := b.siteFiles(list)
	if err != nil {
		return err
	}
	for _, p := range problems {
		b.log.Warn("feed problem", zap.String("where", p.Where), zap.String("problem", p.Message))
	}
	// Only what changed is written, so a run that changed nothing writes
	// nothing.
	changed := files[:0]
	for _, f := range files {
		if old, err := os.ReadFile(filepath.Join(b.dir, f.name)); err == nil && bytes.Equal(old, f.data) {
			continue
		}
		changed = append(changed, f)
	}
	if len(changed) > 0 {
		if err := b.writeFiles(b.dir, changed...); err != nil {
			return err
		}
	}
	return b.saveIndex()
}

// indexEntries picks the open postings that have a page, sorted by title
// (case folded), then id.
func indexEntries(view map[string]entry) []entry {
	list := make([]entry, 0, len(view))
	for _, e := range view {
		if e.Rec.open() && e.Page {
			list = append(list, e)
		}
	}
	sort.Slice(list, func(i, j int) bool {
		x, y := &list[i].Rec, &list[j].Rec
		a, b := strings.ToLower(x.Title), strings.ToLower(y.Title)
		if a != b {
			return a < b
		}
		if x.Title != y.Title {
			return x.Title < y.Title
		}
		return x.ID < y.ID
	})
	return list
}
