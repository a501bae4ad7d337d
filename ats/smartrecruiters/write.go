package smartrecruiters

import (
	"cmp"
	"context"
	"fmt"
	"net/http"
	"strings"

	"github.com/jobsync/jobsync/ats"
	"github.com/jobsync/jobsync/ats/atshttp"
	"github.com/jobsync/jobsync/posting"
)

// Create makes p a new job (POST /jobs) carrying its marker, publishes it
// (POST /jobs/{id}/publication), then binds the marker to the job's id and
// marks it open (PATCH /jobs/{id}, the marker alone). The create is sent
// once: after a failure whose outcome is unknown the engine calls Find.
// Should the publication or the binding fail, the job is there, owned, and
// the engine's look-up adopts it and updates it, which publishes it and
// binds the marker. Until it is bound, the marker's nonce alone tells the
// job from a copy of it; so the binding comes right after the create's
// answer, which is when the id is first known, and after the publication,
// so that a job cut short before it is never unpublished under a marker
// that says open (a person's close).
func (b *Board) Create(ctx context.Context, p posting.Posting) (ats.Remote, error) {
	if err := b.canCreate(); err != nil {
		return ats.Remote{}, fmt.Errorf("create %s: %w", p.Key, err)
	}
	field, err := b.markerFieldID(ctx)
	if err != nil {
		return ats.Remote{}, fmt.Errorf("create %s: %w", p.Key, err)
	}
	a := layout(p)
	desc, quals, more := a.sections()
	m := b.marker(p)
	m.Nonce = ats.NewNonce() // the id is not known yet: a nonce tells this create from another
	in := apiJobInput{
		Title:           p.Title,
		Function:        apiRef{ID: b.o.Function},
		Industry:        apiRef{ID: b.o.Industry},
		ExperienceLevel: apiRef{ID: experienceLevel(p.Title, b.o.ExperienceLevel)},
		Location:        b.location(p),
		Compensation:    compensation(p),
		JobAd:           apiJobAd{Sections: apiSections{JobDescription: desc, Qualifications: quals, AdditionalInformation: more}},
		Properties:      []apiPropertyIn{markerValue(field, m)},
	}
	if b.o.TypeOfEmployment != "" {
		in.TypeOfEmployment = &apiRef{ID: b.o.TypeOfEmployment}
	}
	b.mu.Lock()
	b.titles[p.Key] = p.Title
	b.mu.Unlock()
	var j apiJob
	if err := b.c.do(ctx, atshttp.Create, http.MethodPost, "/jobs", in, &j); err != nil {
		return ats.Remote{}, fmt.Errorf("create %s: %w", p.Key, err)
	}
	if got := b.readMarker(j.Properties); got.Key != p.Key {
		return ats.Remote{}, fmt.Errorf("create %s: job %s was made without jobsync's marker (SmartRecruiters ignored job field %s); it is left unpublished and not managed", p.Key, j.ID, field)
	}
	if err := b.publish(ctx, &j); err != nil {
		return ats.Remote{}, fmt.Errorf("create %s: job %s made, not published: %w", p.Key, j.ID, err)
	}
	m = m.Bound(j.ID)
	m.State = ats.StateOpen
	if err := b.setMarker(ctx, &j, field, m); err != nil {
		return ats.Remote{}, fmt.Errorf("create %s: job %s made and published; its marker: %w", p.Key, j.ID, err)
	}
	return b.remote(j), nil
}

// setMarker writes m alone into job j's marker field (PATCH /jobs/{id}),
// and into j as the answer has it.
func (b *Board) setMarker(ctx context.Context, j *apiJob, field string, m ats.Marker) error {
	got, err := b.c.patch(ctx, j.ID, markerOps(field, m))
	if err != nil {
		return err
	}
	if got.ID == j.ID {
		got.PostingStatus = cmp.Or(got.PostingStatus, j.PostingStatus)
		*j = got
		return nil
	}
	// An answer without the job: note what was written.
	for i := range j.Properties {
		if j.Properties[i].ID == field {
			j.Properties[i].Value.Label = m.String()
			return nil
		}
	}
	j.Properties = append(j.Properties, apiProperty{ID: field, Value: apiPropertyValue{Label: m.String()}})
	return nil
}

// canCreate checks the settings a new job needs.
func (b *Board) canCreate() error {
	var missing []string
	for _, s := range []struct{ key, v string }{
		{"function", b.o.Function}, {"industry", b.o.Industry}, {"country_code", b.o.CountryCode}, {"city", b.o.City},
	} {
		if strings.TrimSpace(s.v) == "" {
			missing = append(missing, s.key)
		}
	}
	if len(missing) > 0 {
		return fmt.Errorf("a new job needs %s: set them in board %s's config", strings.Join(missing, ", "), b.name)
	}
	return nil
}

