package ashby

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/jobsync/jobsync/ats"
	"github.com/jobsync/jobsync/ats/atshttp"
	"github.com/jobsync/jobsync/posting"
)

// Create makes p a posting of a new job of its own, since a job carries
// what Ashby puts on its postings and jobsync must set per posting: the
// department or team, the primary location and the compensation. In
// order:
//
//  1. job.create with the title, team, primary location and the template
//     or interview plan (a create: never re-sent blindly);
//  2. job.updateCompensation, when p has pay;
//  3. job.setStatus Open (a posting is published only on an open job);
//  4. jobPosting.create, a draft, with the title, the description and the
//     workplace type (a create);
//  5. jobPosting.update, when p has more than one location;
//  6. the marker of a create in progress (ats.PendingHash, bound to the
//     posting);
//  7. jobPosting.setStatus Published;
//  8. the marker, with the fingerprint of the description as Ashby
//     stored it, its locations and team, and state=open.
//
// A draft is published only once it carries a marker, so that no run cut
// short leaves a live posting jobsync would not recognise; the final
// marker, which says jobsync left the posting published, is written only
// once it is (see finish). After an answer lost at step 4, Find adopts the
// draft on the job step 1 made.
func (b *Board) Create(ctx context.Context, p posting.Posting) (ats.Remote, error) {
	r, err := b.create(ctx, p)
	if err != nil {
		return ats.Remote{}, fmt.Errorf("create %s: %w", p.Key, err)
	}
	return r, nil
}

func (b *Board) create(ctx context.Context, p posting.Posting) (ats.Remote, error) {
	if b.o.JobTemplateID == "" && b.o.InterviewPlanID == "" {
		return ats.Remote{}, fmt.Errorf("a new job needs an interview plan to open: set job_template_id or interview_plan_id in board %s's config", b.name)
	}
	teamName, err := b.teamName(p)
	if err != nil {
		return ats.Remote{}, err
	}
	placeNames, err := b.placeNames(p)
	if err != nil {
		return ats.Remote{}, err
	}
	field, err := b.markerFieldID(ctx)
	if err != nil {
		return ats.Remote{}, err
	}
	team, err := b.team(ctx, teamName)
	if err != nil {
		return ats.Remote{}, err
	}
	places, err := b.places(ctx, placeNames)
	if err != nil {
		return ats.Remote{}, err
	}
	// A create sent again after a failure that left no posting (Find found
	// none on the job) goes on with the job the first made, rather than
	// leaving it behind, open and empty.
	b.mu.Lock()
	prev, again := b.jobs[p.Key]
	b.mu.Unlock()
	jobID := prev.id
	if !again {
		job, err := call[apiJob](ctx, b.c, atshttp.Create, "job.create", jobCreateRequest{
			Title: p.Title, TeamID: team, LocationID: places[0],
			JobTemplateID: b.o.JobTemplateID, DefaultInterviewPlanID: b.o.InterviewPlanID,
		})
		if err != nil {
			return ats.Remote{}, err
		}
		jobID = job.Results.ID
		b.mu.Lock()
		b.jobs[p.Key] = madeJob{id: jobID, p: p}
		b.mu.Unlock()
	}
	if p.Pay != nil {
		if err := b.setPay(ctx, jobID, p); err != nil {
			return ats.Remote{}, fmt.Errorf("job %s: %w", jobID, err)
		}
	}
	if err := b.setJobStatus(ctx, jobID, jobOpen); err != nil {
		return ats.Remote{}, fmt.Errorf("job %s: open: %w", jobID, err)
	}
	made, err := call[apiPosting](ctx, b.c, atshttp.Create, "jobPosting.create", postingCreateRequest{
		JobID: jobID, Title: p.Title, Description: apiDescription{Type: "text/html", Content: description(p)}, WorkplaceType: workplaceType(p),
	})
	if err != nil {
		return ats.Remote{}, fmt.Errorf("job %s: %w", jobID, err)
	}
	cur := made.Results
	if len(places) > 1 {
		secondary := places[1:]
		if cur, err = b.c.write(ctx, "jobPosting.update", postingUpdateRequest{
			JobPostingID: cur.ID, SecondaryLocationIDs: &secondary, IncludeUnpublishedJobPostings: true,
		}); err != nil {
			return ats.Remote{}, fmt.Errorf("posting %s: locations: %w", made.Results.ID, err)
		}
	}
	if err := b.c.setMarker(ctx, cur.ID, field, adoptedMarker(p, cur.ID)); err != nil {
		return ats.Remote{}, fmt.Errorf("posting %s: marker: %w", cur.ID, err)
	}
	return b.finish(ctx, cur, p, field, ats.Marker{}, true)
}

