package teamtailor

import (
	"slices"
	"strings"
	"testing"

	"github.com/jobsync/jobsync/ats"
)

// longMarker is a marker with every field set, for a key of n characters.
func longMarker(n int) ats.Marker {
	return ats.Marker{
		Key: strings.Repeat("k", n), Hash: strings.Repeat("a", 64), Fingerprint: strings.Repeat("f", 24),
		Owner: "gitlab-handbook-careers", ID: "1234567", Nonce: "a540f1f5e823", Attrs: strings.Repeat("b", 24), State: "closed",
	}
}

// A marker that fits is one tag; a longer one is split at field
// boundaries into tags that each fit and start with its version and key,
// and reads back whole, among a person's tags and a look-alike.
func TestMarkerTags(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		m    ats.Marker
		tags int
	}{
		{"short", ats.Marker{Key: "pm/senior-pm/plan", Hash: strings.Repeat("a", 64), Fingerprint: strings.Repeat("f", 24)}, 1},
		{"a long key with every field", longMarker(100), 2},
		{"the longest key that fits", longMarker(maxTagLength - len("jobsync/v1 key= hash=") - 64), 3},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tags, err := markerTags(tc.m)
			if err != nil {
				t.Fatal(err)
			}
			if len(tags) != tc.tags {
				t.Errorf("%d tags, want %d: %q", len(tags), tc.tags, tags)
			}
			for _, tag := range tags {
				if len(tag) > maxTagLength || !strings.HasPrefix(tag, "jobsync/v1 key="+tc.m.Key+" ") {
					t.Errorf("tag of %d characters: %q", len(tag), tag)
				}
			}
			all := append([]string{"Sales", "jobsync/v2 key=sre hash=x", "jobsync"}, tags...)
			all = slices.Insert(all, 4, "Remote-first") // between the marker's own tags
			if got := readMarker(all); got != tc.m {
				t.Errorf("read back %+v\nwant %+v", got, tc.m)
			}
			next := tc.m
			next.Hash, next.State = strings.Repeat("c", 64), "open"
			replaced, err := withMarker(all, next)
			if err != nil {
				t.Fatal(err)
			}
			if got := readMarker(replaced); got != next {
				t.Errorf("after withMarker read %+v, want %+v", got, next)
			}
			if len(markerGroups(replaced)) != 1 || !slices.Contains(replaced, "Remote-first") || !slices.Contains(replaced, "jobsync/v2 key=sre hash=x") {
				t.Errorf("withMarker: %q", replaced)
			}
		})
	}
	if _, err := markerTags(longMarker(240)); err == nil || !strings.Contains(err.Error(), "shorten the posting's key") {
		t.Errorf("a key too long for any tag: %v", err)
	}
}

// A person's tags are never markers, and tags that do not join into one
// are not either.
func TestNotMarkers(t *testing.T) {
	t.Parallel()
	for _, tags := range [][]string{
		nil, {"jobsync"}, {"jobsync/v1"}, {"jobsync/v1 key=x"}, {"jobsync/v2 key=sre hash=x"}, {"JavaScript", "Ruby"},
	} {
		if m := readMarker(tags); ats.Owns(m) {
			t.Errorf("%q read as the marker %+v", tags, m)
		}
	}
}

// Any marker jobsync writes reads back from its tags.
func FuzzMarkerTags(f *testing.F) {
	f.Add("product-manager/senior-product-manager/verify-ci", "gitlab", "7201")
	f.Add(strings.Repeat("x", 150), strings.Repeat("o", 30), "99999999")
	f.Fuzz(func(t *testing.T, key, owner, id string) {
		for _, s := range []string{key, owner, id} {
			if strings.ContainsAny(s, " \t\n\r\v\f=\u0085\u00a0") || s == "" {
				return
			}
		}
		m := longMarker(1)
		m.Key, m.Owner, m.ID = key, owner, id
		tags, err := markerTags(m)
		if err != nil {
			return // too long for any tag: refused, never written
		}
		if got := readMarker(tags); got != m {
			t.Errorf("%q read back as %+v, want %+v", tags, got, m)
		}
	})
}
