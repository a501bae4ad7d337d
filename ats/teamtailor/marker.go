package teamtailor

import "github.com/jobsync/jobsync/ats"

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

// maxTagLength is the longest tag Teamtailor keeps: tags are rows of a
// varchar(255) column in acts-as-taggable-on, the Rails tagging library.
const maxTagLength = 255

// readMarker reads the marker from a job's tags: the first that is one.
// The zero Marker when none is.
func readMarker(tags []string) ats.Marker {
	for _, t := range tags {
		if m, ok := ats.ParseMarker(t); ok {
			return m
		}
	}
	return ats.Marker{}
}

// withMarker is tags with every marker replaced by m, the others kept in
// their order.
func withMarker(tags []string, m ats.Marker) []string {
	out := make([]string, 0, len(tags)+1)
	for _, t := range tags {
		if _, ok := ats.ParseMarker(t); !ok {
			out = append(out, t)
		}
	}
	return append(out, m.String())
}
