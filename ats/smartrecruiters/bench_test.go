package smartrecruiters_test

import (
	"context"
	"testing"

	"github.com/jobsync/jobsync/ats/atstest"
	"github.com/jobsync/jobsync/ats/smartrecruiters"
	"github.com/jobsync/jobsync/ats/smartrecruiters/smartrecruiterssim"
)

// BenchmarkRequests reports what a sync costs in requests (counted by the
// simulator's recorder) beside the floor: a no-op sync, per create and per
// update of 20 postings. See TestRequestCounts for the floors and why.
func BenchmarkRequests(b *testing.B) {
	var got atstest.Requests
	for b.Loop() {
		sim := fastSim(smartrecruiterssim.Options{Empty: true})
		board := newBoard(b, sim, true, smartrecruiters.Options{})
		var err error
		if got, err = atstest.CountRequests(context.Background(), board, func() int { return len(sim.Requests()) }, 20); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(got.Noop), "noop-requests")
	b.ReportMetric(got.Create, "requests/create")
	b.ReportMetric(got.Update, "requests/update")
	b.ReportMetric(1, "floor/update")
}
