package ats_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/jobsync/jobsync/ats"
)

// closing is a plan of board that closes n of its owned open postings.
func closing(board string, n, owned int) ats.Plan {
	p := ats.Plan{Board: board, Owned: owned}
	for range n {
		p.Actions = append(p.Actions, ats.Action{Board: board, Op: ats.OpClose})
	}
	for range owned - n {
		p.Actions = append(p.Actions, ats.Action{Board: board, Op: ats.OpUnchanged})
	}
	return p
}

func TestCheckGuards(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name   string
		plans  []ats.Plan
		guards ats.Guards
		want   []string // substrings of the error; nil: no error
	}{
		{name: "no plans"},
		{name: "no closes", plans: []ats.Plan{closing("gh", 0, 10)}},
		{name: "25% exactly is allowed", plans: []ats.Plan{closing("gh", 4, 16)}},
		{name: "over 25% and over 3 is refused", plans: []ats.Plan{closing("gh", 4, 15)}, want: []string{"board gh", "closes 4 of 15", "27%"}},
		{name: "3 is allowed whatever the share", plans: []ats.Plan{closing("gh", 3, 3)}},
		{name: "all of 4 is refused", plans: []ats.Plan{closing("gh", 4, 4)}, want: []string{"board gh", "closes 4 of 4"}},
		{name: "allowed explicitly", plans: []ats.Plan{closing("gh", 4, 4)}, guards: ats.Guards{AllowMassClose: true}},
		{name: "zero guards are the strictest", plans: []ats.Plan{closing("gh", 4, 15)}, guards: ats.Guards{}, want: []string{"board gh"}},
		{name: "zero guards refuse a single close", plans: []ats.Plan{closing("gh", 1, 100)}, guards: ats.Guards{}, want: []string{"board gh", "closes 1 of 100"}},
		{name: "negative guards are zero", plans: []ats.Plan{closing("gh", 1, 100)}, guards: ats.Guards{MaxClosePercent: -5, MaxCloseCount: -1}, want: []string{"closes 1 of 100"}},
		{name: "custom limits allow", plans: []ats.Plan{closing("gh", 2, 4)}, guards: ats.Guards{MaxClosePercent: 50, MaxCloseCount: 1}},
		{name: "custom limits refuse", plans: []ats.Plan{closing("gh", 3, 4)}, guards: ats.Guards{MaxClosePercent: 50, MaxCloseCount: 1}, want: []string{"closes 3 of 4"}},
		{
			name:  "every refused board is named",
			plans: []ats.Plan{closing("gh", 5, 5), closing("local", 1, 10), closing("lever", 10, 20)},
			want:  []string{"board gh", "board lever"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			g := tc.guards
			if g == (ats.Guards{}) && !strings.HasPrefix(tc.name, "zero") {
				g = ats.DefaultGuards()
			}
			err := ats.CheckGuards(tc.plans, g)
			if tc.want == nil {
				if err != nil {
					t.Fatalf("error %v, want none", err)
				}
				return
			}
			if !errors.Is(err, ats.ErrMassClose) {
				t.Fatalf("error %v, want one wrapping ErrMassClose", err)
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q lacks %q", err, w)
				}
			}
			if strings.Contains(err.Error(), "board local") {
				t.Errorf("error %q names a board within its limits", err)
			}
		})
	}
}
