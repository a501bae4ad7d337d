package teamtailor

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"strings"

	"github.com/jobsync/jobsync/ats"
	"github.com/jobsync/jobsync/ats/atshttp"
	"github.com/jobsync/jobsync/posting"
)

// Create makes p a new, open job (POST /v1/jobs) whose tags carry its
// marker, with its recruiter (the board's user), department and locations.
// The create is sent once: after a failure whose outcome is unknown the
// engine calls Find.
func (b *Board) Create(ctx context.Context, p posting.Posting) (ats.Remote, error) {
	if strings.TrimSpace(b.o.UserID) == "" {
		return ats.Remote{}, fmt.Errorf("create %s: a new job needs a recruiter: set %s to a Teamtailor user's id", p.Key, ats.EnvVar(b.name, "USER_ID"))
	}
	rels, names, err := b.relationships(ctx, p)
	if err != nil {
		return ats.Remote{}, fmt.Errorf("create %s: %w", p.Key, err)
	}
	tags, err := markerTags(marker(p, ats.Marker{Nonce: ats.NewNonce()}, "", names))
	if err != nil {
		return ats.Remote{}, fmt.Errorf("create %s: %w", p.Key, err)
	}
	rels["user"] = apiLinkageOut{Data: apiRef{Type: "users", ID: b.o.UserID}}
	in := apiWrite{Data: apiWriteData{
		Type:          "jobs",
		Attributes:    apiWriteAttributes{Title: p.Title, Body: p.HTML, Status: statusOpen, Tags: tags},
		Relationships: rels,
	}}
	var doc apiJobDocument
	if err := b.c.call(ctx, atshttp.Request{Kind: atshttp.Create, Method: http.MethodPost, Path: "/jobs", Body: in}, &doc); err != nil {
		return ats.Remote{}, fmt.Errorf("create %s: %w", p.Key, err)
	}
	return b.written(doc.Data, names), nil
}

// Update brings the owned job id to p with one PATCH: title, body, status
// open (which reopens an archived or unlisted job), department, locations
// and the tags with the new marker, the job's other tags sent back as List
// read them (a PATCH replaces the tag list whole). A job List did not read
// as jobsync's is read first, to refuse one that is not.
func (b *Board) Update(ctx context.Context, id string, p posting.Posting) (ats.Remote, error) {
	defer b.listed.Forget(id)
	cur, tags, err := b.owned(ctx, id)
	if err != nil {
		return ats.Remote{}, fmt.Errorf("update %s: %w", id, err)
	}
	old := readMarker(tags)
	if k := old.Key; k != p.Key {
		return ats.Remote{}, fmt.Errorf("update %s: the job carries the marker of %s, not %s", id, k, p.Key)
	}
	rels, names, err := b.relationships(ctx, p)
	if err != nil {
		return ats.Remote{}, fmt.Errorf("update %s: %w", id, err)
	}
	if tags, err = withMarker(tags, marker(p, old, id, names)); err != nil {
		return ats.Remote{}, fmt.Errorf("update %s: %w", id, err)
	}
	in := apiWrite{Data: apiWriteData{
		Type: "jobs", ID: cur.ID,
		Attributes:    apiWriteAttributes{Title: p.Title, Body: p.HTML, Status: statusOpen, Tags: tags},
		Relationships: rels,
	}}
	var doc apiJobDocument
	if err := b.c.call(ctx, atshttp.Request{Kind: atshttp.Idempotent, Method: http.MethodPatch, Path: jobPath(id), Body: in}, &doc); err != nil {
		return ats.Remote{}, fmt.Errorf("update %s: %w", id, err)
	}
	return b.written(doc.Data, names), nil
}

// Close sets the owned job id's status to the board's close_as, archived
// or unlisted (PATCH /v1/jobs/{id}); an update sets it open again. A job
// that is archived, a draft, or already in that status is not written.
func (b *Board) Close(ctx context.Context, id string) error {
	defer b.listed.Forget(id)
	cur, tags, err := b.owned(ctx, id)
	if err != nil {
		return fmt.Errorf("close %s: %w", id, err)
	}
	if s := cur.Attributes.Status; s == b.o.CloseAs || s == statusArchived || s == statusDraft {
		return nil
	}
	// The marker says jobsync closed it: a job found closed under an open
	// marker was closed by a person.
	m := readMarker(tags).Bound(cur.ID)
	m.State = ats.StateClosed
	if tags, err = withMarker(tags, m); err != nil {
		return fmt.Errorf("close %s: %w", id, err)
	}
	in := apiWrite{Data: apiWriteData{Type: "jobs", ID: cur.ID, Attributes: apiWriteAttributes{Status: b.o.CloseAs, Tags: tags}}}
	if err := b.c.call(ctx, atshttp.Request{Kind: atshttp.Idempotent, Method: http.MethodPatch, Path: jobPath(id), Body: in}, nil); err != nil {
		return fmt.Errorf("close %s: %w", id, err)
	}
	return nil
}

