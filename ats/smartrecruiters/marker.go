package smartrecruiters

import (
	"context"
	"fmt"
	"net/http"
	"net/url"

	"github.com/jobsync/jobsync/ats"
	"github.com/jobsync/jobsync/ats/atshttp"
)

// jobsync's marker (ats.Marker.String(): "jobsync/v1 key=… hash=… fp=…")
// lives in one job property: a free-text custom job field the company
// configures for jobsync (Options.MarkerField, by id or label). Not in
// refNumber: the reference number is public (the Posting API and job
// feeds show it), recruiters edit it as their requisition number, and
// HRIS integrations fill it. A property is written in the same create
// that makes the job, so a job whose answer was lost still carries it;
// a recruiter editing the job's text or settings leaves it alone. A job is
// jobsync's only while the field holds a marker; a person's own text in
// the field is not one.

// isMarkerField reports whether a job's property is the marker field.
func (b *Board) isMarkerField(p apiProperty) bool {
	b.mu.Lock()
	id := b.markerID
	b.mu.Unlock()
	if id != "" {
		return p.ID == id
	}
	return p.ID == b.o.MarkerField || p.Label == b.o.MarkerField
}

// readMarker reads the marker from a job's properties; the zero Marker when
// the job has none. Seeing the field, it learns the field's id.
func (b *Board) readMarker(props []apiProperty) ats.Marker {
	for _, p := range props {
		if !b.isMarkerField(p) {
			continue
		}
		b.learnMarkerID(p.ID)
		m, _ := ats.ParseMarker(p.Value.Label)
		return m
	}
	return ats.Marker{}
}

func (b *Board) learnMarkerID(id string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.markerID == "" && id != "" {
		b.markerID = id
	}
}

// markerFieldID returns the marker field's id, reading the company's job
// properties once if no job showed it yet: a create with an id the
// company has not configured would be ignored by the API (it "ignores all
// nonexistent job properties"), and the job made without a marker.
func (b *Board) markerFieldID(ctx context.Context) (string, error) {
	// Concurrent creates wait for one look-up (on a channel, which a
	// context can end).
	select {
	case b.lookup <- struct{}{}:
		defer func() { <-b.lookup }()
	case <-ctx.Done():
		return "", ctx.Err()
	}
	b.mu.Lock()
	id := b.markerID
	b.mu.Unlock()
	if id != "" {
		return id, nil
	}
	var defs apiPropertyDefinitions
	if err := b.c.do(ctx, atshttp.Read, http.MethodGet, "/configuration/job-properties", nil, &defs); err != nil {
		return "", fmt.Errorf("find the marker field: %w", err)
	}
	for _, d := range defs.Content {
		if d.ID != b.o.MarkerField && d.Label != b.o.MarkerField {
			continue
		}
		if !d.Active {
			return "", fmt.Errorf("the marker field %q (%s) is not active: activate it in SmartRecruiters' job fields", b.o.MarkerField, d.ID)
		}
		b.learnMarkerID(d.ID)
		return d.ID, nil
	}
	return "", fmt.Errorf("no job field %q for jobsync's marker: create a free-text job field with that label in SmartRecruiters, or set marker_field to its id", b.o.MarkerField)
}

// markerValue is the property value that writes m into the marker field.
func markerValue(fieldID string, m ats.Marker) apiPropertyIn {
	return apiPropertyIn{ID: fieldID, Value: apiPropertyValue{Label: m.String()}}
}

// owned reads job id and checks it is jobsync's: its marker field holds a
// marker.
func (b *Board) owned(ctx context.Context, id string) (apiJob, ats.Marker, error) {
	j, ok := b.listed.Get(id)
	if !ok {
		var err error
		if j, err = b.c.job(ctx, id); err != nil {
			return apiJob{}, ats.Marker{}, err
		}
	}
	m := b.readMarker(j.Properties)
	if !ats.Owns(m) {
		return apiJob{}, ats.Marker{}, fmt.Errorf("job %s carries no jobsync marker: %w", url.PathEscape(id), ats.ErrNotOwned)
	}
	return j, m, nil
}
