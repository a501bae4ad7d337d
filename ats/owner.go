package ats

// PendingHash is the hash an adapter writes in a marker before a write of
// several steps (Greenhouse): it matches no posting's hash, so the next plan
// updates the posting to completion. Such a marker (Marker.Pending) keeps
// the fingerprint of the text before the write and holds the one being
// written as Next: content that matches either is jobsync's, anything else
// a person's edit.
const PendingHash = "pending"

// Owns reports whether a posting that carries marker m is jobsync's: the
// one rule that List and the check before every write share. m is the zero
// Marker for a posting that carries none. Which config's it is (Owner) and
// whether the claim holds (Remote.Unproved) the plan decides.
func Owns(m Marker) bool { return m.Key != "" }

// SetOwner sets r's ownership and drift from the marker m the adapter read
// beside the posting: this is the one place they are decided from a marker.
// r.ID, and r.Open, r.Locations and r.Department where the adapter reads
// them, must be set first.
//
// An owned posting has drifted when the fingerprint of its current content
// differs from the marker's (a marker that lost its fingerprint proves
// nothing, so it has drifted too); while the marker's hash is PendingHash,
// when it matches neither the fingerprint before the write nor the one
// being written (Next). A marker with Attrs drifts when the locations and
// department differ from them (while pending, from NextAttrs too), and one
// with State open when the posting is closed. A posting found open under a
// State closed marker reads as pending (Hash is PendingHash): a close cut
// short, or a person's reopening, which the next sync completes or, for a
// key desired again, writes back to state=open. fingerprint is called only
// for a posting jobsync owns.
//
// The claim is Unproved when the marker is bound to another posting (it was
// copied here) or is not a whole marker (a key alone); Claim is what tells
// the claim from others of its key.
func (r *Remote) SetOwner(m Marker, fingerprint func() string) {
	r.Owned, r.Key, r.Hash, r.Drifted = false, "", "", false
	r.Owner, r.Claim, r.Unproved = "", "", false
	if !Owns(m) {
		return
	}
	if m.State == StateClosed && r.Open && m.Hash != PendingHash {
		// Published under the marker of a close: on a board whose Close
		// writes its marker before it unpublishes, a close cut short;
		// elsewhere a person's reopening of what jobsync closed. Either
		// way pending: the next sync completes the close, or, for a key
		// desired again, writes the marker back to state=open, so that a
		// person's later unpublishing is drift.
		m.Hash = PendingHash
	}
	r.Owned, r.Key, r.Hash, r.Owner = true, m.Key, m.Hash, m.Owner
	r.Unproved = m.Hash == "" || m.ID != "" && m.ID != r.ID
	switch {
	case m.Nonce != "":
		r.Claim = "n=" + m.Nonce
	case m.ID != "":
		r.Claim = "id=" + m.ID
	}
	r.Drifted = contentDrifted(m, fingerprint) || attrsDrifted(m, r) ||
		m.State == StateOpen && !r.Open
}

func attrsDrifted(m Marker, r *Remote) bool {
	if m.Attrs == "" {
		return false
	}
	fa := AttrFingerprint(r.Locations, r.Department)
	return fa != m.Attrs && (m.Hash != PendingHash || fa != m.NextAttrs)
}

func contentDrifted(m Marker, fingerprint func() string) bool {
	if m.Hash != PendingHash {
		return fingerprint() != m.Fingerprint
	}
	if m.Fingerprint == "" {
		// A create in progress: nothing of jobsync's was there before.
		return false
	}
	fp := fingerprint()
	return fp != m.Fingerprint && fp != m.Next
}
