package main

import (
	"encoding/json"
	"sync"
	"testing"
	"time"

	"github.com/jobsync/jobsync/ats"
	"github.com/jobsync/jobsync/ats/greenhouse/greenhousesim"
	"github.com/jobsync/jobsync/ats/lever/leversim"
	"github.com/jobsync/jobsync/ats/smartrecruiters/smartrecruiterssim"
)

// Issue 10: two `jobsync sync` runs of one config started together
// against one simulator, each with its own client as two processes have.
// No run exits 0 having left a duplicate; after both, plus one more sync,
// the board holds one open posting per key and the plan is empty.
func TestTwoSyncsAtOnce(t *testing.T) {
	for _, tc := range []struct {
		name   string
		sim    ats.Simulator
		config func(t *testing.T) string
	}{
		{"greenhouse", greenhousesim.New(greenhousesim.Options{RateLimit: 100000, Window: time.Second}),
			func(t *testing.T) string { return exampleConfig(t, "greenhouse.yaml") }},
		{"lever", leversim.New(leversim.Options{Rate: 100000, Burst: 100000}),
			func(t *testing.T) string { return exampleConfig(t, "lever.yaml") }},
		{"smartrecruiters", smartrecruiterssim.New(smartrecruiterssim.Options{RateLimit: 100000, PublicationLimit: 100000}),
			func(t *testing.T) string {
				c, _ := boardWorkspace(t, "smartrecruiters", simBoards["smartrecruiters"].config)
				return c
			}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			setSimEnv(t, tc.sim)
			config := tc.config(t)
			codes := make([]int, 2)
			var wg sync.WaitGroup
			for i := range codes {
				wg.Go(func() { codes[i], _, _ = cli(t, nil, "sync", "--config", config) })
			}
			wg.Wait()
			summary := func() ats.Summary {
				t.Helper()
				_, out, errs := cli(t, nil, "plan", "--config", config, "--format", "json")
				var p struct{ Summary ats.Summary }
				if err := json.Unmarshal([]byte(out), &p); err != nil {
					t.Fatalf("plan: %v\n%s", err, errs)
				}
				return p.Summary
			}
			s := summary()
			if codes[0] == exitOK && codes[1] == exitOK && (s.Close > 0 || s.Create > 0) {
				t.Errorf("both runs exited 0, and the plan after them is %+v: duplicates left behind", s)
			}
			t.Logf("exit codes %v; the plan after both: %+v; postings made: %d for 32 keys", codes, s, made(tc.sim))
			if code, _, errs := cli(t, nil, "sync", "--config", config); code != exitOK {
				t.Fatalf("the sync after both: exit %d\n%s", code, errs)
			}
			if s := summary(); s.Create+s.Update+s.Close+s.Drift+s.Conflict != 0 || s.Unchanged != 32 {
				t.Errorf("after one more sync: %+v, want 32 unchanged and nothing to do", s)
			}
		})
	}
}

// made counts the postings on a simulator that people did not make.
func made(sim ats.Simulator) int {
	n := 0
	switch s := sim.(type) {
	case *leversim.Server:
		for _, p := range s.Postings() {
			if p.User == s.PerformAs() {
				n++
			}
		}
	case *greenhousesim.Server:
		n = len(s.Jobs())
	case *smartrecruiterssim.Server:
		n = len(s.Jobs())
	}
	return n
}
