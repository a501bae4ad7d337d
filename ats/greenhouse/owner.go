package greenhouse

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/jobsync/jobsync/ats"
	"github.com/jobsync/jobsync/posting"
)

// Ownership lives on the job: a private job custom field holds the marker.
// While jobsync writes a job, the marker's hash is ats.PendingHash.
const (
	markerNameKey   = "jobsync_marker" // the field's name_key
	markerFieldName = "jobsync marker" // its name; Greenhouse makes the name_key from it
	markerFieldDesc = "Written by jobsync: the posting key and content hash it last published. Do not edit."
)

// jobName is the internal name of a job jobsync creates: the title and a
// tag with the posting key. The tag lets a create whose answer was lost be
// recognised before any marker could be written on the job.
func jobName(p posting.Posting) string {
	return fmt.Sprintf("%s [jobsync:%s]", p.Title, p.Key)
}

var jobNameTag = regexp.MustCompile(`\[jobsync:([^\]\s]+)\]$`)

// ownerOf reads the marker of a job: a valid marker in the marker field
// (see jobMarker); else, for an orphan of one of our creates (copied from our template, with
// our tag in its name, and no marker at all), its key with ats.PendingHash.
// A job that is not ours gives the zero Marker.
func ownerOf(j job, templateID int64) ats.Marker {
	if m, ok := jobMarker(j); ok {
		return m
	}
	if j.CopiedFromID != nil && *j.CopiedFromID == templateID {
		if sm := jobNameTag.FindStringSubmatch(j.Name); sm != nil {
			return ats.Marker{Key: sm[1], Hash: ats.PendingHash}
		}
	}
	return ats.Marker{}
}

// owners reads the markers of every job of a list. A job copied from one of
// ours is not ours, though it carries our marker: a person's "copy job"
// takes the custom field values along, and the marker belongs to the job it
// came from (left alone, the plan would close the copy as a duplicate).
func owners(jobs []job, templateID int64) map[int64]ats.Marker {
	out := make(map[int64]ats.Marker, len(jobs))
	for _, j := range jobs {
		out[j.ID] = ownerOf(j, templateID)
	}
	for _, j := range jobs {
		m := out[j.ID]
		if !ats.Owns(m) || j.CopiedFromID == nil {
			continue
		}
		if src, ok := out[*j.CopiedFromID]; ok && ats.Owns(src) && src.Key == m.Key {
			out[j.ID] = ats.Marker{}
		}
	}
	return out
}

// jobMarker finds the marker in a job's marker field: jobsync_marker, or
// a name_key Greenhouse made from the same name on a collision
// (jobsync_marker_2). A marker pasted into any other field is text, not a
// claim (issue 18, finding 1).
func jobMarker(j job) (ats.Marker, bool) {
	text, ok := markerText(j)
	if !ok {
		return ats.Marker{}, false
	}
	return ats.ParseMarker(text)
}

// markerText is the text of the job's marker field that holds a valid
// marker (see jobMarker).
func markerText(j job) (string, bool) {
	keys := make([]string, 0, 1)
	for k := range j.CustomFields {
		if k == markerNameKey || strings.HasPrefix(k, markerNameKey+"_") {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	for _, k := range keys {
		text := fieldText(j.CustomFields[k])
		if _, ok := ats.ParseMarker(text); ok {
			return text, true
		}
	}
	return "", false
}

// locField names the marker's extra field that records the post's
// locations as last written ("loc=" and a digest, see locationsDigest):
// Harvest lists no locations with posts, so without it every update would
// read the post's location rows to learn whether they changed. A marker
// without it (an older one, the pending marker) makes the next write set
// the locations. ats.ParseMarker ignores the field.
const locField = "loc="

// markerValue is the marker field's text for a finished write: m and the
// digest of the locations written.
func markerValue(m ats.Marker, locations string) string {
	return m.String() + " " + locField + locations
}

// markerLocations is the locations digest the marker of j records, or "".
func markerLocations(j job) string {
	text, _ := markerText(j)
	for _, f := range strings.Fields(text) {
		if v, ok := strings.CutPrefix(f, locField); ok {
			return v
		}
	}
	return ""
}

// locationsDigest identifies a set of free-text locations as setLocations
// writes them: trimmed, empty ones left out, in any order.
func locationsDigest(locations []string) string {
	set := make([]string, 0, len(locations))
	for _, l := range locations {
		if l = strings.TrimSpace(l); l != "" {
			set = append(set, l)
		}
	}
	slices.Sort(set)
	sum := sha256.Sum256([]byte(strings.Join(slices.Compact(set), "\x00")))
	return hex.EncodeToString(sum[:8])
}

// fieldValue returns the value of a custom field as a job carries it:
// {"name", "type", "value"}, or a bare value.
func fieldValue(raw json.RawMessage) json.RawMessage {
	var obj map[string]json.RawMessage
	if json.Unmarshal(raw, &obj) == nil {
		if v, ok := obj["value"]; ok {
			return v
		}
	}
	return raw
}

// fieldText returns a custom field's value when it is a string.
func fieldText(raw json.RawMessage) string {
	var s string
	if json.Unmarshal(fieldValue(raw), &s) != nil {
		return ""
	}
	return s
}

// withMarker is the custom_fields list to write on j: every value j holds,
// as it was read (the write replaces the whole list), with the marker field
// set to the text marker. Values that are null are left out, which leaves
// them unset.
func withMarker(j job, key string, marker string) ([]customFieldWrite, error) {
	out := make([]customFieldWrite, 0, len(j.CustomFields)+1)
	for k, raw := range j.CustomFields {
		if k == key {
			continue
		}
		v := fieldValue(raw)
		if len(v) == 0 || bytes.Equal(bytes.TrimSpace(v), []byte("null")) {
			continue
		}
		out = append(out, customFieldWrite{NameKey: k, Value: v})
	}
	mv, err := json.Marshal(marker)
	if err != nil {
		return nil, err
	}
	out = append(out, customFieldWrite{NameKey: key, Value: mv})
	slices.SortFunc(out, func(a, b customFieldWrite) int { return strings.Compare(a.NameKey, b.NameKey) })
	return out, nil
}

// primaryPost is the post jobsync manages on one of its jobs (a template may
// give a job several): the lowest-id active external post, else the
// lowest-id active post.
func primaryPost(posts []jobPost) (jobPost, bool) {
	var best *jobPost
	for i := range posts {
		p := &posts[i]
		if !p.Active {
			continue
		}
		if best == nil || (best.Internal && !p.Internal) || (best.Internal == p.Internal && p.ID < best.ID) {
			best = p
		}
	}
	if best == nil {
		return jobPost{}, false
	}
	return *best, true
}
