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
// While jobsync writes a job, the marker's hash is ats.PendingHash.
const (
	markerNameKey   = "jobsync_marker" // the field's name_key
	markerFieldName = "jobsync marker" // its name; Greenhouse makes the name_key from it
	markerFieldDesc = "Written by jobsync: the posting key and content hash it last published. Do not edit."
)

// jobName is the internal name of a job jobsync creates: the title and a
// tag with the posting key, the create's nonce and, for a config with an
// owner, the owner ("<title> [jobsync:<key> n=<nonce> owner=<owner>]"). The
// tag lets a create whose answer was lost be recognised before any marker
// could be written on the job, and tells it, as a marker would, from
// another create of the key and from another config's.
func jobName(p posting.Posting, nonce string) string {
	tag := p.Key + " n=" + nonce
	if p.Owner != "" {
		tag += " owner=" + p.Owner
	}
	return fmt.Sprintf("%s [jobsync:%s]", p.Title, tag)
}

var jobNameTag = regexp.MustCompile(`\[jobsync:([^\]\s]+)((?: [a-z]+=[^\]\s]*)*)\]$`)

// orphanMarker is the marker of a job an interrupted create of ours made
// (copied from our template, with our tag in its name, and no marker at
// all): its key, owner and nonce with ats.PendingHash, a create in
// progress. A tag without a nonce (a person's, or one of before nonces)
// gives the key alone, which proves no claim (ats.Remote.Unproved).
func orphanMarker(j job, templateID int64) ats.Marker {
	if j.CopiedFromID == nil || *j.CopiedFromID != templateID {
		return ats.Marker{}
	}
	sm := jobNameTag.FindStringSubmatch(j.Name)
	if sm == nil {
		return ats.Marker{}
	}
	m := ats.Marker{Key: sm[1]}
	for _, f := range strings.Fields(sm[2]) {
		name, value, _ := strings.Cut(f, "=")
		switch name {
		case "n":
			m.Nonce = value
		case "owner":
			m.Owner = value
		}
	}
	if m.Nonce != "" {
		m.Hash = ats.PendingHash
	}
	return m
}

// ownerOf reads the marker of a job: a valid marker in the marker field
// (see jobMarker); else, for an orphan of one of our creates, its tag (see
// orphanMarker). A job that is not ours gives the zero Marker.
func ownerOf(j job, templateID int64) ats.Marker {
	if m, ok := jobMarker(j); ok {
		return m
	}
	return orphanMarker(j, templateID)
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
	_, text, ok := markerText(j)
	if !ok {
		return ats.Marker{}, false
	}
	return ats.ParseMarker(text)
}

// markerText is the name_key and text of the job's marker field that holds
// a valid marker (see jobMarker).
func markerText(j job) (key, text string, ok bool) {
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
			return k, text, true
		}
	}
	return "", "", false
}

// locationLabels is how jobsync shows a post's location rows (see
// locationSet): a free-text row by its text, an office or custom-list row
// by its kind and id.
func locationLabels(rows []jobPostLocation) []string {
	out := make([]string, 0, len(rows))
	for _, l := range rows {
		switch {
		case l.Type == locationFreeText && l.PlainTextLocation != nil:
			out = append(out, *l.PlainTextLocation)
		case l.Type == locationOffice && l.OfficeID != nil:
			out = append(out, fmt.Sprintf("office %d", *l.OfficeID))
		case l.CustomLocationID != nil:
			out = append(out, fmt.Sprintf("custom location %d", *l.CustomLocationID))
		default:
			out = append(out, fmt.Sprintf("%s location %d", l.Type, l.ID))
		}
	}
	return locationSet(out)
}

// locationSet is labels as a set, case and spacing aside, as List reports
// and the marker fingerprints them (fa=): a repeated row (two runs at once
// adding one location each) is not a person's edit, and the next write of
// the locations drops it.
func locationSet(labels []string) []string {
	var out, seen []string
	for _, l := range labels {
		if k := strings.ToLower(strings.Join(strings.Fields(l), " ")); !slices.Contains(seen, k) {
			seen, out = append(seen, k), append(out, l)
		}
	}
	return out
}

// wantedLocations is the free-text rows a post of p has: p's locations
// trimmed, without empty ones or repeats.
func wantedLocations(p posting.Posting) []string {
	var out []string
	for _, l := range p.Locations {
		if l = strings.TrimSpace(l); l != "" && !slices.Contains(out, l) {
			out = append(out, l)
		}
	}
	return out
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
