package greenhouse

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"go.uber.org/zap"

	"github.com/jobsync/jobsync/ats"
	"github.com/jobsync/jobsync/ats/atshttp"
	"github.com/jobsync/jobsync/posting"
)

// Create copies the template job into a new job named for p, then publishes
// p on its primary post (see publish). The marker is written, as pending, on
// the first call after the job exists, so a create that fails half-way is
// found by key and completed by an update, never made twice.
func (b *Board) Create(ctx context.Context, p posting.Posting) (ats.Remote, error) {
	key, err := b.markerField(ctx)
	if err != nil {
		return ats.Remote{}, fmt.Errorf("create %s: %w", p.Key, err)
	}
	if err := b.checkTemplate(ctx); err != nil {
		return ats.Remote{}, fmt.Errorf("create %s: %w", p.Key, err)
	}
	var j job
	nonce := ats.NewNonce()
	req := createJobRequest{TemplateJobID: b.templateID, NumberOfOpenings: 1, JobName: jobName(p, nonce), JobPostName: p.Title}
	if err := b.c.do(ctx, atshttp.Create, http.MethodPost, routeJobs, req, &j); err != nil {
		return ats.Remote{}, fmt.Errorf("create %s: new job from template %d: %w", p.Key, b.templateID, err)
	}
	if j.ID == 0 {
		return ats.Remote{}, fmt.Errorf("create %s: the new job's answer holds no id", p.Key)
	}
	b.log.Debug("job created", zap.String("key", p.Key), zap.Int64("job", j.ID))
	r, err := b.publish(ctx, key, listedPost{job: j, marker: ats.Marker{Nonce: nonce}}, p)
	if err != nil {
		return ats.Remote{}, fmt.Errorf("create %s (job %d): %w", p.Key, j.ID, err)
	}
	return r, nil
}

// Update publishes p on the post id, whose job must carry jobsync's marker
// for p.Key (or be an orphan of a create of p).
func (b *Board) Update(ctx context.Context, id string, p posting.Posting) (ats.Remote, error) {
	cur, err := b.ownedPost(ctx, id)
	if err != nil {
		return ats.Remote{}, fmt.Errorf("update %s: %w", id, err)
	}
	if cur.marker.Key != p.Key {
		return ats.Remote{}, fmt.Errorf("update %s: its job %d holds key %s, not %s", id, cur.job.ID, cur.marker.Key, p.Key)
	}
	key, err := b.markerField(ctx)
	if err != nil {
		return ats.Remote{}, fmt.Errorf("update %s: %w", id, err)
	}
	defer b.owned.Forget(cur.post.ID)
	r, err := b.publish(ctx, key, cur, p)
	if err != nil {
		return ats.Remote{}, fmt.Errorf("update %s (job %d): %w", id, cur.job.ID, err)
	}
	return r, nil
}

// Close unpublishes the post id (draft: reversible). With CloseOpenings it
// also closes the job's open openings, which closes the job.
func (b *Board) Close(ctx context.Context, id string) error {
	cur, err := b.ownedPost(ctx, id)
	if err != nil {
		return fmt.Errorf("close %s: %w", id, err)
	}
	defer b.owned.Forget(cur.post.ID)
	post, j := cur.post, cur.job
	if !post.Live && !b.closeOpen {
		return nil // closed already, by jobsync or by a person
	}
	// The marker first: a close cut short after it leaves the post live,
	// which the next plan closes again; one cut short before it leaves a
	// draft under an open marker, which would read as a person's close.
	if post.Live {
		if err := b.markClosed(ctx, cur); err != nil {
			return fmt.Errorf("close %s: %w", id, err)
		}
	}
	if b.closeOpen {
		open, err := listAll[opening](ctx, b.c, routeOpenings, url.Values{"job_ids": {strconv.FormatInt(j.ID, 10)}, "open": {"true"}})
		if err != nil {
			return fmt.Errorf("close %s: openings of job %d: %w", id, j.ID, err)
		}
		for _, o := range open {
			if err := b.c.do(ctx, atshttp.Idempotent, http.MethodPatch, openingRoute(o.ID), patchOpeningRequest{Open: false}, nil); err != nil {
				return fmt.Errorf("close %s: close opening %d: %w", id, o.ID, err)
			}
		}
	}
	if post.Live {
		if err := b.c.do(ctx, atshttp.Idempotent, http.MethodPatch, postRoute(post.ID), patchPostRequest{JobApplicationStatus: statusDraft}, nil); err != nil {
			return fmt.Errorf("close %s: unpublish: %w", id, err)
		}
	}
	return nil
}

