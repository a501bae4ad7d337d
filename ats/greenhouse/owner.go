package greenhouse

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/jobsync/jobsync/ats"
	"github.com/jobsync/jobsync/posting"
)

// Ownership lives on the job: a private job custom field holds the marker.
const (
	markerNameKey   = "jobsync_marker" // the field's name_key
	markerFieldName = "jobsync marker" // its name; Greenhouse makes the name_key from it
	markerFieldDesc = "Written by jobsync: the posting key and content hash it last published. Do not edit."

	// pendingHash is the marker's hash while jobsync is writing a job: it
	// matches no posting's hash, so the next plan updates the job to
	// completion, and it says that a fingerprint mismatch is jobsync's own
	// write in progress, not a person's edit.
	pendingHash = "pending"
)

// jobName is the internal name of a job jobsync creates: the title and a
// tag with the posting key. The tag lets a create whose answer was lost be
// recognised before any marker could be written on the job.
func jobName(p posting.Posting) string {
	return fmt.Sprintf("%s [jobsync:%s]", p.Title, p.Key)
}

var jobNameTag = regexp.MustCompile(`\[jobsync:([^\]\s]+)\]$`)

// owner is what a job says of its ownership.
type owner struct {
	owned  bool
	marker ats.Marker // Key and Hash; Hash is pendingHash for an orphan
	orphan bool       // made by a create of ours that did not get as far as the marker
}

// ownerOf reads a job's ownership: a valid marker in the marker field (or,
// should the field carry another name_key, in any custom field value); else
// an orphan of one of our creates: copied from our template, with our tag in
// its name, and no marker at all.
func ownerOf(j job, templateID int64) owner {
	if m, ok := jobMarker(j); ok {
		return owner{owned: true, marker: m}
	}
	if j.CopiedFromID != nil && *j.CopiedFromID == templateID {
		if sm := jobNameTag.FindStringSubmatch(j.Name); sm != nil {
			return owner{owned: true, orphan: true, marker: ats.Marker{Key: sm[1], Hash: pendingHash}}
		}
	}
	return owner{}
}

// owners reads the ownership of every job of a list. A job copied from one
// of ours is not ours, though it carries our marker: a person's "copy job"
// takes the custom field values along, and the marker belongs to the job it
// came from (left alone, the plan would close the copy as a duplicate).
func owners(jobs []job, templateID int64) map[int64]owner {
	out := make(map[int64]owner, len(jobs))
	for _, j := range jobs {
		out[j.ID] = ownerOf(j, templateID)
	}
	for _, j := range jobs {
		o := out[j.ID]
		if !o.owned || j.CopiedFromID == nil {
			continue
		}
		if src, ok := out[*j.CopiedFromID]; ok && src.owned && src.marker.Key == o.marker.Key {
			out[j.ID] = owner{}
		}
	}
	return out
}

// jobMarker finds the marker among a job's custom field values.
func jobMarker(j job) (ats.Marker, bool) {
	if raw, ok := j.CustomFields[markerNameKey]; ok {
		if m, ok := ats.ParseMarker(fieldText(raw)); ok {
			return m, true
		}
	}
	keys := make([]string, 0, len(j.CustomFields))
	for k := range j.CustomFields {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		if m, ok := ats.ParseMarker(fieldText(j.CustomFields[k])); ok {
			return m, true
		}
	}
	return ats.Marker{}, false
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
// set to m. Values that are null are left out, which leaves them unset.
func withMarker(j job, key string, m ats.Marker) ([]customFieldWrite, error) {
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
	mv, err := json.Marshal(m.String())
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
