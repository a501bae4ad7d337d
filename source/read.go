package source

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// defaultMaxSize is the largest page Read accepts unless told otherwise.
const defaultMaxSize = 5 << 20

// ReadOptions configure Read. The zero value is ready to use.
type ReadOptions struct {
	// Client fetches URLs. Nil means a retrying client (go-retryablehttp)
	// with a 30s timeout per attempt.
	Client *http.Client
	// CacheDir holds fetched pages and their ETag / Last-Modified, so that
	// an unchanged page costs a 304. "" means os.UserCacheDir()/jobsync/pages;
	// "-" turns the cache off.
	CacheDir string
	// MaxSize is the largest page or file accepted, in bytes; 0 means 5 MiB.
	MaxSize int64
}

func (o ReadOptions) maxSize() int64 {
	if o.MaxSize > 0 {
		return o.MaxSize
	}
	return defaultMaxSize
}

// Page is one page as read: Path is the file path or the URL (credentials
// removed), Data its bytes.
type Page struct {
	Path string
	Data []byte
}

// Read reads the page or pages at loc: a markdown file, a folder (every
// *.md below it, hidden folders skipped, in sorted order) or an https:// URL
// (http:// only for the loopback host). Errors name the file or URL.
func Read(ctx context.Context, loc string, opts ReadOptions) ([]Page, error) {
	if isURL(loc) {
		pg, err := fetch(ctx, loc, opts)
		if err != nil {
			return nil, err
		}
		return []Page{pg}, nil
	}
	info, err := os.Stat(loc)
	if err != nil {
		return nil, err // *fs.PathError names the path
	}
	if !info.IsDir() {
		pg, err := readFile(loc, opts.maxSize())
		if err != nil {
			return nil, err
		}
		return []Page{pg}, nil
	}
	paths, err := markdownFiles(loc)
	if err != nil {
		return nil, err
	}
	if len(paths) == 0 {
		return nil, fmt.Errorf("%s: no *.md files in the folder", loc)
	}
	pages := make([]Page, 0, len(paths))
	for _, p := range paths {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		pg, err := readFile(p, opts.maxSize())
		if err != nil {
			return nil, err
		}
		pages = append(pages, pg)
	}
	return pages, nil
}

// isURL says whether loc is to be fetched rather than opened.
func isURL(loc string) bool {
	l := strings.ToLower(loc)
	return strings.HasPrefix(l, "https://") || strings.HasPrefix(l, "http://")
}

// markdownFiles lists the *.md files below dir, sorted.
func markdownFiles(dir string) ([]string, error) {
	var paths []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if path != dir && strings.HasPrefix(d.Name(), ".") {
				return filepath.SkipDir
			}
			return nil
		}
		if strings.EqualFold(filepath.Ext(path), ".md") && d.Type().IsRegular() {
			paths = append(paths, path)
		}
		return nil
	})
	sort.Strings(paths)
	return paths, err
}

// readFile reads a file, refusing it before reading when it is too large.
func readFile(path string, limit int64) (Page, error) {
	f, err := os.Open(path)
	if err != nil {
		return Page{}, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return Page{}, err
	}
	if info.IsDir() {
		return Page{}, fmt.Errorf("%s: is a folder", path)
	}
	if info.Size() > limit {
		return Page{}, fmt.Errorf("%s: %w: %d bytes, the limit is %d", path, errTooLarge, info.Size(), limit)
	}
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return Page{}, fmt.Errorf("%s: %w", path, err)
	}
	if int64(len(data)) > limit {
		return Page{}, fmt.Errorf("%s: %w: over %d bytes", path, errTooLarge, limit)
	}
	return Page{Path: path, Data: data}, nil
}

var errTooLarge = errors.New("page too large")
