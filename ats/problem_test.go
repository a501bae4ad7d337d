package ats_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/jobsync/jobsync/ats"
	"github.com/jobsync/jobsync/ats/atstest"
)

// preflighted is a MemBoard whose Preflight returns problems for plans
// with creates, and records the plans it saw.
type preflighted struct {
	*atstest.MemBoard
	problems []ats.Problem
	seen     []ats.Plan
}

func (p *preflighted) Preflight(_ context.Context, pl ats.Plan) ([]ats.Problem, error) {
	p.seen = append(p.seen, pl)
	if pl.Summary().Create == 0 {
		return nil, nil
	}
	return append([]ats.Problem(nil), p.problems...), nil
}

// A prerequisite Preflight finds is known in Start, before any write:
// Problems shows it with its board, Check refuses with ErrPrerequisite, and
// Apply writes nothing. A notice refuses nothing.
func TestPreflightRefusesBeforeAnyWrite(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name    string
		problem ats.Problem
		refuse  bool
	}{
		{"prerequisite", ats.Prerequisite("", "template job 4001 does not exist: set TEMPLATE_JOB_ID"), true},
		{"notice", ats.Notice("", "the first write creates the marker field"), false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			b := &preflighted{MemBoard: atstest.NewMemBoard("gh"), problems: []ats.Problem{tc.problem}}
			r, err := ats.Start(t.Context(), ats.Targets(b), atstest.SamplePostings(3), ats.RunOptions{Write: true})
			if err != nil {
				t.Fatal(err)
			}
			defer r.Close()
			if len(b.seen) != 1 || b.seen[0].Summary().Create != 3 {
				t.Fatalf("Preflight saw %d plans, want the one with 3 creates", len(b.seen))
			}
			ps := r.Problems()
			if len(ps) != 1 || ps[0].Board != "gh" || ps[0].Message != tc.problem.Message {
				t.Fatalf("Problems = %+v, want the one found, on board gh", ps)
			}
			check := r.Check()
			if got := errors.Is(check, ats.ErrPrerequisite); got != tc.refuse {
				t.Fatalf("Check = %v; refuses %t, want %t", check, got, tc.refuse)
			}
			results, err := r.Apply(t.Context(), ats.ApplyOptions{})
			if tc.refuse {
				if err == nil || !strings.Contains(err.Error(), "board gh: template job 4001") || results != nil {
					t.Errorf("Apply = %v, %v; want the refusal naming the board", results, err)
				}
				if n := b.WriteCalls(); n != 0 {
					t.Errorf("%d writes after a refused preflight", n)
				}
				return
			}
			if err != nil || b.WriteCalls() != 3 {
				t.Errorf("Apply: %v, %d writes; want 3 creates", err, b.WriteCalls())
			}
		})
	}
}

// A failed Preflight read fails Start, naming the board.
func TestPreflightReadFailureFailsStart(t *testing.T) {
	t.Parallel()
	b := &failingPreflight{MemBoard: atstest.NewMemBoard("gh")}
	_, err := ats.Start(t.Context(), ats.Targets(b), atstest.SamplePostings(1), ats.RunOptions{})
	if err == nil || !strings.Contains(err.Error(), "board gh: preflight: 503") {
		t.Fatalf("Start = %v, want the preflight's error naming the board", err)
	}
}

type failingPreflight struct{ *atstest.MemBoard }

func (failingPreflight) Preflight(context.Context, ats.Plan) ([]ats.Problem, error) {
	return nil, errors.New("503")
}

// Drift is known in Start: Run.LeftAlone reports what Apply's Results will.
func TestRunDriftMatchesApply(t *testing.T) {
	t.Parallel()
	b := atstest.NewMemBoard("m")
	desired := atstest.SamplePostings(2)
	if _, err := ats.Sync(t.Context(), ats.Targets(b), desired, ats.RunOptions{}, ats.ApplyOptions{}); err != nil {
		t.Fatal(err)
	}
	rs, _ := b.List(t.Context())
	b.EditText(rs[0].ID, "edited by hand")
	r, err := ats.Start(t.Context(), ats.Targets(b), desired, ats.RunOptions{Write: true})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	drift := r.LeftAlone()
	if !errors.Is(drift, ats.ErrDrift) || r.Check() != nil {
		t.Fatalf("Drift = %v, Check = %v; want drift and no refusal", drift, r.Check())
	}
	results, err := r.Apply(t.Context(), ats.ApplyOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if got := results[0].Err(); got == nil || got.Error() != drift.Error() {
		t.Errorf("Apply reports %v, Drift said %v", got, drift)
	}
}
