package ashby

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/jobsync/jobsync/ats"
	"github.com/jobsync/jobsync/posting"
)

// jobsync's marker (ats.Marker.String()) lives in a job posting custom
// field the company creates for it once: private, long text, titled
// "jobsync marker" (or Options.MarkerField, by title or id). Editing a
// posting in Ashby's app leaves its custom fields alone, and Ashby
// documents that a write of one field leaves every other field and
// property unchanged. A private field is shown to no candidate, and its
// value is read in the same jobPosting.list call that lists the postings
// (expand customFields), so ownership costs no extra request. A posting is
// jobsync's only while that field holds a marker; the same text in another
// field is not one.

// isMarkerField reports whether a custom field value is the marker field's.
func (b *Board) isMarkerField(f apiFieldValue) bool {
	b.mu.Lock()
	ids := b.ids
	b.mu.Unlock()
	if ids != nil && ids.marker != "" {
		return f.ID == ids.marker
	}
	return f.ID == b.o.MarkerField || f.Title == b.o.MarkerField
}

// readMarker reads the marker from a posting's custom fields; the zero
// Marker when it has none.
func (b *Board) readMarker(fields []apiFieldValue) ats.Marker {
	for _, f := range fields {
		if !b.isMarkerField(f) {
			continue
		}
		s, _ := f.Value.(string)
		m, _ := ats.ParseMarker(s)
		return m
	}
	return ats.Marker{}
}

// pendingMarker is the marker of a posting jobsync adopted or is in the
// middle of writing: owned, and updated to completion by the next plan.
func pendingMarker(key string) ats.Marker {
	return ats.NewMarker(posting.Posting{Key: key, Hash: ats.PendingHash}, "")
}

// orgIDs are the organisation's ids a write needs, read once a run.
type orgIDs struct {
	locations   map[string]string // name and id → id
	departments map[string]string // name and id → id
	marker      string            // the marker field's id
}

// organisation reads the locations, departments and custom fields once.
func (b *Board) organisation(ctx context.Context) (*orgIDs, error) {
	b.org.Lock()
	defer b.org.Unlock()
	b.mu.Lock()
	ids := b.ids
	b.mu.Unlock()
	if ids != nil {
		return ids, nil
	}
	locs, err := listAll[apiLocation](ctx, b.c, "location.list")
	if err != nil {
		return nil, fmt.Errorf("read the locations: %w", err)
	}
	depts, err := listAll[apiDepartment](ctx, b.c, "department.list")
	if err != nil {
		return nil, fmt.Errorf("read the departments: %w", err)
	}
	fields, err := listAll[apiFieldDef](ctx, b.c, "customField.list")
	if err != nil {
		return nil, fmt.Errorf("read the custom fields: %w", err)
	}
	ids = &orgIDs{locations: map[string]string{}, departments: map[string]string{}}
	for _, l := range locs {
		if !l.IsArchived {
			ids.locations[l.Name], ids.locations[l.ID] = l.ID, l.ID
		}
	}
	for _, d := range depts {
		if !d.IsArchived {
			ids.departments[d.Name], ids.departments[d.ID] = d.ID, d.ID
		}
	}
	for _, f := range fields {
		if !f.IsArchived && f.ObjectType == "JobPosting" && (f.ID == b.o.MarkerField || f.Title == b.o.MarkerField) {
			ids.marker = f.ID
		}
	}
	if ids.marker == "" {
		return nil, fmt.Errorf("no job posting custom field %q for jobsync's marker: create a private long-text job posting field with that title in Ashby, or set marker_field to its id", b.o.MarkerField)
	}
	b.mu.Lock()
	b.ids = ids
	b.mu.Unlock()
	return ids, nil
}

// markerFieldID is the marker field's id.
func (b *Board) markerFieldID(ctx context.Context) (string, error) {
	ids, err := b.organisation(ctx)
	if err != nil {
		return "", err
	}
	return ids.marker, nil
}

// team is the id of p's department (or the board's default).
func (ids *orgIDs) team(p posting.Posting, def string) (string, error) {
	name := strings.TrimSpace(p.Department)
	if name == "" {
		name = def
	}
	if name == "" {
		return "", fmt.Errorf("the posting names no department and the board has no default: set department in the board's config")
	}
	if id, ok := lookup(ids.departments, name); ok {
		return id, nil
	}
	return "", fmt.Errorf("no department or team %q in Ashby: create it, or name one that exists", name)
}

// placeIDs are the ids of p's locations (or the board's default), the
// first the primary.
func (ids *orgIDs) placeIDs(p posting.Posting, def string) ([]string, error) {
	names := p.Locations
	if len(names) == 0 && def != "" {
		names = []string{def}
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("the posting names no location and the board has no default: set location in the board's config")
	}
	var out []string
	for _, n := range names {
		id, ok := lookup(ids.locations, strings.TrimSpace(n))
		if !ok {
			return nil, fmt.Errorf("no location %q in Ashby: create it, or name one that exists", n)
		}
		if !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	return out, nil
}

// lookup finds name in m exactly, else ignoring case.
func lookup(m map[string]string, name string) (string, bool) {
	if id, ok := m[name]; ok {
		return id, true
	}
	for k, id := range m {
		if strings.EqualFold(k, name) {
			return id, true
		}
	}
	return "", false
}
