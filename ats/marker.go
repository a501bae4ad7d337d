package ats

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"

	"github.com/jobsync/jobsync/posting"
)

// markerVersion prefixes every marker, so a later format can be told apart.
const markerVersion = "jobsync/v1"

// Marker is what jobsync writes on a board beside a posting it owns: the
// posting key, the posting hash it last wrote, and a fingerprint of the text
// it sent. Drift is a fingerprint of the board's current text that differs
// from the marker's: text, not HTML, because boards re-serialise HTML.
type Marker struct {
	Key         string
	Hash        string
	Fingerprint string
}

// NewMarker returns the marker for p, with the fingerprint of the text the
// adapter sends for it.
func NewMarker(p posting.Posting, fingerprint string) Marker {
	return Marker{Key: p.Key, Hash: p.Hash, Fingerprint: fingerprint}
}

// String encodes the marker as one line: "jobsync/v1 key=K hash=H fp=F".
// Keys never hold spaces (they are slugs joined by "/").
func (m Marker) String() string {
	return fmt.Sprintf("%s key=%s hash=%s fp=%s", markerVersion, m.Key, m.Hash, m.Fingerprint)
}

// ParseMarker decodes a marker written by String. ok is false for text that
// is not a jobsync marker (someone else's value, or a person's edit).
func ParseMarker(s string) (m Marker, ok bool) {
	fields := strings.Fields(s)
	if len(fields) == 0 || fields[0] != markerVersion {
		return Marker{}, false
	}
	for _, f := range fields[1:] {
		name, value, found := strings.Cut(f, "=")
		if !found {
			return Marker{}, false
		}
		switch name {
		case "key":
			m.Key = value
		case "hash":
			m.Hash = value
		case "fp":
			m.Fingerprint = value
		}
	}
	return m, m.Key != "" && m.Hash != ""
}

// Fingerprint hashes the visible text of the given fields (HTML or plain
// text), so that a board's re-serialisation of the same content hashes the
// same, and a person's edit of the words does not.
func Fingerprint(fields ...string) string {
	h := sha256.New()
	for _, f := range fields {
		h.Write([]byte(normalizeSpace(HTMLText(f))))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil)[:12])
}

// normalizeSpace folds every run of white space to one space, so that line
// breaks a board adds or drops do not count as edits.
func normalizeSpace(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
