package greenhouse

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/jobsync/jobsync/ats"
	"github.com/jobsync/jobsync/ats/greenhouse/greenhousesim"
)

// writes counts the requests that are not reads.
func writes(rs []greenhousesim.Request) int {
	n := 0
	for _, r := range rs {
		if r.Method != http.MethodGet {
			n++
		}
	}
	return n
}

// A plan's preflight finds, reading only, what its sync would need: a
// template job that exists, the marker field the first write creates; once
// the field exists there is nothing to say.
func TestPreflight(t *testing.T) {
	t.Parallel()
	e := setup(t, greenhousesim.Options{RateLimit: 100000}, nil)
	missing := setup(t, greenhousesim.Options{RateLimit: 100000}, func(o *Options) { o.TemplateJobID = 424242 })
	postless := setup(t, greenhousesim.Options{RateLimit: 100000}, nil)
	postless.board.templateID = postless.sim.AddTemplateJob("Sales job template")
	noPost := fmt.Sprintf("error: template job %d has no job post to copy, so none of the 3 creates can be made", postless.board.templateID)
	creates := ats.NewPlan("greenhouse", samples(3), nil, ats.PlanOptions{})

	for _, tc := range []struct {
		name   string
		env    *env
		plan   ats.Plan
		want   []string // each problem's severity and a part of its message
		reads  int
		refuse bool
	}{
		{"nothing to write", e, ats.Plan{Board: "greenhouse"}, nil, 0, false},
		{"creates, no marker field yet", e, creates, []string{"notice: the first write creates the private job custom field \"jobsync marker\""}, 3, false},
		{"template job missing", missing, creates, []string{
			"error: template job 424242 does not exist, or these credentials cannot see it, so none of the 3 creates can be made: set JOBSYNC_GREENHOUSE_TEMPLATE_JOB_ID",
			"notice: the first write creates"}, 2, true},
		{"template job without a post", postless, creates, []string{
			noPost,
			"notice: the first write creates"}, 3, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tc.env.sim.ResetStats()
			ps, err := tc.env.board.Preflight(t.Context(), tc.plan)
			if err != nil {
				t.Fatal(err)
			}
			if len(ps) != len(tc.want) {
				t.Fatalf("problems %+v, want %d", ps, len(tc.want))
			}
			refuses := false
			for i, p := range ps {
				got := string(p.Severity) + ": " + p.Message
				if !strings.HasPrefix(got, tc.want[i]) {
					t.Errorf("problem %d: %q, want it to start %q", i, got, tc.want[i])
				}
				refuses = refuses || p.Refuses()
			}
			if refuses != tc.refuse {
				t.Errorf("refuses %t, want %t", refuses, tc.refuse)
			}
			log := tc.env.sim.RequestLog()
			if writes(log) != 0 || len(log) != tc.reads {
				t.Errorf("%d requests (%d writes), want %d reads", len(log), writes(log), tc.reads)
			}
		})
	}

	// After the first sync the field exists and the template was checked:
	// the next plan's preflight says nothing, and asks nothing.
	if _, err := ats.Sync(t.Context(), ats.Targets(e.board), samples(1), ats.RunOptions{}, ats.ApplyOptions{}); err != nil {
		t.Fatal(err)
	}
	e.sim.ResetStats()
	if ps, err := e.board.Preflight(t.Context(), creates); err != nil || len(ps) != 0 {
		t.Errorf("after a sync: %+v, %v; want nothing", ps, err)
	}
	if n := e.sim.Requests(); n != 0 {
		t.Errorf("after a sync: %d requests, want none (what List saw, what the writes found)", n)
	}
}
