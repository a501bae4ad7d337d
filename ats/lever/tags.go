package lever

import (
	"slices"
	"strings"

	"github.com/jobsync/jobsync/ats"
)

// Lever postings have no custom fields, so jobsync's marker lives in two
// tags:
//
//	jobsync:<key>                              the key tag: ownership, and
//	                                           what Find filters on (tag=)
//	jobsync/v1 key=<key> hash=<h> fp=<f>       ats.Marker.String(): the hash
//	                                           jobsync last wrote and the
//	                                           fingerprint of its text
//
// A posting is owned only while it carries the key tag. Tags a person added
// are kept on every update.

// keyTagPrefix starts the key tag.
const keyTagPrefix = "jobsync:"

// markerTagPrefix starts the marker tag (ats.Marker.String's version field).
const markerTagPrefix = "jobsync/"

// keyTag is the tag that marks key's posting as jobsync's.
func keyTag(key string) string { return keyTagPrefix + key }

// ownTags are the tags jobsync writes for m.
func ownTags(m ats.Marker) []string { return []string{keyTag(m.Key), m.String()} }

// isOwnTag reports whether a tag is one jobsync writes (and so replaces).
func isOwnTag(t string) bool {
	return strings.HasPrefix(t, keyTagPrefix) || strings.HasPrefix(t, markerTagPrefix)
}

// otherTags returns the tags that are not jobsync's, in order.
func otherTags(tags []string) []string {
	out := []string{}
	for _, t := range tags {
		if !isOwnTag(t) {
			out = append(out, t)
		}
	}
	return out
}

// readTags reads jobsync's marker from a posting's tags. The key tag
// decides ownership; the marker tag naming the same key supplies the hash
// and fingerprint. A key tag without its marker tag gives a marker with the
// key alone: owned, and drifted (ats.Remote.SetOwner), since nothing proves
// the text is jobsync's. No key tag gives the zero Marker.
func readTags(tags []string) ats.Marker {
	var keys []string
	var markers []ats.Marker
	for _, t := range tags {
		switch {
		case strings.HasPrefix(t, keyTagPrefix):
			if k := strings.TrimSpace(strings.TrimPrefix(t, keyTagPrefix)); k != "" {
				keys = append(keys, k)
			}
		case strings.HasPrefix(t, markerTagPrefix):
			if m, ok := ats.ParseMarker(t); ok {
				markers = append(markers, m)
			}
		}
	}
	for _, m := range markers {
		if slices.Contains(keys, m.Key) {
			return m
		}
	}
	if len(keys) > 0 {
		return ats.Marker{Key: keys[0]}
	}
	return ats.Marker{}
}
