package lever

import (
	"slices"
	"testing"

	"github.com/jobsync/jobsync/ats"
)

func TestReadTags(t *testing.T) {
	t.Parallel()
	m := ats.Marker{Key: "pm/senior-pm/plan", Hash: "h1", Fingerprint: "f1"}
	other := ats.Marker{Key: "pm/pm/plan", Hash: "h2", Fingerprint: "f2"}
	tests := []struct {
		name   string
		tags   []string
		owned  bool
		intact bool
		key    string
	}{
		{"no tags", nil, false, false, ""},
		{"a person's tags only", []string{"Product", "jobsync", "jobsync-later"}, false, false, ""},
		{"key and marker", []string{"Product", keyTag(m.Key), m.String()}, true, true, m.Key},
		{"marker first", []string{m.String(), keyTag(m.Key)}, true, true, m.Key},
		{"key tag removed by a person", []string{"Product", m.String()}, false, false, ""},
		{"marker tag removed", []string{keyTag(m.Key)}, true, false, m.Key},
		{"marker of another key", []string{keyTag(m.Key), other.String()}, true, false, m.Key},
		{"broken marker", []string{keyTag(m.Key), "jobsync/v1 key=" + m.Key}, true, false, m.Key},
		{"empty key tag", []string{"jobsync:", m.String()}, false, false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := readTags(tt.tags)
			// Intact: the marker tag was read, hash and fingerprint with it;
			// else the key alone, which SetOwner reports drifted.
			intact := got.Hash != "" || got.Fingerprint != ""
			if ats.Owns(got) != tt.owned || intact != tt.intact || got.Key != tt.key {
				t.Errorf("readTags(%q) = %+v, want owned=%t intact=%t key=%q", tt.tags, got, tt.owned, tt.intact, tt.key)
			}
			if tt.intact && got != m {
				t.Errorf("marker = %+v, want %+v", got, m)
			}
		})
	}
}

func TestOtherTags(t *testing.T) {
	t.Parallel()
	m := ats.Marker{Key: "k/l/s", Hash: "h", Fingerprint: "f"}
	got := otherTags(append([]string{"Product", "jobsync"}, append(ownTags(m), "Remote")...))
	if want := []string{"Product", "jobsync", "Remote"}; !slices.Equal(got, want) {
		t.Errorf("otherTags = %q, want %q", got, want)
	}
}
