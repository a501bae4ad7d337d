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
// company description is never written. m is the marker to write (see
// marker).
func (b *Board) patchOps(p posting.Posting, field string, m ats.Marker) []apiPatchOp {
	a := layout(p)
	desc, quals, more := a.sections()
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

// marker is the marker of a job jobsync writes from p: the fingerprint of
// its text and of its location (fa=, see locationKey). Its state is the
// caller's to set.
func (b *Board) marker(p posting.Posting) ats.Marker {
	a := layout(p)
	m := ats.NewMarker(p, fingerprint(p.Title, a.Description, a.Qualifications, a.Additional))
	m.Attrs = ats.AttrFingerprint(locationKeys(b.location(p)), "")
	return m
}

// markerOps is the JSON Patch that sets the marker field alone.
func markerOps(field string, m ats.Marker) []apiPatchOp {
	return []apiPatchOp{{Op: "add", Path: "/properties/-", Value: markerValue(field, m)}}
}
