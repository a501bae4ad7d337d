package ats_test

import (
	"strconv"
	"testing"

	"github.com/jobsync/jobsync/ats"
	"github.com/jobsync/jobsync/ats/atstest"
	"github.com/jobsync/jobsync/posting"
)

// planInputs returns n desired postings and a board of n postings against
// them: 10% changed, 5% new (desired, not on the board), 5% gone (on the
// board, not desired), and n/10 unowned postings.
func planInputs(n int) ([]posting.Posting, []ats.Remote) {
	gone := n / 20
	desired := make([]posting.Posting, n)
	for i := range desired {
		desired[i] = atstest.SamplePosting(i, 0)
	}
	current := make([]ats.Remote, 0, n+n/10)
	for i := gone; i < n+gone; i++ { // 0..gone-1 are new; n..n+gone-1 are gone
		p := atstest.SamplePosting(i, 0)
		if i%10 == 5 {
			p = atstest.SamplePosting(i, 1) // the board has another revision
		}
		current = append(current, remoteOf(p, strconv.Itoa(1000+i), true))
	}
	for i := range n / 10 {
		current = append(current, unowned(strconv.Itoa(100000+i), "Hand-made posting "+strconv.Itoa(i), true))
	}
	return desired, current
}

func BenchmarkPlan10k(b *testing.B) {
	desired, current := planInputs(10_000)
	b.ReportAllocs()
	var p ats.Plan
	for b.Loop() {
		p = ats.NewPlan("bench", desired, current, ats.PlanOptions{})
	}
	s := p.Summary()
	if s.Create != 500 || s.Close != 500 || s.Update != 950 || s.Unchanged != 8550 {
		b.Fatalf("summary %+v", s)
	}
	b.ReportMetric(float64(s.Update), "updates")
}

// BenchmarkPlan10kUnchanged is BenchmarkPlan10k with every posting as
// desired: the cost of the plan without its diffs.
func BenchmarkPlan10kUnchanged(b *testing.B) {
	desired := make([]posting.Posting, 10_000)
	current := make([]ats.Remote, len(desired))
	for i := range desired {
		desired[i] = atstest.SamplePosting(i, 0)
		current[i] = remoteOf(desired[i], strconv.Itoa(1000+i), true)
	}
	b.ReportAllocs()
	for b.Loop() {
		ats.NewPlan("bench", desired, current, ats.PlanOptions{})
	}
}

func BenchmarkApply1k(b *testing.B) {
	desired, _ := planInputs(1_000)
	b.ReportAllocs()
	for b.Loop() {
		b.StopTimer()
		m := atstest.NewMemBoard("bench")
		p := ats.NewPlan("bench", desired, nil, ats.PlanOptions{})
		b.StartTimer()
		if err := ats.Apply(b.Context(), m, p, ats.ApplyOptions{}).Err(); err != nil {
			b.Fatal(err)
		}
	}
}
