package posting

import (
	"slices"
	"testing"
)

func TestComposeOverlapMerges(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name       string
		openings   []Opening
		wantKeys   []string
		wantBoards [][]string
	}{
		{
			name: "identical openings on different boards merge",
			openings: []Opening{
				{Family: "widget-engineer", Level: "*", Specialty: "Gears", Locations: []string{"Remote"}, Boards: []string{"local"}},
				{Family: "widget-engineer", Level: "Senior Widget Engineer", Specialty: "Gears", Locations: []string{"Remote"}, Boards: []string{"greenhouse", "local"}},
			},
			wantKeys: []string{
				"widget-engineer/widget-engineer/gears",
				"widget-engineer/senior-widget-engineer/gears",
				"widget-engineer/staff-widget-engineer/gears",
			},
			wantBoards: [][]string{{"local"}, {"local", "greenhouse"}, {"local"}},
		},
		{
			name: "merging with every board gives every board",
			openings: []Opening{
				{Family: "widget-engineer", Level: "Staff Widget Engineer", Boards: []string{"lever"}},
				{Family: "widget-engineer", Level: "Staff Widget Engineer"},
			},
			wantKeys:   []string{"widget-engineer/staff-widget-engineer"},
			wantBoards: [][]string{nil},
		},
		{
			name: "different postings on different boards stay apart",
			openings: []Opening{
				{Family: "widget-engineer", Level: "Staff Widget Engineer", Locations: []string{"Remote"}, Boards: []string{"local"}},
				{Family: "widget-engineer", Level: "Staff Widget Engineer", Locations: []string{"Berlin"}, Boards: []string{"greenhouse", "greenhouse"}},
			},
			wantKeys:   []string{"widget-engineer/staff-widget-engineer", "widget-engineer/staff-widget-engineer"},
			wantBoards: [][]string{{"local"}, {"greenhouse"}},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got, err := Compose([]Family{widgetFamily()}, tc.openings, ComposeOptions{})
			if err != nil {
				t.Fatalf("Compose: %v", err)
			}
			if keys := keysOf(got); !slices.Equal(keys, tc.wantKeys) {
				t.Fatalf("keys = %q, want %q", keys, tc.wantKeys)
			}
			for i, p := range got {
				if !slices.Equal(p.Boards, tc.wantBoards[i]) {
					t.Errorf("%s: boards = %q, want %q", p.Key, p.Boards, tc.wantBoards[i])
				}
			}
		})
	}
}