// finish publishes posting cur, which already carries a pending marker,
// when it is a draft (opening its job first unless jobOpen says it is
// open), then writes the marker of p on it, as Ashby stored it,
// continuing old (the posting's marker before, zero for a create). That
// marker says state=open, so it is written only once the posting is
// published: a run cut short in between leaves the pending marker, which
// the next sync completes, and never an open marker on a draft, which
// would read as a person's close.
func (b *Board) finish(ctx context.Context, cur apiPosting, p posting.Posting, field string, old ats.Marker, jobOpen bool) (ats.Remote, error) {
	if cur.Status != statusPublished {
		if err := b.openJob(ctx, cur.JobID, jobOpen); err != nil {
			return ats.Remote{}, fmt.Errorf("posting %s: %w", cur.ID, err)
		}
		if _, err := b.c.write(ctx, "jobPosting.setStatus", postingSetStatusRequest{JobPostingID: cur.ID, Status: statusPublished}); err != nil {
			return ats.Remote{}, fmt.Errorf("posting %s: publish: %w", cur.ID, err)
		}
		cur.Status = statusPublished
	}
	// Bound to the posting: a marker copied to another posting claims nothing.
	m := ats.NewMarker(p, fingerprint(cur.Title, cur.DescriptionParts.DescriptionBody.HTML)).Bound(cur.ID).Continuing(old)
	m.Attrs, m.State = attrs(cur), ats.StateOpen
	if err := b.c.setMarker(ctx, cur.ID, field, m); err != nil {
		return ats.Remote{}, fmt.Errorf("posting %s: marker: %w", cur.ID, err)
	}
	cur.CustomFields = setField(cur.CustomFields, field, m.String())
	return b.remote(cur, nil), nil
}

// setField is fields with field's value set to v.
func setField(fields []apiFieldValue, field, v string) []apiFieldValue {
	for i := range fields {
		if fields[i].ID == field {
			fields[i].Value = v
			return fields
		}
	}
	return append(fields, apiFieldValue{ID: field, Value: v})
}

// openJob opens job id unless it is open (or known to be): a closed job goes back to Draft
// first, as Ashby's transitions require (Closed → Draft → Open).
func (b *Board) openJob(ctx context.Context, id string, known bool) error {
	if known {
		return nil
	}
	j, err := b.c.job(ctx, id)
	if err != nil {
		return fmt.Errorf("read job %s: %w", id, err)
	}
	switch j.Status {
	case jobOpen:
		return nil
	case jobClosed, "Archived":
		if err := b.setJobStatus(ctx, id, statusDraft); err != nil {
			return fmt.Errorf("job %s: back to draft: %w", id, err)
		}
	}
	if err := b.setJobStatus(ctx, id, jobOpen); err != nil {
		return fmt.Errorf("job %s: open: %w", id, err)
	}
	return nil
}

// Update brings the owned posting id to p. It reads the posting (to
// refuse one that is not jobsync's: ats.ErrNotOwned), marks it pending, so
// that a run cut short between the writes is completed by the next rather
// than taken for a person's edit, then writes the job's team and pay where
// they differ, the posting's title, description, workplace type and
// locations in one jobPosting.update, the marker, and publishes it again
// if it was unpublished.
func (b *Board) Update(ctx context.Context, id string, p posting.Posting) (ats.Remote, error) {
	r, err := b.update(ctx, id, p)
	if err != nil {
		return ats.Remote{}, fmt.Errorf("update %s: %w", id, err)
	}
	return r, nil
}

func (b *Board) update(ctx context.Context, id string, p posting.Posting) (ats.Remote, error) {
	teamName, err := b.teamName(p)
	if err != nil {
		return ats.Remote{}, err
	}
	placeNames, err := b.placeNames(p)
	if err != nil {
		return ats.Remote{}, err
	}
	cur, m, err := b.owned(ctx, id)
	if err != nil {
		return ats.Remote{}, err
	}
	if m.Key != p.Key {
		return ats.Remote{}, fmt.Errorf("the posting carries the marker of %s, not %s", m.Key, p.Key)
	}
	field, err := b.markerFieldID(ctx) // known: owned read it
	if err != nil {
		return ats.Remote{}, err
	}
	b.mu.Lock()
	listed, seen := b.listedPlaces[id]
	b.mu.Unlock()
	writeTeam := !strings.EqualFold(teamName, cur.TeamName) && !strings.EqualFold(teamName, cur.DepartmentName)
	writePlaces := !seen || !sameNames(listed, placeNames)
	// Pending until the last write: an update cut short is completed by the
	// next run, and a person's edit meanwhile (text that is neither the old
	// nor the new) is still drift. It says the posting is as it is now,
	// published or not, and keeps the old locations and team unless this
	// update writes them (then either may be read back).
	desc := description(p)
	pending := ats.NewMarker(p, fingerprint(p.Title, desc)).Bound(id).Continuing(m).Pending(m)
	pending.State = ats.StateClosed
	if cur.Status == statusPublished {
		pending.State = ats.StateOpen
	}
	if !writeTeam && !writePlaces {
		pending.Attrs = m.Attrs
	}
	if err := b.c.setMarker(ctx, id, field, pending); err != nil {
		return ats.Remote{}, fmt.Errorf("marker: %w", err)
	}
	if writeTeam {
		team, err := b.team(ctx, teamName)
		if err != nil {
			return ats.Remote{}, err
		}
		if _, err := call[json.RawMessage](ctx, b.c, atshttp.Idempotent, "job.update", jobUpdateRequest{JobID: cur.JobID, TeamID: team}); err != nil {
			return ats.Remote{}, fmt.Errorf("job %s: team: %w", cur.JobID, err)
		}
	}
	if !samePay(cur.Compensation.CompensationTiers, tiers(p)) {
		if err := b.setPay(ctx, cur.JobID, p); err != nil {
			return ats.Remote{}, fmt.Errorf("job %s: %w", cur.JobID, err)
		}
	}
	in := postingUpdateRequest{
		JobPostingID: id, Title: &p.Title, Description: &apiDescription{Type: "text/html", Content: desc},
		WorkplaceType: workplaceType(p), IncludeUnpublishedJobPostings: true,
	}
	if writePlaces {
		places, err := b.places(ctx, placeNames)
		if err != nil {
			return ats.Remote{}, err
		}
		secondary := places[1:]
		in.LocationID, in.SecondaryLocationIDs = &places[0], &secondary
	}
	status := cur.Status
	if cur, err = b.c.write(ctx, "jobPosting.update", in); err != nil {
		return ats.Remote{}, err
	}
	cur.Status = cmp.Or(cur.Status, status)
	return b.finish(ctx, cur, p, field, m, false)
}

