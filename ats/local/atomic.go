package local

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"go.uber.org/zap"
)

// tempSuffix ends every temporary file's name; temporary files also start
// with a dot, so that List never mistakes one for a posting.
const tempSuffix = ".tmp"

// file is one file to write: its name inside the folder and its content.
type file struct {
	name string
	data []byte
}

// writeFiles replaces files in dir atomically, in the order given: each is
// written to a temporary file in dir and fsynced; only then are they renamed
// onto their names one by one, and dir itself is fsynced. A reader sees each
// file either whole and old or whole and new, never half written. If the
// process dies, at most some of the renames happened, and temporary files
// are left for removeLeftovers.
func (b *Board) writeFiles(dir string, files ...file) error {
	_, err := b.writeStamped(dir, files...)
	return err
}

// writeStamped is writeFiles, returning the stamp of each file as written.
func (b *Board) writeStamped(dir string, files ...file) (stamps []stamp, err error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	temps := make([]string, 0, len(files))
	defer func() {
		if err != nil {
			for _, t := range temps {
				_ = os.Remove(t) // already renamed away, or the write failed
			}
		}
	}()
	for _, f := range files {
		t, st, err := writeTemp(dir, f)
		if t != "" {
			temps = append(temps, t)
		}
		if err != nil {
			return nil, err
		}
		stamps = append(stamps, st)
	}
	for i, f := range files {
		final := filepath.Join(dir, f.name)
		if b.beforeRename != nil {
			if err := b.beforeRename(final); err != nil {
				return nil, err
			}
		}
		if err := os.Rename(temps[i], final); err != nil {
			return nil, err
		}
		// The rename changed the file's ctime: stamp it as renamed.
		if fi, err := os.Lstat(final); err == nil {
			stamps[i] = stampOf(fi)
		}
		b.written.Add(1)
	}
	if dir == b.postings && b.deferSync() {
		return stamps, nil
	}
	return stamps, syncDir(dir)
}

// deferSync reports whether the fsync of the postings folder waits for
// the unlock, and notes that one is due: under the lock, one fsync of the
// folder per run makes every rename of the run durable (one per write was
// a tenth of a full sync's system time). Every file is fsynced before its
// rename, so a rename that reaches the disk shows a whole file; one that
// a power loss takes before the unlock leaves the posting's files as they
// were before the write, whole, and the next run writes them again (see
// verifyPage for a page left behind its record).
func (b *Board) deferSync() bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.syncDue = b.syncDue || b.locked
	return b.locked
}

// writeTemp writes f to a new temporary file in dir, fsynced and readable by
// everyone, and returns its path and its stamp, which the rename keeps.
func writeTemp(dir string, f file) (path string, st stamp, err error) {
	t, err := os.CreateTemp(dir, "."+f.name+".*"+tempSuffix)
	if err != nil {
		return "", stamp{}, err
	}
	path = t.Name()
	_, err = t.Write(f.data)
	if err == nil {
		err = t.Chmod(0o644)
	}
	if err == nil {
		err = t.Sync()
	}
	var fi os.FileInfo
	if err == nil {
		fi, err = t.Stat()
	}
	if cerr := t.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return path, stamp{}, fmt.Errorf("write %s: %w", filepath.Join(dir, f.name), err)
	}
	return path, stampOf(fi), nil
}

// syncDir makes the renames in dir durable.
func syncDir(dir string) error {
	if runtime.GOOS == "windows" {
		return nil // folders cannot be fsynced there; renames are journaled
	}
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	err = d.Sync()
	if cerr := d.Close(); err == nil {
		err = cerr
	}
	return err
}

// isTemp reports whether name is one of writeFiles' temporary files.
func isTemp(name string) bool {
	return strings.HasPrefix(name, ".") && strings.HasSuffix(name, tempSuffix)
}

// removeLeftovers deletes the temporary files a killed run left in the
// board's folders. It runs once, before this Board's first write, so it can
// never delete a temporary file of its own; a run that writes the folder
// at the same time as another must hold the lock (see Lock), which sweeps
// them at the start of every run.
func (b *Board) removeLeftovers() {
	b.cleanOnce.Do(b.sweepLeftovers)
}

// sweepLeftovers deletes the temporary files in the board's folders, never
// through a symbolic link.
func (b *Board) sweepLeftovers() {
	if b.checkLinks() != nil {
		return
	}
	for _, dir := range []string{b.dir, b.postings} {
		entries, err := os.ReadDir(dir)
		if err != nil {
			continue // no folder yet, nothing left over
		}
		for _, e := range entries {
			if e.Type().IsRegular() && isTemp(e.Name()) {
				p := filepath.Join(dir, e.Name())
				if err := os.Remove(p); err != nil && !errors.Is(err, os.ErrNotExist) {
					b.log.Warn("cannot remove leftover temporary file", zap.String("path", p), zap.Error(err))
				}
			}
		}
	}
}

// checkLinks refuses a symbolic link where the board keeps its postings or
// its lock: writes, the lock file and the clean-up would land outside the
// folder.
func (b *Board) checkLinks() error {
	for _, p := range []string{b.postings, filepath.Join(b.dir, lockName)} {
		if fi, err := os.Lstat(p); err == nil && fi.Mode()&os.ModeSymlink != 0 {
			to, _ := os.Readlink(p)
			return fmt.Errorf("%s is a symbolic link (to %s): the board writes only inside its folder; replace the link with a plain folder or file", p, to)
		}
	}
	return nil
}
