package teamtailor

import (
	"fmt"
	"strings"

	"github.com/jobsync/jobsync/ats"
)

// jobsync's marker (ats.Marker.String(): "jobsync/v1 key=… hash=… fp=…")
// lives in one of the job's tags. Not in a custom field value: a value is
// a resource of its own (POST /v1/custom-field-values, owner the job),
// written only after the job exists, so a create whose answer was lost
// would leave a job without a marker, which the next run would create
// again. A tag is written in the create itself. Tags are the company's
// internal labels, edited in the job's settings; a person editing the ad's
// title or text leaves them alone. The API shows and takes tags from an
// Admin key only, so the board needs one. A PATCH replaces the tag list
// whole, so a write sends the job's other tags back unchanged.

// maxTagLength is the longest tag the simulator keeps, and what jobsync
// assumes Teamtailor keeps: acts-as-taggable-on, the Rails tagging
// library, stores a tag in a string column, 255 characters on MySQL.
const maxTagLength = 255

// A marker longer than a tag (a long key, with owner, binding and nonce)
// is split over several tags, each starting with the marker's version and
// key ("jobsync/v1 key=K hash=… fp=…", "jobsync/v1 key=K id=… n=…"), at
// field boundaries: read back, the tags of one key are joined in their
// order and parsed as one marker.

// markerTags is m as tags, one unless it is longer than a tag.
func markerTags(m ats.Marker) ([]string, error) {
	s := m.String()
	if len(s) <= maxTagLength {
		return []string{s}, nil
	}
	fields := strings.Fields(s)
	head := fields[0] + " " + fields[1]
	var tags []string
	cur := head
	for _, f := range fields[2:] {
		if len(head)+1+len(f) > maxTagLength {
			return nil, fmt.Errorf("the marker's key and its field %q are %d characters, and a Teamtailor tag holds %d: shorten the posting's key", f[:strings.IndexByte(f, '=')], len(head)+1+len(f), maxTagLength)
		}
		if len(cur)+1+len(f) > maxTagLength {
			tags, cur = append(tags, cur), head
		}
		cur += " " + f
	}
	return append(tags, cur), nil
}

// markerGroup is the tags (by index) of one marker in a job's tags.
type markerGroup struct {
	tags   []int
	marker ats.Marker
}

// markerGroups finds the markers in tags: the tags that start with a
// jobsync version and a key, grouped by those two fields in order of
// appearance, each group joined and parsed. Groups that do not parse (a
// person's look-alike) are left out.
func markerGroups(tags []string) []markerGroup {
	var heads []string
	parts := map[string][]int{}
	for i, t := range tags {
		fs := strings.Fields(t)
		if len(fs) < 2 || !strings.HasPrefix(fs[0], "jobsync/") || !strings.HasPrefix(fs[1], "key=") {
			continue
		}
		head := fs[0] + " " + fs[1]
		if _, seen := parts[head]; !seen {
			heads = append(heads, head)
		}
		parts[head] = append(parts[head], i)
	}
	var out []markerGroup
	for _, head := range heads {
		joined := head
		for _, i := range parts[head] {
			joined += " " + strings.Join(strings.Fields(tags[i])[2:], " ")
		}
		if m, ok := ats.ParseMarker(joined); ok {
			out = append(out, markerGroup{tags: parts[head], marker: m})
		}
	}
	return out
}

// readMarker reads the marker from a job's tags: the first there is. The
// zero Marker when there is none.
func readMarker(tags []string) ats.Marker {
	if gs := markerGroups(tags); len(gs) > 0 {
		return gs[0].marker
	}
	return ats.Marker{}
}

// withMarker is tags with every marker's tags replaced by m's, the others
// kept in their order.
func withMarker(tags []string, m ats.Marker) ([]string, error) {
	mine, err := markerTags(m)
	if err != nil {
		return nil, err
	}
	drop := map[int]bool{}
	for _, g := range markerGroups(tags) {
		for _, i := range g.tags {
			drop[i] = true
		}
	}
	out := make([]string, 0, len(tags)+len(mine))
	for i, t := range tags {
		if !drop[i] {
			out = append(out, t)
		}
	}
	return append(out, mine...), nil
}