// sameNames reports whether two lists of names are the same, ignoring case.
func sameNames(a, b []string) bool {
	return slices.EqualFunc(a, b, strings.EqualFold)
}

// Close unpublishes the owned posting id (jobPosting.setStatus Draft),
// which a later update reverses; with close_job it also closes the job.
// First its marker says jobsync closed it (state=closed): a posting found
// unpublished under a marker that says open was closed by a person, which
// is drift. A closed posting is not written again.
func (b *Board) Close(ctx context.Context, id string) error {
	cur, m, err := b.owned(ctx, id)
	if err != nil {
		return fmt.Errorf("close %s: %w", id, err)
	}
	if cur.Status == statusPublished {
		// The marker first: cut short after it, the posting is published
		// under state=closed, which the next sync closes again; the other
		// way round, a draft under state=open would read as a person's close.
		if m.State != ats.StateClosed {
			field, err := b.markerFieldID(ctx) // known: owned read it
			if err != nil {
				return fmt.Errorf("close %s: %w", id, err)
			}
			m.State = ats.StateClosed
			if err := b.c.setMarker(ctx, id, field, m); err != nil {
				return fmt.Errorf("close %s: marker: %w", id, err)
			}
		}
		if _, err := b.c.write(ctx, "jobPosting.setStatus", postingSetStatusRequest{JobPostingID: id, Status: statusDraft}); err != nil {
			return fmt.Errorf("close %s: unpublish: %w", id, err)
		}
	}
	if b.o.CloseJob {
		j, err := b.c.job(ctx, cur.JobID)
		if err != nil {
			return fmt.Errorf("close %s: unpublished; read job %s: %w", id, cur.JobID, err)
		}
		if j.Status == jobOpen {
			if err := b.setJobStatus(ctx, cur.JobID, jobClosed); err != nil {
				return fmt.Errorf("close %s: unpublished; close job %s: %w", id, cur.JobID, err)
			}
		}
	}
	return nil
}

// owned reads posting id and checks it is jobsync's.
func (b *Board) owned(ctx context.Context, id string) (apiPosting, ats.Marker, error) {
	// The posting as List read it moments before, once: that read is what
	// the plan decided on, so reading it again costs a request per write
	// for the seconds in between (a person's edit in them is lost, as on
	// Lever and Teamtailor). A second write of id in one run reads it.
	cur, ok := b.listedRead.Get(id)
	b.listedRead.Forget(id)
	if !ok {
		var err error
		if cur, err = b.c.posting(ctx, id); err != nil {
			return apiPosting{}, ats.Marker{}, err
		}
	}
	m := b.readMarker(cur.CustomFields)
	if !ats.Owns(m) {
		return apiPosting{}, ats.Marker{}, fmt.Errorf("posting %s carries no jobsync marker: %w", id, ats.ErrNotOwned)
	}
	return cur, m, nil
}

// setPay sets job id's compensation to p's pay (none when it has none).
func (b *Board) setPay(ctx context.Context, id string, p posting.Posting) error {
	_, err := call[json.RawMessage](ctx, b.c, atshttp.Idempotent, "job.updateCompensation", jobCompensationRequest{JobID: id, CompensationTiers: tiers(p)})
	if err != nil {
		return fmt.Errorf("compensation: %w", err)
	}
	return nil
}

// setJobStatus moves job id to status.
func (b *Board) setJobStatus(ctx context.Context, id, status string) error {
	_, err := call[json.RawMessage](ctx, b.c, atshttp.Idempotent, "job.setStatus", jobSetStatusRequest{JobID: id, Status: status})
	return err
}
