package smartrecruiters_test

import (
	"testing"

	"github.com/jobsync/jobsync/ats"
	"github.com/jobsync/jobsync/ats/atstest"
	"github.com/jobsync/jobsync/ats/smartrecruiters"
	"github.com/jobsync/jobsync/ats/smartrecruiters/smartrecruiterssim"
)

// BenchmarkRequests reports what a sync costs in requests (counted by the
// simulator's recorder) beside the floor: a no-op sync, per create and per
// update of 20 postings. See TestRequestCounts for the floors and why.
func BenchmarkRequests(b *testing.B) {
	atstest.BenchmarkRequests(b, 1, func(tb testing.TB) (ats.Board, func() int) {
		sim := fastSim(smartrecruiterssim.Options{Empty: true})
		return newBoard(tb, sim, true, smartrecruiters.Options{}), func() int { return len(sim.Requests()) }
	})
}