// owned returns job id and its tags if it is jobsync's (a tag holds a
// marker): as List read it moments before, or else read now.
func (b *Board) owned(ctx context.Context, id string) (apiJob, []string, error) {
	if j, ok := b.listed.Get(id); ok {
		return j, *j.Attributes.Tags, nil
	}
	doc, err := b.c.job(ctx, id)
	if err != nil {
		return apiJob{}, nil, err
	}
	b.refs.learn(doc.Included)
	if doc.Data.Attributes.Tags == nil {
		return apiJob{}, nil, fmt.Errorf("job %s shows no tags, where jobsync's marker lives: the API shows them to an Admin key only; set %s to one", doc.Data.ID, b.c.keyVar)
	}
	tags := *doc.Data.Attributes.Tags
	if !ats.Owns(readMarker(tags)) {
		return apiJob{}, nil, fmt.Errorf("job %s carries no jobsync marker: %w", doc.Data.ID, ats.ErrNotOwned)
	}
	return doc.Data, tags, nil
}

// marker is p's marker, continuing old (a create's nonce, or the job's
// marker), bound to the job id once there is one. It says the job is open,
// and, for a posting that sets both, fingerprints the department and
// locations the write sets, so that a person's change to either, or a
// person's close, is drift. (A posting without one leaves the job's as a
// person set it: then there is nothing to compare.)
func marker(p posting.Posting, old ats.Marker, id string, names relNames) ats.Marker {
	m := ats.NewMarker(p, ats.Fingerprint(p.Title, p.HTML)).Continuing(old)
	if id != "" {
		m = m.Bound(id)
	}
	m.State = ats.StateOpen
	if p.Department != "" && len(p.Locations) > 0 {
		m.Attrs = ats.AttrFingerprint(names.locations, names.department)
	}
	return m
}

// relationships are p's department and locations as the account names
// them (the relationship linkage, and the names for the Remote). A posting
// without a department or locations leaves the job's as they are.
func (b *Board) relationships(ctx context.Context, p posting.Posting) (map[string]apiLinkageOut, relNames, error) {
	rels := map[string]apiLinkageOut{}
	var names relNames
	if p.Department != "" {
		id, name, err := b.refs.id(ctx, b.c, departments, p.Department)
		if err != nil {
			return nil, names, err
		}
		rels["department"] = apiLinkageOut{Data: apiRef{Type: departments, ID: id}}
		names.department = name
	}
	if len(p.Locations) > 0 {
		refs := []apiRef{}
		for _, l := range p.Locations {
			id, name, err := b.refs.id(ctx, b.c, locations, l)
			if err != nil {
				return nil, names, err
			}
			if !slices.ContainsFunc(refs, func(r apiRef) bool { return r.ID == id }) {
				refs = append(refs, apiRef{Type: locations, ID: id})
				names.locations = append(names.locations, name)
			}
		}
		rels["locations"] = apiLinkageOut{Data: refs}
	}
	return rels, names, nil
}

// relNames are the names of the department and locations a write set.
type relNames struct {
	department string
	locations  []string
}

// written is the Remote of a job a write answered: the answer does not
// include the department and locations, so their names are the ones the
// write set.
func (b *Board) written(j apiJob, names relNames) ats.Remote {
	r := b.remote(j)
	if names.department != "" {
		r.Department = names.department
	}
	if len(names.locations) > 0 {
		r.Locations = names.locations
	}
	setOwner(&r, j) // again, with them
	return r
}

// id is the id of the typ resource called name (any case), and its name
// as the account spells it. A name not seen yet has the whole list read,
// once per run and type.
func (r *refs) id(ctx context.Context, c *client, typ, name string) (string, string, error) {
	if id, n, ok := r.lookup(typ, name); ok {
		return id, n, nil
	}
	select {
	case r.load <- struct{}{}:
		defer func() { <-r.load }()
	case <-ctx.Done():
		return "", "", ctx.Err()
	}
	r.mu.Lock()
	loaded := r.loaded[typ]
	r.mu.Unlock()
	if !loaded {
		all, err := c.resources(ctx, "/"+typ)
		if err != nil {
			return "", "", fmt.Errorf("read the %s: %w", typ, err)
		}
		for i := range all {
			all[i].Type = typ
		}
		r.learn(all)
		r.mu.Lock()
		r.loaded[typ] = true
		r.mu.Unlock()
	}
	if id, n, ok := r.lookup(typ, name); ok {
		return id, n, nil
	}
	what := strings.TrimSuffix(typ, "s")
	return "", "", fmt.Errorf("no %s %q in Teamtailor: add it there, or change the opening's %s", what, name, what)
}

// lookup is the id and name of typ's resource called name, if known.
func (r *refs) lookup(typ, name string) (string, string, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	id, ok := r.byName[typ][strings.ToLower(strings.TrimSpace(name))]
	return id, r.byID[typ][id], ok
}
