package smartrecruiters

import (
	"github.com/jobsync/jobsync/ats"
	"github.com/jobsync/jobsync/posting"
)

// patchOps is the JSON Patch (sent as patchContentType, see client.go)
// that brings a job to p. Every op is an add, which sets a member whether
// or not it is there, and a null value deletes it ("null value indicates
// property deletion"; a nil section or pay encodes as null), so that sending the same patch again, after a lost
// answer, writes the same job. add /properties/- sets one property by its
// id, as the reference page's "Upsert Free Text Property" example does.
// Function, industry and type of employment are set at creation only; the
// company description is never written. The marker continues old, the
// job's, bound to the job id.
func (b *Board) patchOps(p posting.Posting, field string, old ats.Marker, id string) []apiPatchOp {
	a := layout(p)
	desc, quals, more := a.sections()
	m := ats.NewMarker(p, fingerprint(p.Title, a.Description, a.Qualifications, a.Additional)).Continuing(old).Bound(id)
	return []apiPatchOp{
		{Op: "add", Path: "/title", Value: p.Title},
		{Op: "add", Path: "/jobAd/sections/jobDescription", Value: desc},
		{Op: "add", Path: "/jobAd/sections/qualifications", Value: quals},
		{Op: "add", Path: "/jobAd/sections/additionalInformation", Value: more},
		{Op: "add", Path: "/experienceLevel", Value: apiRef{ID: experienceLevel(p.Title, b.o.ExperienceLevel)}},
		{Op: "add", Path: "/location", Value: b.location(p)},
		{Op: "add", Path: "/compensation", Value: compensation(p)},
		{Op: "add", Path: "/properties/-", Value: markerValue(field, m)},
	}
}
