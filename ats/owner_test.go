package ats

import "testing"

func TestSetOwner(t *testing.T) {
	t.Parallel()
	const fp = "f1"
	type in struct {
		Locations  []string
		Department string
		Closed     bool
	}
	for _, tc := range []struct {
		name  string
		r     in // the posting: ID "1", open unless Closed
		m     Marker
		want  Remote
		calls int
	}{
		{"no marker", in{}, Marker{}, Remote{ID: "1"}, 0},
		{"in sync", in{}, Marker{Key: "k", Hash: "h", Fingerprint: fp}, Remote{ID: "1", Owned: true, Key: "k", Hash: "h"}, 1},
		{"edited", in{}, Marker{Key: "k", Hash: "h", Fingerprint: "f0"}, Remote{ID: "1", Owned: true, Key: "k", Hash: "h", Drifted: true}, 1},
		{"only the key: unproved", in{}, Marker{Key: "k"}, Remote{ID: "1", Owned: true, Key: "k", Drifted: true, Unproved: true}, 1},
		{"owner", in{}, Marker{Key: "k", Hash: "h", Fingerprint: fp, Owner: "team-a"}, Remote{ID: "1", Owned: true, Key: "k", Hash: "h", Owner: "team-a"}, 1},
		{"bound to it", in{}, Marker{Key: "k", Hash: "h", Fingerprint: fp, ID: "1"}, Remote{ID: "1", Owned: true, Key: "k", Hash: "h", Claim: "id=1"}, 1},
		{"bound to another: copied", in{}, Marker{Key: "k", Hash: "h", Fingerprint: fp, ID: "2"}, Remote{ID: "1", Owned: true, Key: "k", Hash: "h", Claim: "id=2", Unproved: true}, 1},
		{"nonce", in{}, Marker{Key: "k", Hash: "h", Fingerprint: fp, ID: "1", Nonce: "ab"}, Remote{ID: "1", Owned: true, Key: "k", Hash: "h", Claim: "n=ab"}, 1},
		{"create pending", in{}, Marker{Key: "k", Hash: PendingHash, Next: "f0"}, Remote{ID: "1", Owned: true, Key: "k", Hash: PendingHash}, 0},
		{"update pending, not yet written", in{}, Marker{Key: "k", Hash: PendingHash, Fingerprint: fp, Next: "f2"}, Remote{ID: "1", Owned: true, Key: "k", Hash: PendingHash}, 1},
		{"update pending, written", in{}, Marker{Key: "k", Hash: PendingHash, Fingerprint: "f0", Next: fp}, Remote{ID: "1", Owned: true, Key: "k", Hash: PendingHash}, 1},
		{"update pending, edited by a person", in{}, Marker{Key: "k", Hash: PendingHash, Fingerprint: "f0", Next: "f2"}, Remote{ID: "1", Owned: true, Key: "k", Hash: PendingHash, Drifted: true}, 1},
		{"attributes as written", in{Locations: []string{"Remote", "berlin"}, Department: "R&D"}, Marker{Key: "k", Hash: "h", Fingerprint: fp, Attrs: AttrFingerprint([]string{"Berlin ", "Remote"}, "r&d")},
			Remote{ID: "1", Owned: true, Key: "k", Hash: "h", Locations: []string{"Remote", "berlin"}, Department: "R&D"}, 1},
		{"a location edited", in{Locations: []string{"Paris"}, Department: "R&D"}, Marker{Key: "k", Hash: "h", Fingerprint: fp, Attrs: AttrFingerprint([]string{"Berlin"}, "R&D")},
			Remote{ID: "1", Owned: true, Key: "k", Hash: "h", Locations: []string{"Paris"}, Department: "R&D", Drifted: true}, 1},
		{"attributes pending, not yet written", in{Locations: []string{"Berlin"}}, Marker{Key: "k", Hash: PendingHash, Fingerprint: fp, Attrs: AttrFingerprint([]string{"Berlin"}, ""), NextAttrs: AttrFingerprint([]string{"Paris"}, "")},
			Remote{ID: "1", Owned: true, Key: "k", Hash: PendingHash}, 1},
		{"attributes pending, written", in{Locations: []string{"Paris"}}, Marker{Key: "k", Hash: PendingHash, Fingerprint: fp, Attrs: AttrFingerprint([]string{"Berlin"}, ""), NextAttrs: AttrFingerprint([]string{"Paris"}, "")},
			Remote{ID: "1", Owned: true, Key: "k", Hash: PendingHash}, 1},
		{"attributes pending, edited by a person", in{Locations: []string{"Rome"}}, Marker{Key: "k", Hash: PendingHash, Fingerprint: fp, Attrs: AttrFingerprint([]string{"Berlin"}, ""), NextAttrs: AttrFingerprint([]string{"Paris"}, "")},
			Remote{ID: "1", Owned: true, Key: "k", Hash: PendingHash, Drifted: true}, 1},
		{"attributes written, marker not pending: NextAttrs counts for nothing", in{Locations: []string{"Paris"}}, Marker{Key: "k", Hash: "h", Fingerprint: fp, Attrs: AttrFingerprint([]string{"Berlin"}, ""), NextAttrs: AttrFingerprint([]string{"Paris"}, "")},
			Remote{ID: "1", Owned: true, Key: "k", Hash: "h", Drifted: true}, 1},
		{"closed by a person", in{Closed: true}, Marker{Key: "k", Hash: "h", Fingerprint: fp, State: StateOpen}, Remote{ID: "1", Owned: true, Key: "k", Hash: "h", Drifted: true}, 1},
		{"closed by jobsync", in{Closed: true}, Marker{Key: "k", Hash: "h", Fingerprint: fp, State: StateClosed}, Remote{ID: "1", Owned: true, Key: "k", Hash: "h"}, 1},
	} {
		r := Remote{ID: "1", Owned: true, Key: "old", Hash: "old", Drifted: true, Owner: "x", Claim: "y", Unproved: true,
			Locations: tc.r.Locations, Department: tc.r.Department, Open: !tc.r.Closed}
		calls := 0
		r.SetOwner(tc.m, func() string { calls++; return fp })
		w := tc.want
		if r.ID != w.ID || r.Owned != w.Owned || r.Key != w.Key || r.Hash != w.Hash || r.Drifted != w.Drifted ||
			r.Owner != w.Owner || r.Claim != w.Claim || r.Unproved != w.Unproved {
			t.Errorf("%s: %+v, want %+v", tc.name, r, w)
		}
		if calls != tc.calls {
			t.Errorf("%s: fingerprint computed %d times, want %d", tc.name, calls, tc.calls)
		}
	}
}

