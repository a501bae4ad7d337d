package greenhouse

import (
	"context"
	"fmt"
	"testing"

	"github.com/jobsync/jobsync/ats"
	"github.com/jobsync/jobsync/ats/greenhouse/greenhousesim"
)

// TestFaultySyncsMakeNoDuplicateJobs syncs through the engine while 30% of
// calls fail (lost answers to POST /jobs included) until a plan is empty,
// then counts the jobs in the account itself: one per posting key.
func TestFaultySyncsMakeNoDuplicateJobs(t *testing.T) {
	t.Parallel()
	for _, seed := range []int64{5, 11} {
		t.Run(fmt.Sprintf("seed=%d", seed), func(t *testing.T) {
			t.Parallel()
			ctx := context.Background()
			e := setup(t, greenhousesim.Options{RateLimit: 1_000_000}, nil)
			desired := samples(20)
			e.sim.SetFaults(0.3, seed)
			// Which call draws which fault depends on goroutine timing (List
			// reads jobs and posts at once), so make sure one create loses
			// its answer whatever the draws.
			e.sim.LoseNextResponse("POST", "/v3/jobs", seed%2 == 0)
			done := false
			for round := 0; round < 40 && !done; round++ {
				plans, _ := ats.Sync(ctx, ats.Targets(e.board), desired, ats.RunOptions{Guards: ats.DefaultGuards()}, ats.ApplyOptions{})
				done = len(plans) == 1 && !plans[0].HasChanges() // failures are retried by the next round
			}
			e.sim.SetFaults(0, 0)
			if !done {
				t.Fatal("the syncs did not converge")
			}
			lost := e.sim.LostResponses()
			t.Logf("lost answers: %v", lost)
			if lost["POST /v3/jobs"] == 0 {
				t.Error("no create lost its answer; choose another seed")
			}
			jobs := e.taggedJobs()
			for _, p := range desired {
				if jobs[p.Key] != 1 {
					t.Errorf("%s: %d jobs, want 1", p.Key, jobs[p.Key])
				}
			}
			if len(jobs) != len(desired) {
				t.Errorf("%d tagged jobs, want %d", len(jobs), len(desired))
			}
			plan := ats.NewPlan(e.board.Name(), desired, e.mustList(t), ats.PlanOptions{})
			if plan.HasChanges() {
				t.Errorf("a plan after converging has changes: %+v", plan.Summary())
			}
		})
	}
}