// markClosed rewrites the marker of cur's job with state closed: a post
// found unpublished under it was closed by jobsync, not by a person.
func (b *Board) markClosed(ctx context.Context, cur listedPost) error {
	key := cur.field
	if key == "" { // an orphan: no marker field on the job yet
		var err error
		if key, err = b.markerField(ctx); err != nil {
			return err
		}
	}
	m := cur.marker
	m.State = ats.StateClosed
	if m.ID == "" {
		m = m.Bound(strconv.FormatInt(cur.post.ID, 10))
	}
	return b.writeMarker(ctx, key, cur.job, m.String())
}

// ownedPost returns the post id with its job and the job's marker, and
// checks that jobsync owns the job and that id is the job's primary post
// (the only post of a job that List reports as owned). A post List saw as
// jobsync's costs no request: List read its job and the job's posts
// moments before. Any other is read: the post's job (its id from List when
// it saw the post, since posts never move between jobs, else from GET
// /job_posts?ids=), then the job's posts. An id the board does not hold is
// ats.ErrNotFound.
func (b *Board) ownedPost(ctx context.Context, id string) (listedPost, error) {
	pid, err := strconv.ParseInt(id, 10, 64)
	if err != nil || pid <= 0 {
		return listedPost{}, fmt.Errorf("%q is not a job post id: %w", id, ats.ErrNotFound)
	}
	if lp, ok := b.owned.Get(pid); ok {
		return lp, nil
	}
	jobID, ok := b.jobOf(pid)
	if !ok {
		posts, err := listAll[jobPost](ctx, b.c, routeJobPosts, url.Values{"ids": {id}})
		if err != nil {
			return listedPost{}, err
		}
		i := slices.IndexFunc(posts, func(p jobPost) bool { return p.ID == pid && p.Active })
		if i < 0 {
			return listedPost{}, fmt.Errorf("no job post %d: %w", pid, ats.ErrNotFound)
		}
		jobID = posts[i].JobID
	}
	j, err := b.getJob(ctx, jobID)
	if err != nil {
		return listedPost{}, err
	}
	m := ownerOf(j, b.templateID)
	if !ats.Owns(m) {
		return listedPost{}, fmt.Errorf("job %d: %w", j.ID, ats.ErrNotOwned)
	}
	siblings, err := listAll[jobPost](ctx, b.c, routeJobPosts, url.Values{"job_ids": {strconv.FormatInt(j.ID, 10)}})
	if err != nil {
		return listedPost{}, err
	}
	i := slices.IndexFunc(siblings, func(p jobPost) bool { return p.ID == pid && p.Active })
	if i < 0 {
		return listedPost{}, fmt.Errorf("no job post %d in job %d: %w", pid, j.ID, ats.ErrNotFound)
	}
	if primary, _ := primaryPost(siblings); primary.ID != pid {
		return listedPost{}, fmt.Errorf("post %d is not the post jobsync manages on job %d (that is %d): %w", pid, j.ID, primary.ID, ats.ErrNotOwned)
	}
	field, _, _ := markerText(j)
	return listedPost{post: siblings[i], job: j, marker: m, field: field}, nil
}

// getJob reads one job (GET /jobs?ids=).
func (b *Board) getJob(ctx context.Context, id int64) (job, error) {
	jobs, err := listAll[job](ctx, b.c, routeJobs, url.Values{"ids": {strconv.FormatInt(id, 10)}})
	if err != nil {
		return job{}, err
	}
	for _, j := range jobs {
		if j.ID == id {
			return j, nil
		}
	}
	return job{}, fmt.Errorf("no job %d: %w", id, ats.ErrNotFound)
}

