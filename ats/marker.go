package ats

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
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
//
// The other fields are optional, so that a marker written before them still
// reads the same:
//   - Owner is the config that wrote it (see PlanOptions.Owner); empty in a
//     marker written before owners, which belongs to the default owner.
//   - ID binds the marker to the posting that holds it: the board's id of
//     it, written where the adapter knows the id when it writes the marker.
//     A marker whose ID names another posting was copied there.
//   - Nonce tells one create from another: a marker copied from a posting
//     carries that posting's nonce, while two creates of one key (two runs at
//     once) carry two. Kept through updates.
//   - Next is, while Hash is PendingHash, the fingerprint of the text being
//     written; Fingerprint stays that of the text written before, so that an
//     interrupted write never hides a person's edit.
//   - Attrs fingerprints the other fields jobsync publishes (locations,
//     department, see AttrFingerprint), for adapters that read them back;
//     NextAttrs is, while Hash is PendingHash, those being written (as Next
//     is for the text).
//   - State is "open" when jobsync left the posting published, "closed"
//     when it closed it, for adapters whose Close rewrites the marker; a
//     posting found closed under an "open" marker was closed by a person.
type Marker struct {
	Key         string
	Hash        string
	Fingerprint string
	Owner       string
	ID          string
	Nonce       string
	Next        string
	Attrs       string
	NextAttrs   string
	State       string
}

// The values of Marker.State.
const (
	StateOpen   = "open"
	StateClosed = "closed"
)

// NewMarker returns the marker for p, with the fingerprint of the text the
// adapter sends for it and p's owner.
func NewMarker(p posting.Posting, fingerprint string) Marker {
	return Marker{Key: p.Key, Hash: p.Hash, Fingerprint: fingerprint, Owner: p.Owner}
}

// Bound returns m bound to the posting id.
func (m Marker) Bound(id string) Marker {
	m.ID = id
	return m
}

// Continuing returns m as the next marker of a posting that carried old: it
// keeps old's nonce (the posting's identity since its create) and, if m is
// not bound, old's binding.
func (m Marker) Continuing(old Marker) Marker {
	m.Nonce = old.Nonce
	if m.ID == "" {
		m.ID = old.ID
	}
	return m
}

// Pending returns the marker to write before a write of several steps that
// brings a posting from the marker old to m: PendingHash, with old's
// fingerprint and state kept and m's fingerprint as Next; when m has
// Attrs, old's are kept too and m's are NextAttrs (an m without Attrs
// stays without: nothing of the other fields is checked while pending).
func (m Marker) Pending(old Marker) Marker {
	m.Next, m.Hash = m.Fingerprint, PendingHash
	// After an interrupted write (old pending too), old's fingerprint is
	// still that of the text before it.
	m.Fingerprint = old.Fingerprint
	if m.Attrs != "" {
		m.NextAttrs, m.Attrs = m.Attrs, old.Attrs
	}
	// Until the write is done, the posting is open or closed as before it.
	m.State = old.State
	return m
}

// NewNonce returns a fresh creation nonce: 12 random hex digits.
func NewNonce() string {
	var b [6]byte
	rand.Read(b[:]) // never fails (crypto/rand)
	return hex.EncodeToString(b[:])
}

// String encodes the marker as one line: "jobsync/v1 key=K hash=H fp=F",
// then the optional fields that are set ("owner=O id=I n=N next=F fa=A
// nfa=A state=S"). Keys, owners, ids and nonces never hold spaces.
func (m Marker) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s key=%s hash=%s fp=%s", markerVersion, m.Key, m.Hash, m.Fingerprint)
	for _, f := range [...]struct{ name, value string }{
		{"owner", m.Owner}, {"id", m.ID}, {"n", m.Nonce}, {"next", m.Next}, {"fa", m.Attrs}, {"nfa", m.NextAttrs}, {"state", m.State},
	} {
		if f.value != "" {
			fmt.Fprintf(&b, " %s=%s", f.name, f.value)
		}
	}
	return b.String()
}

// ParseMarker decodes a marker written by String. For text that is not a
// jobsync marker (someone else's value, or a person's edit) it returns the
// zero Marker, which Owns does not own, and ok false. Fields it does not
// know are skipped, so that a later jobsync's markers still read.
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
		case "owner":
			m.Owner = value
		case "id":
			m.ID = value
		case "n":
			m.Nonce = value
		case "next":
			m.Next = value
		case "fa":
			m.Attrs = value
		case "nfa":
			m.NextAttrs = value
		case "state":
			m.State = value
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
	var buf []byte
	for _, t := range texts {
		buf = append(appendFolded(buf, t), 0)
	}
	sum := sha256.Sum256(buf)
	return hex.EncodeToString(sum[:12])
}

// AttrFingerprint fingerprints a posting's locations and department as a
// board holds them, order and case aside, for Marker.Attrs.
func AttrFingerprint(locations []string, department string) string {
	locs := make([]string, 0, len(locations))
	for _, l := range locations {
		if l = strings.ToLower(strings.Join(strings.Fields(l), " ")); l != "" {
			locs = append(locs, l)
		}
	}
	slices.Sort(locs)
	return TextFingerprint(strings.Join(locs, "\n"), strings.ToLower(department))
}
