package posting

import (
	"slices"
	"strings"
	"testing"
)

func TestPerLocation(t *testing.T) {
	t.Parallel()
	yes, no := true, false
	base := "widget-engineer/senior-widget-engineer/gears"
	opening := func(per *bool, boards []string, locs ...string) Opening {
		return Opening{Family: "widget-engineer", Level: "Senior Widget Engineer", Specialty: "Gears", Locations: locs, PerLocation: per, Boards: boards}
	}
	type post struct{ key, boards, locs string }
	tests := []struct {
		name    string
		opening Opening
		opts    ComposeOptions
		want    []post
	}{
		{name: "off: one posting", opening: opening(nil, nil, "Denver, CO", "Remote, US"),
			want: []post{{base, "", "Denver, CO;Remote, US"}}},
		{name: "on: one per location", opening: opening(&yes, nil, "Denver, CO", "Remote, US"),
			want: []post{{base + "/denver-co", "", "Denver, CO"}, {base + "/remote-us", "", "Remote, US"}}},
		{name: "a single location keeps its suffix", opening: opening(&yes, nil, "Denver, CO"),
			want: []post{{base + "/denver-co", "", "Denver, CO"}}},
		{name: "board default", opening: opening(nil, nil, "Denver, CO", "Berlin, Germany"),
			opts: ComposeOptions{Boards: []string{"local", "greenhouse"}, PerLocationBoards: []string{"local"}},
			want: []post{{base, "greenhouse", "Denver, CO;Berlin, Germany"}, {base + "/denver-co", "local", "Denver, CO"}, {base + "/berlin-germany", "local", "Berlin, Germany"}}},
		{name: "the opening overrides the board default", opening: opening(&no, nil, "Denver, CO", "Berlin, Germany"),
			opts: ComposeOptions{Boards: []string{"local"}, PerLocationBoards: []string{"local"}},
			want: []post{{base, "", "Denver, CO;Berlin, Germany"}}},
		{name: "board default on the opening's boards only", opening: opening(nil, []string{"local"}, "Denver, CO", "Berlin, Germany"),
			opts: ComposeOptions{Boards: []string{"local", "greenhouse"}, PerLocationBoards: []string{"local"}},
			want: []post{{base + "/denver-co", "local", "Denver, CO"}, {base + "/berlin-germany", "local", "Berlin, Germany"}}},
		{name: "no locations", opening: opening(&yes, nil), want: []post{{base, "", ""}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			ps, err := Compose([]Family{widgetFamily()}, []Opening{tt.opening}, tt.opts)
			if err != nil {
				t.Fatal(err)
			}
			var got []post
			for _, p := range ps {
				got = append(got, post{p.Key, strings.Join(p.Boards, ","), strings.Join(p.Locations, ";")})
				if p.Requisition != base {
					t.Errorf("%s: requisition %q, want %q", p.Key, p.Requisition, base)
				}
				if len(p.Locations) == 1 && strings.Contains(p.Markdown, "Locations:") {
					t.Errorf("%s: the details list several locations", p.Key)
				}
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("postings = %v\nwant %v", got, tt.want)
			}
		})
	}
}

// TestPerLocationKeysStable: adding a location adds one key and keeps the
// others (and their hashes); removing one drops one key.
func TestPerLocationKeysStable(t *testing.T) {
	t.Parallel()
	yes := true
	compose := func(locs ...string) map[string]string {
		o := Opening{Family: "widget-engineer", Level: "*", Specialty: "Gears", Locations: locs, PerLocation: &yes}
		ps, err := Compose([]Family{widgetFamily()}, []Opening{o}, ComposeOptions{})
		if err != nil {
			t.Fatal(err)
		}
		m := map[string]string{}
		for _, p := range ps {
			m[p.Key] = p.Hash
		}
		return m
	}
	two := compose("Denver, CO", "Remote, US")
	three := compose("Denver, CO", "Remote, US", "Toronto, ON")
	one := compose("Remote, US")
	levels := len(two) / 2
	if len(three) != len(two)+levels || len(one) != len(two)-levels {
		t.Fatalf("%d, %d, %d postings", len(one), len(two), len(three))
	}
	for k, h := range two {
		if three[k] != h {
			t.Errorf("adding a location changed %s", k)
		}
	}
	for k, h := range one {
		if two[k] != h {
			t.Errorf("removing a location changed %s", k)
		}
	}
	for k := range three {
		if _, ok := two[k]; !ok && !strings.HasSuffix(k, "/toronto-on") {
			t.Errorf("new key %s", k)
		}
	}
}