// Update brings the owned job id to p with one JSON Patch (title, the
// three job ad sections, experience level, location, pay and the marker),
// then reopens it if it was closed: its status back to SOURCING when
// close_status had set one, a publication when it is unpublished, then the
// marker's state open (a patch of the marker alone: until the job is
// published again, the marker keeps the state it had, so that a reopen
// cut short is not taken for a person's close). It refuses a job that is
// not jobsync's, judged on the job as List read it moments before (a job
// List has not read is read first).
func (b *Board) Update(ctx context.Context, id string, p posting.Posting) (ats.Remote, error) {
	cur, m, err := b.owned(ctx, id)
	if err != nil {
		return ats.Remote{}, fmt.Errorf("update %s: %w", id, err)
	}
	defer b.listed.Forget(id)
	if m.Key != p.Key {
		return ats.Remote{}, fmt.Errorf("update %s: the job carries the marker of %s, not %s", id, m.Key, p.Key)
	}
	field := b.markerFieldOf(cur)
	next := b.marker(p).Continuing(m).Bound(id)
	next.State = ats.StateOpen
	if cur.PostingStatus == notPublished || cur.PostingStatus == "" {
		next.State = m.State // a reopen: open once published
	}
	j, err := b.c.patch(ctx, id, b.patchOps(p, field, next))
	if err != nil {
		return ats.Remote{}, fmt.Errorf("update %s: %w", id, err)
	}
	if j.ID == "" { // an answer without the job
		if j, err = b.c.job(ctx, id); err != nil {
			return ats.Remote{}, fmt.Errorf("update %s: read it back: %w", id, err)
		}
	}
	if b.o.CloseStatus != "" && j.Status == b.o.CloseStatus {
		if err := b.setStatus(ctx, id, statusSourcing); err != nil {
			return ats.Remote{}, fmt.Errorf("update %s: reopen: %w", id, err)
		}
		j.Status = statusSourcing
	}
	if j.PostingStatus == notPublished || j.PostingStatus == "" {
		if err := b.publish(ctx, &j); err != nil {
			return ats.Remote{}, fmt.Errorf("update %s: publish: %w", id, err)
		}
	}
	if next.State != ats.StateOpen {
		next.State = ats.StateOpen
		if err := b.setMarker(ctx, &j, field, next); err != nil {
			return ats.Remote{}, fmt.Errorf("update %s: published; its marker: %w", id, err)
		}
	}
	return b.remote(j), nil
}

// markerFieldOf is the id of the marker field on an owned job.
func (b *Board) markerFieldOf(j apiJob) string {
	for _, p := range j.Properties {
		if b.isMarkerField(p) {
			return p.ID
		}
	}
	return b.o.MarkerField
}

// Close marks the owned job id's marker closed (a job found unpublished
// under an open marker was closed by a person), then unpublishes it from
// every source (DELETE /jobs/{id}/publication), which a later update
// reverses, and sets close_status when the board has one. The marker
// first: a close cut short after it leaves the job published, and the next
// plan closes it again. A closed job is not written again.
func (b *Board) Close(ctx context.Context, id string) error {
	cur, m, err := b.owned(ctx, id)
	if err != nil {
		return fmt.Errorf("close %s: %w", id, err)
	}
	defer b.listed.Forget(id)
	if cur.PostingStatus != notPublished {
		if m.ID == "" {
			m = m.Bound(id)
		}
		m.State = ats.StateClosed
		if err := b.setMarker(ctx, &cur, b.markerFieldOf(cur), m); err != nil {
			return fmt.Errorf("close %s: its marker: %w", id, err)
		}
		if err := b.c.do(ctx, atshttp.Idempotent, http.MethodDelete, jobPath(id)+"/publication", nil, nil); err != nil {
			return fmt.Errorf("close %s: unpublish: %w", id, err)
		}
	}
	if b.o.CloseStatus != "" && cur.Status != b.o.CloseStatus {
		if err := b.setStatus(ctx, id, b.o.CloseStatus); err != nil {
			return fmt.Errorf("close %s: unpublished; status: %w", id, err)
		}
	}
	return nil
}

// publish publishes job j's default ad with the board's visibility.
func (b *Board) publish(ctx context.Context, j *apiJob) error {
	if err := b.c.do(ctx, atshttp.Idempotent, http.MethodPost, jobPath(j.ID)+"/publication", apiPublication{Visibility: b.o.Visibility}, nil); err != nil {
		return err
	}
	j.PostingStatus = b.o.Visibility
	return nil
}

// setStatus sets job id's status (PUT /jobs/{id}/status).
func (b *Board) setStatus(ctx context.Context, id, status string) error {
	return b.c.do(ctx, atshttp.Idempotent, http.MethodPut, jobPath(id)+"/status", apiStatus{Status: status}, nil)
}

// location is the location of p's job: the board's, marked remote for a
// remote posting.
func (b *Board) location(p posting.Posting) apiLocation {
	return apiLocation{CountryCode: b.o.CountryCode, RegionCode: b.o.RegionCode, City: b.o.City, Remote: p.Workplace == "remote"}
}

// compensation is p's pay range, nil when it has none. The API documents
// no interval: the interval is in the job ad's additional information.
func compensation(p posting.Posting) *apiCompensation {
	if p.Pay == nil {
		return nil
	}
	return &apiCompensation{Min: float64(p.Pay.Min), Max: float64(p.Pay.Max), Currency: p.Pay.Currency}
}
