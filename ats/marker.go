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
// Remote.SetOwner decides ownership and drift from a marker.
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

// ParseMarker decodes a marker written by String. For text that is not a
// jobsync marker (someone else's value, or a person's edit) it returns the
// zero Marker, which Owns does not own, and ok false.
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
	if m.Key == "" || m.Hash == "" {
		return Marker{}, false
	}
	return m, true
}

// Fingerprint hashes the visible text of the given fields (HTML or plain
// text), so that a board's re-serialisation of the same content hashes the
// same, and a person's edit of the words does not.
//
// Each field hashes as HTMLText of it with every run of white space folded
// to one space (so its lines joined by spaces), followed by a zero byte.
func Fingerprint(fields ...string) string {
	texts := make([]string, len(fields))
	for i, f := range fields {
		texts[i] = HTMLText(f)
	}
	return TextFingerprint(texts...)
}

// TextFingerprint is Fingerprint of fields already reduced by HTMLText:
// TextFingerprint(HTMLText(a), HTMLText(b)) == Fingerprint(a, b). An adapter
// that reduces a posting's HTML for Remote.Body anyway saves parsing it twice.
func TextFingerprint(texts ...string) string {
	h := sha256.New()
	for _, t := range texts {
		h.Write([]byte(strings.Join(strings.Fields(t), " ")))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil)[:12])
}
