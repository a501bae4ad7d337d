package local

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"maps"
	"os"
	"path/filepath"

	"github.com/jobsync/jobsync/ats"
	"github.com/jobsync/jobsync/ats/local/site"
)

// The board's index, DIR/.jobsync.index, is a cache of what List needs of
// each posting but its body: the record without markdown and HTML, whether
// its page exists, the fingerprint of its content, and the stamp of its
// JSON file and page (see stamp). A regular file whose stamp matches its
// entry is not read again, so a sync with nothing to do is mostly stat
// calls; any other file (a person's edit, a link, a file the index does not
// know) is read and decoded as without an index; the same for its page,
// which is read only to see whether a person edited it (see verifyPage).
// An entry whose file was
// modified at or after the index was written is not trusted either (on a
// file system with coarse times an edit in that instant would keep them
// equal: git's rule for its index). Deleting the index changes nothing but
// speed: the next sync reads every file and writes it again.
//
// A locked run writes the index at its unlock when it differs from the one
// read, and so does every write outside a lock; a plan never writes it. It
// is written atomically but not fsynced: an index lost or broken by a crash
// is ignored.
const (
	fileIndexName    = ".jobsync.index"
	fileIndexVersion = 2
)

// stamp is what the index compares a file by. Size and time alone are not
// enough: touch -r, cp -p, rsync -t and editors that keep times put a
// same-size edit's time back. The inode's change time cannot be set from
// user space, and a file replaced by another has another inode (both read
// where the system gives them, see sysStamp).
type stamp struct {
	Size  int64  `json:"size"`
	MTime int64  `json:"mtime"`           // Unix nanoseconds
	CTime int64  `json:"ctime,omitempty"` // the inode's change time, Unix nanoseconds
	Ino   uint64 `json:"ino,omitempty"`
}

func stampOf(fi os.FileInfo) stamp {
	st := stamp{Size: fi.Size(), MTime: fi.ModTime().UnixNano()}
	st.CTime, st.Ino = sysStamp(fi)
	return st
}

// entry is one posting as the board's view holds it, and the index stores
// it: its record without markdown (nor HTML, but in memory with WithSite,
// for the Indeed feed), and what List needs.
type entry struct {
	Rec  record `json:"rec"`
	JSON stamp  `json:"json"`         // of postings/ID.json as read or written
	Page bool   `json:"page"`         // postings/ID.html exists
	FP   string `json:"fp,omitempty"` // the content's fingerprint (record.fingerprint), for an owned record
	// PageStamp is the page's as last checked (see verifyPage), and
	// PageEdited and PageStale what the check found.
	PageStamp  *stamp `json:"page_stamp,omitempty"`
	PageEdited bool   `json:"page_edited,omitempty"`
	PageStale  bool   `json:"page_stale,omitempty"`
	// broken marks a file that is not a JSON record: never indexed, so that
	// it is read, and warned of, every run.
	broken bool
}

// entryOf is rec as the view keeps it, page saying whether its page exists
// and st stamping its JSON file.
func (b *Board) entryOf(rec record, page bool, st stamp) entry {
	e := entry{Rec: rec, JSON: st, Page: page}
	if rec.owned() {
		e.FP = rec.fingerprint()
	}
	e.Rec.Markdown, e.Rec.text, e.Rec.fp, e.Rec.sanitized = "", "", "", false
	if b.siteURL == "" {
		// Held for every posting, the HTML is most of a big board's
		// memory; index.html and the sitemap do not show it.
		e.Rec.HTML = ""
	}
	return e
}