// publish brings cur's job and post (ID 0: find the primary post), which
// carried cur's marker, to p, in an order that converges from an
// interruption at any step:
//
//  1. the marker with hash "pending", old's fingerprint, locations and
//     state, and p's as next (a later List sees an owned posting whose hash
//     matches nothing, an update, and drifted only if its text or
//     locations are neither: see ats.Marker.Pending);
//  2. with CloseOpenings, reopen the job if it is closed;
//  3. the post's locations, unless its rows (read by List) are p's
//     already: add the missing free-text rows, then delete the others (a
//     live post keeps a location throughout);
//  4. the post's title, content, and live;
//  5. the marker with p's hash, locations (fa=) and state open: done.
//
// An update whose locations are unchanged is so three requests, the floor:
// the two markers and the post. The marker is bound to the post (the
// posting's id): a marker a person copies to another job names a post that
// is not that job's.
func (b *Board) publish(ctx context.Context, key string, cur listedPost, p posting.Posting) (ats.Remote, error) {
	j, postID, old := cur.job, cur.post.ID, cur.marker
	if postID == 0 {
		posts, err := listAll[jobPost](ctx, b.c, routeJobPosts, url.Values{"job_ids": {strconv.FormatInt(j.ID, 10)}})
		if err != nil {
			return ats.Remote{}, fmt.Errorf("posts of job %d: %w", j.ID, err)
		}
		primary, ok := primaryPost(posts)
		if !ok {
			return ats.Remote{}, fmt.Errorf("job %d has no job post: give template job %d a post", j.ID, b.templateID)
		}
		postID = primary.ID
		b.rememberJob(postID, j.ID)
	}
	rows := cur.rows
	if !cur.rowsRead { // a create (the template's rows), or a post List has not seen
		var err error
		if rows, err = listAll[jobPostLocation](ctx, b.c, routeLocations, url.Values{"job_post_ids": {strconv.FormatInt(postID, 10)}}); err != nil {
			return ats.Remote{}, fmt.Errorf("locations of post %d: %w", postID, err)
		}
	}
	want := wantedLocations(p)
	locations := want
	if len(want) == 0 { // with no locations wanted, the template's stay
		locations = locationLabels(rows)
	}
	done := ats.NewMarker(p, ats.Fingerprint(p.Title, p.HTML)).Continuing(old).Bound(strconv.FormatInt(postID, 10))
	locations = locationSet(locations)
	done.Attrs, done.State = ats.AttrFingerprint(locations, ""), ats.StateOpen
	if err := b.writeMarker(ctx, key, j, done.Pending(old).String()); err != nil {
		return ats.Remote{}, err
	}
	if b.closeOpen && j.Status == "closed" {
		if err := b.reopen(ctx, j.ID); err != nil {
			return ats.Remote{}, err
		}
	}
	if err := b.setLocations(ctx, postID, rows, want); err != nil {
		return ats.Remote{}, err
	}
	var post jobPost
	req := patchPostRequest{Title: &p.Title, Content: &p.HTML, JobApplicationStatus: statusLive}
	if err := b.c.do(ctx, atshttp.Idempotent, http.MethodPatch, postRoute(postID), req, &post); err != nil {
		return ats.Remote{}, fmt.Errorf("post %d: %w", postID, err)
	}
	if err := b.writeMarker(ctx, key, j, done.String()); err != nil {
		return ats.Remote{}, err
	}
	if post.ID != postID { // an answer without the post: describe what was sent
		post = jobPost{ID: postID, Title: p.Title, Content: p.HTML, Live: true, Active: true, JobID: j.ID}
	}
	r := remoteOf(post)
	r.Locations = locations
	r.SetOwner(done, func() string { return done.Fingerprint })
	return r, nil
}

// writeMarker sets the marker field of j to the text marker, re-sending
// every other custom field value j held (the write replaces the whole list).
func (b *Board) writeMarker(ctx context.Context, key string, j job, marker string) error {
	fields, err := withMarker(j, key, marker)
	if err != nil {
		return fmt.Errorf("marker of job %d: %w", j.ID, err)
	}
	req := patchJobRequest{CustomFields: fields}
	if loc := jobNameTag.FindStringIndex(j.Name); loc != nil {
		// The marker is on the job from now on: drop the orphan tag in the
		// same write, so that a job whose marker a person later removes is
		// never taken for an orphan of ours.
		name := strings.TrimSpace(j.Name[:loc[0]])
		req.Name = &name
	}
	if err := b.c.do(ctx, atshttp.Idempotent, http.MethodPatch, jobRoute(j.ID), req, nil); err != nil {
		return fmt.Errorf("marker of job %d: %w", j.ID, err)
	}
	return nil
}

// setLocations makes the post's location rows have, as read, the
// free-text rows want: missing ones added first, then the others deleted.
// With none wanted, the rows stay as they are (the template's).
func (b *Board) setLocations(ctx context.Context, postID int64, have []jobPostLocation, want []string) error {
	if len(want) == 0 {
		return nil
	}
	kept := map[string]bool{}
	var drop []int64
	for _, l := range have {
		text := ""
		if l.PlainTextLocation != nil {
			text = strings.TrimSpace(*l.PlainTextLocation)
		}
		if l.Type == locationFreeText && slices.Contains(want, text) && !kept[text] {
			kept[text] = true
			continue
		}
		drop = append(drop, l.ID)
	}
	for _, w := range want {
		if kept[w] {
			continue
		}
		req := createLocationRequest{JobPostID: postID, Type: locationFreeText, PlainTextLocation: w}
		if err := b.c.do(ctx, atshttp.Create, http.MethodPost, routeLocations, req, nil); err != nil {
			return fmt.Errorf("add location %q to post %d: %w", w, postID, err)
		}
	}
	for _, id := range drop {
		if err := b.c.do(ctx, atshttp.Idempotent, http.MethodDelete, locationRoute(id), nil, nil); err != nil && !errors.Is(err, ats.ErrNotFound) {
			return fmt.Errorf("remove location %d of post %d: %w", id, postID, err)
		}
	}
	return nil
}

