package ats_test

import (
	"context"
	"errors"
	"runtime"
	"slices"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/jobsync/jobsync/ats"
	"github.com/jobsync/jobsync/ats/atstest"
	"github.com/jobsync/jobsync/posting"
)

// seeded returns a board holding the first n sample postings, as synced.
func seeded(t *testing.T, n int) (*atstest.MemBoard, []posting.Posting) {
	t.Helper()
	m := atstest.NewMemBoard("mem")
	desired := atstest.SamplePostings(n)
	for _, p := range desired {
		if _, err := m.Create(t.Context(), p); err != nil {
			t.Fatal(err)
		}
	}
	return m, desired
}

// planFor lists b and plans desired against it.
func planFor(t *testing.T, b ats.Board, desired []posting.Posting) ats.Plan {
	t.Helper()
	current, err := b.List(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	return ats.NewPlan(b.Name(), desired, current, ats.PlanOptions{})
}

// mixed is a desired set for a board seeded with 6: 0-1 updated, 2-3 kept,
// 4-5 closed, 6-8 created.
func mixed() []posting.Posting {
	return []posting.Posting{
		atstest.SamplePosting(0, 1), atstest.SamplePosting(1, 1),
		atstest.SamplePosting(2, 0), atstest.SamplePosting(3, 0),
		atstest.SamplePosting(6, 0), atstest.SamplePosting(7, 0), atstest.SamplePosting(8, 0),
	}
}

func methods(calls []atstest.Call) []string {
	var out []string
	for _, c := range calls {
		out = append(out, c.Method)
	}
	return out
}

func TestPlanningDoesNotWrite(t *testing.T) {
	t.Parallel()
	m, _ := seeded(t, 6)
	m.AddUnowned("Chef")
	before := len(m.Calls())
	p := planFor(t, m, mixed())
	if s := p.Summary(); s.Create == 0 || s.Update == 0 || s.Close == 0 {
		t.Fatalf("the plan should write: %+v", s)
	}
	if got := methods(m.Calls()[before:]); !slices.Equal(got, []string{"List"}) {
		t.Errorf("planning called %v, want only List", got)
	}
}

func TestApplyOrderAndConvergence(t *testing.T) {
	t.Parallel()
	m, _ := seeded(t, 6)
	before := len(m.Calls())
	desired := mixed()
	var progress atomic.Int64
	res := ats.Apply(t.Context(), m, planFor(t, m, desired), ats.ApplyOptions{OnResult: func(ats.ActionResult) { progress.Add(1) }})
	if err := res.Err(); err != nil {
		t.Fatal(err)
	}
	calls := methods(m.Calls()[before+1:]) // after the plan's List
	firstClose := slices.Index(calls, "Close")
	if firstClose < 0 || slices.ContainsFunc(calls[firstClose:], func(c string) bool { return c != "Close" }) {
		t.Errorf("calls %v: want every create and update before the first close", calls)
	}
	if len(calls) != 7 || progress.Load() != 7 || len(res.Results) != 7 || res.Interrupted {
		t.Errorf("%d calls %v, %d progress calls, %d results, interrupted %t; want 7 writes", len(calls), calls, progress.Load(), len(res.Results), res.Interrupted)
	}
	for _, r := range res.Results {
		if r.Err != nil || r.Remote.ID == "" || (r.Action.Op == ats.OpClose) == r.Remote.Open {
			t.Errorf("%s %s: remote %+v, err %v", r.Action.Op, r.Action.Key, r.Remote, r.Err)
		}
	}
	if p := planFor(t, m, desired); p.HasChanges() {
		t.Errorf("a second plan is not empty: %q", short(p.Actions))
	}
}

func TestApplyFailedWriteHoldsClosesBack(t *testing.T) {
	t.Parallel()
	for _, op := range []ats.Op{ats.OpCreate, ats.OpUpdate} {
		t.Run(string(op), func(t *testing.T) {
			t.Parallel()
			m, _ := seeded(t, 6)
			desired := mixed()
			bad := desired[0].Key // updated
			if op == ats.OpCreate {
				bad = desired[4].Key
			}
			h := &hooked{Board: m,
				create: func(_ context.Context, p posting.Posting) (ats.Remote, error) {
					if p.Key == bad {
						return ats.Remote{}, errBoom
					}
					return ats.Remote{}, errPass
				},
				update: func(_ context.Context, _ string, p posting.Posting) (ats.Remote, error) {
					if p.Key == bad {
						return ats.Remote{}, errBoom
					}
					return ats.Remote{}, errPass
				},
			}
			res := ats.Apply(t.Context(), h, planFor(t, m, desired), ats.ApplyOptions{})
			for _, c := range h.Calls() {
				if strings.HasPrefix(c, "close") {
					t.Errorf("%s after a failed %s", c, op)
				}
			}
			done, failed, skipped := 0, 0, 0
			for _, r := range res.Results {
				switch {
				case r.Err == nil:
					done++
				case errors.Is(r.Err, ats.ErrSkipped):
					skipped++
					if r.Action.Op != ats.OpClose {
						t.Errorf("%s %s skipped", r.Action.Op, r.Action.Key)
					}
				default:
					failed++
					if r.Action.Key != bad || !errors.Is(r.Err, errBoom) {
						t.Errorf("%s %s: %v", r.Action.Op, r.Action.Key, r.Err)
					}
				}
			}
			if done != 4 || failed != 1 || skipped != 2 {
				t.Errorf("done %d, failed %d, skipped %d; want 4, 1, 2 (the other writes go on)", done, failed, skipped)
			}
			err := res.Err()
			if !errors.Is(err, errBoom) || !errors.Is(err, ats.ErrSkipped) || !strings.Contains(err.Error(), "board mem") {
				t.Errorf("Err() = %v", err)
			}
			if res.Interrupted {
				t.Error("interrupted")
			}
		})
	}
}

func TestApplyInterrupted(t *testing.T) {
	t.Parallel()
	m, _ := seeded(t, 2)
	desired := atstest.SamplePostings(12)[2:] // 10 creates, after which 0-1 would close
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	writes := 0
	h := &hooked{Board: m, create: func(context.Context, posting.Posting) (ats.Remote, error) {
		if writes++; writes == 3 {
			cancel() // Ctrl-C while the third create is in flight
		}
		return ats.Remote{}, errPass
	}}
	var results atomic.Int64
	res := ats.Apply(ctx, h, planFor(t, m, desired), ats.ApplyOptions{Concurrency: 1, OnResult: func(ats.ActionResult) { results.Add(1) }})
	if !res.Interrupted {
		t.Error("not marked interrupted")
	}
	if got := h.Calls(); len(got) != 3 {
		t.Errorf("calls %v, want the 3 creates started before the interrupt", got)
	}
	done, skipped := 0, 0
	for _, r := range res.Results {
		switch {
		case r.Err == nil:
			done++
		case errors.Is(r.Err, ats.ErrSkipped):
			skipped++
		}
	}
	// The third create was in flight: it fails on the cancelled context or
	// finishes; either way it is reported, and nothing after it starts.
	if done < 2 || skipped != 7+2 || len(res.Results) != 12 || results.Load() != 12 {
		t.Errorf("done %d, skipped %d, results %d, progress %d; want 2 or 3 done, 9 skipped of 12", done, skipped, len(res.Results), results.Load())
	}
	if err := res.Err(); !errors.Is(err, context.Canceled) || !errors.Is(err, ats.ErrSkipped) {
		t.Errorf("Err() = %v, want one wrapping context.Canceled and ErrSkipped", err)
	}
}

// A write in flight when the run is interrupted finishes: Ctrl-C stops
// between writes.
func TestApplyInterruptLetsTheWriteInFlightFinish(t *testing.T) {
	t.Parallel()
	m, _ := seeded(t, 0)
	desired := atstest.SamplePostings(5)
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	var sawCancelled atomic.Bool
	h := &hooked{Board: m, create: func(wctx context.Context, p posting.Posting) (ats.Remote, error) {
		cancel() // Ctrl-C while this create is in flight
		if wctx.Err() != nil {
			sawCancelled.Store(true)
		}
		return m.Create(wctx, p)
	}}
	res := ats.Apply(ctx, h, planFor(t, m, desired), ats.ApplyOptions{Concurrency: 1})
	if sawCancelled.Load() {
		t.Error("the write in flight saw the interrupt")
	}
	if !res.Interrupted || len(h.Calls()) != 1 || res.Results[0].Err != nil {
		t.Errorf("interrupted %t, %d calls, first result %v; want the one create in flight done, nothing after", res.Interrupted, len(h.Calls()), res.Results[0].Err)
	}
}

func TestApplyCancelledBeforeStart(t *testing.T) {
	t.Parallel()
	m, _ := seeded(t, 2)
	p := planFor(t, m, atstest.SamplePostings(4)[1:]) // a close, two creates
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	before := m.WriteCalls()
	res := ats.Apply(ctx, m, p, ats.ApplyOptions{})
	if n := m.WriteCalls() - before; n != 0 || !res.Interrupted || len(res.Results) != 3 {
		t.Errorf("%d writes, interrupted %t, %d results; want 0, true, 3", n, res.Interrupted, len(res.Results))
	}
	for _, r := range res.Results {
		if !errors.Is(r.Err, ats.ErrSkipped) {
			t.Errorf("%s %s: %v, want skipped", r.Action.Op, r.Action.Key, r.Err)
		}
	}
}

func TestApplyDriftIsNotWritten(t *testing.T) {
	t.Parallel()
	m, desired := seeded(t, 2)
	rs, _ := m.List(t.Context())
	m.EditText(rs[0].ID, "Edited by hand")
	p := planFor(t, m, append(desired, atstest.SamplePosting(2, 0)))
	before := m.WriteCalls()
	res := ats.Apply(t.Context(), m, p, ats.ApplyOptions{})
	if got := m.WriteCalls() - before; got != 1 {
		t.Errorf("%d writes, want 1 (the create)", got)
	}
	err := res.Err()
	if !errors.Is(err, ats.ErrDrift) || errors.Is(err, ats.ErrSkipped) {
		t.Errorf("Err() = %v, want one wrapping ErrDrift only", err)
	}
	if n := len(res.Results); n != 2 || res.Results[1].Action.Op != ats.OpDrift {
		t.Errorf("results %+v, want the create then the drift", res.Results)
	}
}

// TestApplyConcurrencyBound holds every write until the test lets it go, and
// counts the most in flight at once.
func TestApplyConcurrencyBound(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name      string
		opt, conc int // ApplyOptions.Concurrency, MemBoard.MaxConcurrency
		want      int
	}{
		{"option", 3, 8, 3},
		{"board", 0, 5, 5},
		{"one", 1, 8, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			const n = 20
			m := atstest.NewMemBoard("mem")
			m.SetMaxConcurrency(tc.conc)
			entered := make(chan struct{}, n)
			release := make(chan struct{})
			var inFlight, most atomic.Int64
			h := &hooked{Board: m, create: func(context.Context, posting.Posting) (ats.Remote, error) {
				now := inFlight.Add(1)
				for old := most.Load(); now > old && !most.CompareAndSwap(old, now); old = most.Load() {
				}
				entered <- struct{}{}
				<-release
				inFlight.Add(-1)
				return ats.Remote{}, errPass
			}}
			b := concurrent{h, m}
			done := make(chan ats.Result)
			go func() {
				done <- ats.Apply(t.Context(), b, ats.NewPlan("mem", atstest.SamplePostings(n), nil, ats.PlanOptions{}), ats.ApplyOptions{Concurrency: tc.opt})
			}()
			for in, out := 0, 0; out < n; {
				if in-out < tc.want && in < n {
					<-entered
					in++
				} else {
					// Give an engine that ignores its bound the chance to
					// start more writes before one finishes. A correct
					// engine passes however the goroutines are scheduled.
					for range 100 {
						runtime.Gosched()
					}
					release <- struct{}{}
					out++
				}
			}
			if err := (<-done).Err(); err != nil {
				t.Fatal(err)
			}
			if got := most.Load(); got != int64(tc.want) {
				t.Errorf("at most %d writes in flight, want %d", got, tc.want)
			}
		})
	}
}

// concurrent passes the MemBoard's MaxConcurrency through a hooked board.
type concurrent struct {
	*hooked
	m *atstest.MemBoard
}

func (c concurrent) MaxConcurrency() int { return c.m.MaxConcurrency() }