// verifyPage sets e's page verdict from the page's file, which st stamps:
// a page whose digest is not the one its record holds was edited by a
// person (PageEdited: drift) if it carries the record's marker, and is
// otherwise one that another write left there, cut short before its record
// (PageStale: the plan writes it again). A record without a digest (written
// before digests, or by hand) has no verdict.
func (b *Board) verifyPage(e *entry, st stamp) {
	e.PageStamp, e.PageEdited, e.PageStale = &st, false, false
	if e.Rec.PageSHA256 == "" || !e.Rec.owned() {
		return
	}
	data, err := os.ReadFile(filepath.Join(b.postings, e.Rec.ID+".html"))
	if err != nil {
		return // gone since ReadDir: the next run sees it missing
	}
	if sum := sha256.Sum256(data); hex.EncodeToString(sum[:]) == e.Rec.PageSHA256 {
		return
	}
	onPage, ok := pageMarker(data)
	inRecord, _ := ats.ParseMarker(e.Rec.Marker)
	// Only a page under another write's marker of the same key was left
	// by a write cut short; any other (its marker kept, removed or
	// broken) was edited by a person.
	e.PageStale = ok && ats.Owns(onPage) && onPage.Key == inRecord.Key && onPage != inRecord
	e.PageEdited = !e.PageStale
}

// job is e as the site shows it.
func (e entry) job() site.Job { return e.Rec.job() }

// fileIndex is the index file's content.
type fileIndex struct {
	Version  int              `json:"version"`
	Postings map[string]entry `json:"postings"`
}

// readIndex returns the index's entries and the time it was written, or
// nil when there is none, it cannot be read, or it is larger than an index
// of files posting files could be (maxIndexEntry each): a huge or hostile
// index is ignored rather than read into memory.
func (b *Board) readIndex(files int) (map[string]entry, int64) {
	path := filepath.Join(b.dir, fileIndexName)
	fi, err := os.Lstat(path)
	limit := int64(1<<20) + int64(files)*maxIndexEntry
	if err != nil || !fi.Mode().IsRegular() || fi.Size() > limit {
		return nil, 0
	}
	// Read whole, then decoded: a json.Decoder grows its buffer to twice
	// the file, which at 10,000 postings is most of a plan's garbage. The
	// time is the one stamped before the read, so a newer index only
	// trusts fewer entries.
	f, err := os.Open(path)
	if err != nil {
		return nil, 0
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil || int64(len(data)) > limit {
		return nil, 0
	}
	var ix fileIndex
	if err := json.Unmarshal(data, &ix); err != nil || ix.Version != fileIndexVersion {
		return nil, 0
	}
	return ix.Postings, fi.ModTime().UnixNano()
}

// maxIndexEntry bounds an index entry's size for readIndex: a record
// without its markdown and HTML is about 1 KB; 200 locations make it ~20.
const maxIndexEntry = 32 << 10

// saveIndex writes the view as the index, if the view is known and differs
// from the index on disk.
func (b *Board) saveIndex() error {
	b.mu.Lock()
	if b.view == nil || !b.fileIndexStale {
		b.mu.Unlock()
		return nil
	}
	view := maps.Clone(b.view)
	b.fileIndexStale = false
	b.mu.Unlock()
	ix := fileIndex{Version: fileIndexVersion, Postings: make(map[string]entry, len(view))}
	for id, e := range view {
		if !e.broken {
			e.Rec.HTML = ""
			ix.Postings[id] = e
		}
	}
	data, err := json.Marshal(ix)
	if err == nil {
		err = replaceCache(b.dir, fileIndexName, data)
	}
	if err != nil {
		b.mu.Lock()
		b.fileIndexStale = true
		b.mu.Unlock()
	}
	return err
}

// replaceCache replaces dir/name with data, atomically but without fsync:
// for a cache, which may be lost but never read half written.
func replaceCache(dir, name string, data []byte) error {
	t, err := os.CreateTemp(dir, "."+name+".*"+tempSuffix)
	if err != nil {
		return err
	}
	_, err = t.Write(data)
	if cerr := t.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(t.Name(), filepath.Join(dir, name))
	}
	if err != nil {
		_ = os.Remove(t.Name())
	}
	return err
}