// reopen opens the most recent opening of a closed job, which opens the job.
func (b *Board) reopen(ctx context.Context, jobID int64) error {
	all, err := listAll[opening](ctx, b.c, routeOpenings, url.Values{"job_ids": {strconv.FormatInt(jobID, 10)}})
	if err != nil {
		return fmt.Errorf("openings of job %d: %w", jobID, err)
	}
	var last *opening
	for i := range all {
		if all[i].Open {
			return nil
		}
		if last == nil || all[i].ID > last.ID {
			last = &all[i]
		}
	}
	if last == nil {
		return fmt.Errorf("job %d is closed and has no opening to reopen", jobID)
	}
	if err := b.c.do(ctx, atshttp.Idempotent, http.MethodPatch, openingRoute(last.ID), patchOpeningRequest{Open: true}, nil); err != nil {
		return fmt.Errorf("reopen opening %d of job %d: %w", last.ID, jobID, err)
	}
	return nil
}

// checkTemplate makes sure, once per Board, that the template job has a
// post to copy: a job without one could never be listed, and every sync
// would make another.
func (b *Board) checkTemplate(ctx context.Context) error {
	ok, err := b.templateHasPost(ctx)
	if err != nil {
		return err
	}
	if !ok {
		return fmt.Errorf("template job %d has no job post to copy: give it one in Greenhouse", b.templateID)
	}
	return nil
}

// templateHasPost reports whether the template job has a post to copy,
// looking once per Board until it has.
func (b *Board) templateHasPost(ctx context.Context) (bool, error) {
	b.fieldMu.Lock()
	defer b.fieldMu.Unlock()
	if b.templateOK {
		return true, nil
	}
	posts, err := listAll[jobPost](ctx, b.c, routeJobPosts, url.Values{"job_ids": {strconv.FormatInt(b.templateID, 10)}})
	if err != nil {
		return false, fmt.Errorf("posts of template job %d: %w", b.templateID, err)
	}
	_, b.templateOK = primaryPost(posts)
	return b.templateOK, nil
}

// markerField returns the name_key of the private job custom field that
// holds the marker, creating the field when the account has none. Known
// once, it is not looked up again.
func (b *Board) markerField(ctx context.Context) (string, error) {
	f, found, err := b.findMarkerField(ctx)
	if err != nil {
		return "", err
	}
	b.fieldMu.Lock()
	defer b.fieldMu.Unlock()
	if found {
		if f.ValueType != valueTypeShortText && f.ValueType != valueTypeLongText {
			return "", fmt.Errorf("marker field: job custom field %s is a %s field; jobsync needs short_text or long_text", f.NameKey, f.ValueType)
		}
		b.fieldKey = f.NameKey
		return b.fieldKey, nil
	}
	if b.fieldKey != "" { // another write created it meanwhile
		return b.fieldKey, nil
	}
	req := createFieldRequest{Name: markerFieldName, FieldType: fieldTypeJob, ValueType: valueTypeLongText, Private: true, Description: markerFieldDesc}
	if err := b.c.do(ctx, atshttp.Create, http.MethodPost, routeCustomFields, req, &f); err != nil {
		b.fieldAbsent = false // it may have been made all the same: look again next time
		return "", fmt.Errorf("marker field: create: %w", err)
	}
	if f.NameKey == "" {
		return "", errors.New("marker field: create: the answer holds no name_key")
	}
	b.log.Info("created the private job custom field that marks jobsync's jobs", zap.String("name_key", f.NameKey))
	b.fieldKey = f.NameKey
	return b.fieldKey, nil
}

// findMarkerField looks the marker field up, reading only: the one known
// already, else the account's job custom fields.
func (b *Board) findMarkerField(ctx context.Context) (customField, bool, error) {
	b.fieldMu.Lock()
	defer b.fieldMu.Unlock()
	if b.fieldKey != "" {
		return customField{NameKey: b.fieldKey, ValueType: valueTypeLongText}, true, nil
	}
	if b.fieldAbsent { // Preflight looked: the first write creates it
		return customField{}, false, nil
	}
	fields, err := listAll[customField](ctx, b.c, routeCustomFields, url.Values{"field_type": {fieldTypeJob}})
	if err != nil {
		return customField{}, false, fmt.Errorf("marker field: %w", err)
	}
	for _, f := range fields {
		if f.FieldType == fieldTypeJob && f.Active && (f.NameKey == markerNameKey || strings.EqualFold(f.Name, markerFieldName)) {
			if f.ValueType == valueTypeShortText || f.ValueType == valueTypeLongText {
				b.fieldKey = f.NameKey // usable: the writes need not look again
			}
			return f, true, nil
		}
	}
	b.fieldAbsent = true
	return customField{}, false, nil
}