func TestMarkerPendingKeepsTheFingerprintBefore(t *testing.T) {
	t.Parallel()
	old := Marker{Key: "k", Hash: "h0", Fingerprint: "f0", Nonce: "n1", ID: "7", Attrs: "a0", State: StateClosed}
	next := Marker{Key: "k", Hash: "h1", Fingerprint: "f1", Owner: "o", Attrs: "a1", State: StateOpen}.Continuing(old)
	p := next.Pending(old)
	if p.Hash != PendingHash || p.Fingerprint != "f0" || p.Next != "f1" || p.Nonce != "n1" || p.ID != "7" || p.Owner != "o" ||
		p.Attrs != "a0" || p.NextAttrs != "a1" || p.State != StateClosed {
		t.Fatalf("pending marker %+v", p)
	}
	// Interrupted, then written again: the text before the first write
	// still counts, not the half-written one.
	again := Marker{Key: "k", Hash: "h2", Fingerprint: "f2", Attrs: "a2"}.Pending(p)
	if again.Fingerprint != "f0" || again.Next != "f2" || again.Attrs != "a0" || again.NextAttrs != "a2" || again.State != StateClosed {
		t.Fatalf("second pending marker %+v", again)
	}
	// A marker without attributes (the adapter checks none while pending)
	// stays without.
	if bare := (Marker{Key: "k", Hash: "h3", Fingerprint: "f3"}).Pending(p); bare.Attrs != "" || bare.NextAttrs != "" {
		t.Fatalf("pending marker without attributes %+v", bare)
	}
	if back, ok := ParseMarker(p.String()); !ok || back != p {
		t.Fatalf("pending marker %q reads back as %+v", p.String(), back)
	}
}
