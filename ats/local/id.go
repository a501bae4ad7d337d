package local

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/jobsync/jobsync/ats"
)

// maxIDLen keeps a file name (id, suffix, ".json") well under the 255 bytes
// file systems allow.
const maxIDLen = 160

// maxTries bounds the search for a free id.
const maxTries = 1000

// baseID makes a file name from a key: "/" becomes "--", ASCII letters,
// digits, ".", "_" and "-" stay, every other run of characters becomes one
// "-"; no leading dot or dash; never empty.
// "product-manager/senior-product-manager/verify-ci" →
// "product-manager--senior-product-manager--verify-ci".
func baseID(key string) string {
	var b strings.Builder
	b.Grow(len(key) + 8)
	other := false
	for _, c := range key {
		switch {
		case c == '/':
			b.WriteString("--")
			other = false
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9', c == '.', c == '_', c == '-':
			b.WriteRune(c)
			other = false
		case !other:
			b.WriteByte('-')
			other = true
		}
	}
	id := strings.TrimLeft(b.String(), ".-")
	if len(id) > maxIDLen {
		id = id[:maxIDLen]
	}
	if id == "" {
		id = "posting"
	}
	return id
}

// validID reports whether id can name a posting file of this folder: a plain
// file name, not hidden.
func validID(id string) bool {
	return id != "" && !strings.HasPrefix(id, ".") && !strings.ContainsAny(id, "/\\\x00") &&
		len(id) <= 250
}

// claimID picks the id of a new posting with key: baseID(key), else the
// first of baseID(key)-2, -3, … that no file of the folder and no create
// under way holds. A page whose JSON file is missing is only reused when it
// is jobsync's page for this key, left by a create that died before its
// commit; anything else there belongs to a person. release frees the claim.
func (b *Board) claimID(key string) (string, error) {
	b.claimMu.Lock()
	defer b.claimMu.Unlock()
	base := baseID(key)
	for n := 1; n <= maxTries; n++ {
		id := base
		if n > 1 {
			id = base + "-" + strconv.Itoa(n)
		}
		b.mu.Lock()
		taken := b.claimed[id]
		b.mu.Unlock()
		if taken {
			continue
		}
		if exists, err := fileExists(b.jsonPath(id)); err != nil || exists {
			if err != nil {
				return "", err
			}
			continue
		}
		page := filepath.Join(b.postings, id+".html")
		if exists, err := fileExists(page); err != nil || exists && !b.orphanPage(page, key) {
			if err != nil {
				return "", err
			}
			continue
		}
		b.mu.Lock()
		b.claimed[id] = true
		b.mu.Unlock()
		return id, nil
	}
	return "", fmt.Errorf("no free file name for %s in %s", base, b.postings)
}

// release frees an id claimed for a create, now that its file exists (or
// the create failed).
func (b *Board) release(id string) {
	b.mu.Lock()
	delete(b.claimed, id)
	b.mu.Unlock()
}

func fileExists(path string) (bool, error) {
	_, err := os.Lstat(path)
	switch {
	case err == nil:
		return true, nil
	case errors.Is(err, os.ErrNotExist):
		return false, nil
	default:
		return false, err
	}
}

// orphanPage reports whether the page at path is one jobsync wrote for key.
func (b *Board) orphanPage(path, key string) bool {
	data, err := os.ReadFile(path)
	if err != nil {
		return false
	}
	m, ok := pageMarker(data)
	return ok && m.Key == key
}

// pageMarker finds the marker a page of renderPage carries in its head.
func pageMarker(page []byte) (ats.Marker, bool) {
	z := html.NewTokenizer(bytes.NewReader(page))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ats.Marker{}, false
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			switch atom.Lookup(name) {
			case atom.Body:
				return ats.Marker{}, false // the marker is in the head
			case atom.Meta:
				var isMarker bool
				var content string
				for hasAttr {
					var k, v []byte
					k, v, hasAttr = z.TagAttr()
					switch string(k) {
					case "name":
						isMarker = string(v) == markerMetaName
					case "content":
						content = string(v)
					}
				}
				if isMarker {
					return ats.ParseMarker(content)
				}
			}
		}
	}
}
