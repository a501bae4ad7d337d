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
	"github.com/jobsync/jobsync/ats/local/site"
)

// scan spreads its reads over at most maxScanWorkers goroutines, each with
// at least minPerWorker files.
const (
	maxScanWorkers = 8
	minPerWorker   = 32
)

// entry is one posting as the site's index and feeds show it.
type entry struct {
	site.Job
	Page                bool // postings/ID.html exists
	company, companyURL string
}

// load scans the folder and returns what List returns; the scan also becomes
// the board's view, unless a write ran meanwhile and may be missing from it.
func (b *Board) load(ctx context.Context) ([]ats.Remote, map[string]entry, error) {
	if err := b.checkLinks(); err != nil {
		return nil, nil, err
	}
	b.mu.Lock()
	seq, busy := b.seq, b.inFlight > 0
	b.mu.Unlock()
	remotes, view, err := b.scan(ctx)
	if err != nil {
		return nil, nil, err
	}
	b.mu.Lock()
	if !busy && b.inFlight == 0 && b.seq == seq {
		b.view = view
	} else {
		b.view = nil
	}
	b.mu.Unlock()
	return remotes, view, nil
}

// scan reads every posting file, on as many goroutines as there are CPUs
// (decoding JSON and reducing HTML to text cost more than the reads).
// Temporary files and other dot files are skipped; a file that is not valid
// JSON is a posting that is not jobsync's, titled with its file name, and
// closed.
func (b *Board) scan(ctx context.Context) ([]ats.Remote, map[string]entry, error) {
	dirents, err := os.ReadDir(b.postings)
	if errors.Is(err, os.ErrNotExist) {
		return []ats.Remote{}, map[string]entry{}, nil
	}
	if err != nil {
		return nil, nil, err
	}
	pages := make(map[string]bool, len(dirents)/2)
	names := make([]string, 0, len(dirents)/2)
	for _, e := range dirents {
		name := e.Name()
		if strings.HasPrefix(name, ".") || e.IsDir() {
			continue
		}
		if id, ok := strings.CutSuffix(name, ".html"); ok {
			pages[id] = true
		} else if strings.HasSuffix(name, ".json") {
			names = append(names, name)
		}
	}

	type result struct {
		remote ats.Remote
		entry  entry
		ok     bool // false: the file went away since ReadDir
	}
	results := make([]result, len(names))
	var next atomic.Int64
	read := func() error {
		for {
			i := int(next.Add(1)) - 1
			if i >= len(names) {
				return nil
			}
			if err := ctx.Err(); err != nil {
				return err
			}
			id := strings.TrimSuffix(names[i], ".json")
			path := filepath.Join(b.postings, names[i])
			data, err := os.ReadFile(path)
			if errors.Is(err, os.ErrNotExist) {
				continue
			}
			if err != nil {
				return err
			}
			r, e, err := b.parseFile(id, data, pages[id])
			if err != nil {
				b.log.Warn("posting file is not valid JSON; treated as not managed by jobsync",
					zap.String("path", path), zap.Error(err))
			}
			results[i] = result{remote: r, entry: e, ok: true}
		}
	}
	workers := min(runtime.GOMAXPROCS(0), maxScanWorkers, (len(names)+minPerWorker-1)/minPerWorker)
	errs := make([]error, max(workers, 1))
	var wg sync.WaitGroup
	for w := 1; w < workers; w++ {
		wg.Go(func() { errs[w] = read() })
	}
	errs[0] = read()
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, nil, err
	}

	remotes := make([]ats.Remote, 0, len(names))
	view := make(map[string]entry, len(names))
	for _, r := range results {
		if r.ok {
			remotes = append(remotes, r.remote)
			view[r.remote.ID] = r.entry
		}
	}
	return remotes, view, nil
}

// parseFile is the posting in the file postings/ID.json holding data; page
// says whether postings/ID.html exists. Data that is not a JSON record is a
// closed posting that is not jobsync's, titled with the file name; err says
// why, for the log.
func (b *Board) parseFile(id string, data []byte, page bool) (ats.Remote, entry, error) {
	rec, err := decodeRecord(data)
	if err != nil {
		name := id + ".json"
		return ats.Remote{ID: id, Title: name}, entry{Job: site.Job{ID: id, Title: name}}, err
	}
	rec.ID = id
	return b.remote(rec, page), b.entry(rec, page), nil
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
	if len(changed) == 0 {
		return nil
	}
	return b.writeFiles(b.dir, changed...)
}

// indexEntries picks the open postings that have a page, sorted by title
// (case folded), then id.
func indexEntries(view map[string]entry) []entry {
	list := make([]entry, 0, len(view))
	for _, e := range view {
		if e.Open && e.Page {
			list = append(list, e)
		}
	}
	sort.Slice(list, func(i, j int) bool {
		a, b := strings.ToLower(list[i].Title), strings.ToLower(list[j].Title)
		if a != b {
			return a < b
		}
		if list[i].Title != list[j].Title {
			return list[i].Title < list[j].Title
		}
		return list[i].ID < list[j].ID
	})
	return list
}
