package ats

import "testing"

func TestSetOwner(t *testing.T) {
	t.Parallel()
	const fp = "f1"
	for _, tc := range []struct {
		name  string
		m     Marker
		want  Remote
		calls int
	}{
		{"no marker", Marker{}, Remote{ID: "1"}, 0},
		{"in sync", Marker{Key: "k", Hash: "h", Fingerprint: fp}, Remote{ID: "1", Owned: true, Key: "k", Hash: "h"}, 1},
		{"edited", Marker{Key: "k", Hash: "h", Fingerprint: "f0"}, Remote{ID: "1", Owned: true, Key: "k", Hash: "h", Drifted: true}, 1},
		{"only the key", Marker{Key: "k"}, Remote{ID: "1", Owned: true, Key: "k", Drifted: true}, 1},
		{"pending", Marker{Key: "k", Hash: PendingHash, Fingerprint: "f0"}, Remote{ID: "1", Owned: true, Key: "k", Hash: PendingHash}, 0},
	} {
		r := Remote{ID: "1", Owned: true, Key: "old", Hash: "old", Drifted: true}
		calls := 0
		r.SetOwner(tc.m, func() string { calls++; return fp })
		if r.ID != tc.want.ID || r.Owned != tc.want.Owned || r.Key != tc.want.Key || r.Hash != tc.want.Hash || r.Drifted != tc.want.Drifted {
			t.Errorf("%s: %+v, want %+v", tc.name, r, tc.want)
		}
		if calls != tc.calls {
			t.Errorf("%s: fingerprint computed %d times, want %d", tc.name, calls, tc.calls)
		}
	}
}
