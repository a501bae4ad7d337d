package ashby

import (
	"cmp"
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
	id := b.markerID
	b.mu.Unlock()
	if id != "" {
		return f.ID == id
	}
	return f.ID == b.o.MarkerField || f.Title == b.o.MarkerField
}

// readMarker reads the marker from a posting's custom fields; the zero
// Marker when it has none. Seeing the field, it learns the field's id.
func (b *Board) readMarker(fields []apiFieldValue) ats.Marker {
	for _, f := range fields {
		if !b.isMarkerField(f) {
			continue
		}
		b.mu.Lock()
		if b.markerID == "" {
			b.markerID = f.ID
		}
		b.mu.Unlock()
		s, _ := f.Value.(string)
		m, _ := ats.ParseMarker(s)
		return m
	}
	return ats.Marker{}
}

// adoptedMarker is the marker of a draft that a create whose answer was
// lost made on the job this run made for p: a create in progress, owned,
// bound to the draft, and completed by the engine's update.
func adoptedMarker(p posting.Posting, id string) ats.Marker {
	return ats.NewMarker(p, "").Bound(id).Pending(ats.Marker{})
}

// markerFieldID is the marker field's id: learned from the postings
// listed, or else read once from customField.list, which also tells a
// company that has not made the field yet what to do.
func (b *Board) markerFieldID(ctx context.Context) (string, error) {
	release, err := b.holdOrg(ctx)
	if err != nil {
		return "", err
	}
	defer release()
	b.mu.Lock()
	id := b.markerID
	b.mu.Unlock()
	if id != "" {
		return id, nil
	}
	fields, err := listAll[apiFieldDef](ctx, b.c, "customField.list")
	if err != nil {
		return "", fmt.Errorf("find the marker field: %w", err)
	}
	for _, f := range fields {
		if !f.IsArchived && f.ObjectType == "JobPosting" && (f.ID == b.o.MarkerField || f.Title == b.o.MarkerField) {
			b.mu.Lock()
			b.markerID = f.ID
			b.mu.Unlock()
			return f.ID, nil
		}
	}
	return "", fmt.Errorf("no job posting custom field %q for jobsync's marker: create a private long-text job posting field with that title in Ashby, or set marker_field to its id", b.o.MarkerField)
}

// names maps the names and ids of an organisation's locations or
// departments to their ids.
type names map[string]string

// locationIDs reads the locations once a run.
func (b *Board) locationIDs(ctx context.Context) (names, error) {
	return b.readOnce(ctx, &b.placeCache, func() (names, error) {
		ls, err := listAll[apiLocation](ctx, b.c, "location.list")
		m := names{}
		for _, l := range ls {
			if !l.IsArchived {
				m[l.Name], m[l.ID] = l.ID, l.ID
			}
		}
		return m, err
	})
}

// departmentIDs reads the departments and teams once a run.
func (b *Board) departmentIDs(ctx context.Context) (names, error) {
	return b.readOnce(ctx, &b.teamCache, func() (names, error) {
		ds, err := listAll[apiDepartment](ctx, b.c, "department.list")
		m := names{}
		for _, d := range ds {
			if !d.IsArchived {
				m[d.Name], m[d.ID] = d.ID, d.ID
			}
		}
		return m, err
	})
}

// holdOrg waits for the right to read the organisation's lists, so that
// concurrent writers read each once; on a channel, which a context can end.
func (b *Board) holdOrg(ctx context.Context) (release func(), err error) {
	select {
	case b.org <- struct{}{}:
		return func() { <-b.org }, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// readOnce returns *cache, filling it with read the first time.
func (b *Board) readOnce(ctx context.Context, cache *names, read func() (names, error)) (names, error) {
	release, err := b.holdOrg(ctx)
	if err != nil {
		return nil, err
	}
	defer release()
	if *cache != nil {
		return *cache, nil
	}
	m, err := read()
	if err != nil {
		return nil, err
	}
	*cache = m
	return m, nil
}

// teamName is the department p names, or the board's default.
func (b *Board) teamName(p posting.Posting) (string, error) {
	if name := strings.TrimSpace(cmp.Or(p.Department, b.o.Department)); name != "" {
		return name, nil
	}
	return "", fmt.Errorf("the posting names no department and the board has no default: set department in the board's config")
}

// placeNames are the locations p names, or the board's default.
func (b *Board) placeNames(p posting.Posting) ([]string, error) {
	var out []string
	for _, n := range p.Locations {
		if n = strings.TrimSpace(n); n != "" && !slices.Contains(out, n) {
			out = append(out, n)
		}
	}
	if len(out) == 0 && b.o.Location != "" {
		out = []string{b.o.Location}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("the posting names no location and the board has no default: set location in the board's config")
	}
	return out, nil
}

// team is the id of department name.
func (b *Board) team(ctx context.Context, name string) (string, error) {
	ids, err := b.departmentIDs(ctx)
	if err != nil {
		return "", fmt.Errorf("read the departments: %w", err)
	}
	if id, ok := lookup(ids, name); ok {
		return id, nil
	}
	return "", fmt.Errorf("no department or team %q in Ashby: create it, or name one that exists", name)
}

// places are the ids of the locations named, the first the primary.
func (b *Board) places(ctx context.Context, want []string) ([]string, error) {
	ids, err := b.locationIDs(ctx)
	if err != nil {
		return nil, fmt.Errorf("read the locations: %w", err)
	}
	var out []string
	for _, n := range want {
		id, ok := lookup(ids, n)
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
