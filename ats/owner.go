package ats

// PendingHash is the hash an adapter writes in a marker before a write of
// several steps (Greenhouse): it matches no posting's hash, so the next plan
// updates the posting to completion, and it says that content that does
// not match the marker's fingerprint is jobsync's own write in progress, not
// a person's edit.
const PendingHash = "pending"

// Owns reports whether a posting that carries marker m is jobsync's: the
// one rule that List and the check before every write share. m is the zero
// Marker for a posting that carries none.
func Owns(m Marker) bool { return m.Key != "" }

// SetOwner sets r's Owned, Key, Hash and Drifted from the marker m the
// adapter read beside the posting: this is the one place ownership and
// drift are decided from a marker. An owned posting has drifted when the
// fingerprint of its current content differs from the marker's (a marker
// that lost its fingerprint proves nothing, so it has drifted too), except
// while the marker's hash is PendingHash. fingerprint is called only for a
// posting jobsync owns.
func (r *Remote) SetOwner(m Marker, fingerprint func() string) {
	r.Owned, r.Key, r.Hash, r.Drifted = false, "", "", false
	if !Owns(m) {
		return
	}
	r.Owned, r.Key, r.Hash = true, m.Key, m.Hash
	r.Drifted = m.Hash != PendingHash && fingerprint() != m.Fingerprint
}
