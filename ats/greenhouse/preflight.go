package greenhouse

import (
	"context"
	"fmt"
	"net/url"
	"strconv"

	"github.com/jobsync/jobsync/ats"
)

var _ ats.Preflighter = (*Board)(nil)

// Preflight checks, reading only, what the writes of plan p need beyond
// the postings: for a create, a template job that exists and has a job post
// to copy; for a create or update, the private job custom field that holds
// the marker (when the account has none, the first write creates it, for
// the whole organisation: a notice). The acting user is checked by List
// already: a token for an unknown user is refused. What it finds is
// remembered, so the writes that follow don't look again.
func (b *Board) Preflight(ctx context.Context, p ats.Plan) ([]ats.Problem, error) {
	s := p.Summary()
	var problems []ats.Problem
	if s.Create > 0 {
		pr, err := b.preflightTemplate(ctx, s.Create)
		if err != nil {
			return nil, err
		}
		problems = append(problems, pr...)
	}
	if s.Create+s.Update > 0 {
		f, found, err := b.findMarkerField(ctx)
		switch {
		case err != nil:
			return nil, err
		case !found:
			problems = append(problems, ats.Notice(b.name,
				"the first write creates the private job custom field %q (name_key %s) for the whole organisation: it holds jobsync's marker on each job", markerFieldName, markerNameKey))
		case f.ValueType != valueTypeShortText && f.ValueType != valueTypeLongText:
			problems = append(problems, ats.Prerequisite(b.name,
				"job custom field %s is a %s field; jobsync's marker needs short_text or long_text: change its type or remove it in Greenhouse", f.NameKey, f.ValueType))
		}
	}
	return problems, nil
}

// noteTemplate records whether List saw the template job.
func (b *Board) noteTemplate(seen bool) {
	b.fieldMu.Lock()
	defer b.fieldMu.Unlock()
	b.templateSeen, b.listed = seen, true
}

// templateExists reports whether the template job exists: as the last List
// saw it, else by asking.
func (b *Board) templateExists(ctx context.Context) (bool, error) {
	b.fieldMu.Lock()
	seen, listed := b.templateSeen, b.listed
	b.fieldMu.Unlock()
	if listed {
		return seen, nil
	}
	jobs, err := listAll[job](ctx, b.c, routeJobs, url.Values{"ids": {strconv.FormatInt(b.templateID, 10)}})
	if err != nil {
		return false, fmt.Errorf("template job %d: %w", b.templateID, err)
	}
	return len(jobs) > 0, nil
}

// preflightTemplate checks the template job that creates copies.
func (b *Board) preflightTemplate(ctx context.Context, creates int) ([]ats.Problem, error) {
	exists, err := b.templateExists(ctx)
	if err != nil {
		return nil, err
	}
	if !exists {
		return []ats.Problem{ats.Prerequisite(b.name,
			"template job %d does not exist, or these credentials cannot see it, so none of the %d creates can be made: set %s (or template_job_id in the config) to a job to copy",
			b.templateID, creates, ats.EnvVar(b.name, "TEMPLATE_JOB_ID"))}, nil
	}
	ok, err := b.templateHasPost(ctx)
	if err != nil {
		return nil, err
	}
	if !ok {
		return []ats.Problem{ats.Prerequisite(b.name,
			"template job %d has no job post to copy, so none of the %d creates can be made: give it one in Greenhouse", b.templateID, creates)}, nil
	}
	return nil, nil
}
