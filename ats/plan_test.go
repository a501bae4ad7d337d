package ats_test

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/jobsync/jobsync/ats"
	"github.com/jobsync/jobsync/ats/atstest"
	"github.com/jobsync/jobsync/posting"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

func TestNewPlan(t *testing.T) {
	t.Parallel()
	s := atstest.SamplePostings(4)
	a, b, c, d := s[0], s[1], s[2], s[3]
	a1 := atstest.SamplePosting(0, 1) // a, revised
	drifted := remoteOf(b, "2", true)
	drifted.Drifted, drifted.Body = true, "Rewritten by hand."
	driftedC := remoteOf(c, "3", true)
	driftedC.Drifted = true
	onOther := c
	onOther.Boards = []string{"other"}
	onBoth := d
	onBoth.Boards = []string{"other", "b"}
	payOnly := a
	payOnly.Pay = &posting.Pay{Min: 1, Max: 2, Currency: "EUR"}
	payOnly.Hash = payOnly.ContentHash()

	for _, tc := range []struct {
		name      string
		desired   []posting.Posting
		current   []ats.Remote
		opts      ats.PlanOptions
		want      []string // short(actions)
		owned     int
		unmanaged int
		others    int
		warnings  []string // substrings, one per warning
	}{
		{name: "empty"},
		{
			name:    "create",
			desired: []posting.Posting{a},
			want:    []string{"create " + a.Key},
		},
		{
			name:      "create beside an unmanaged twin warns",
			desired:   []posting.Posting{a, b},
			current:   []ats.Remote{unowned("77", "  "+strings.ToUpper(a.Title)+" ", true), unowned("78", b.Title, false)},
			want:      []string{"create " + b.Key, "create " + a.Key},
			unmanaged: 2,
			warnings:  []string{"create " + a.Key + ": unmanaged posting 77 has the same title"},
		},
		{
			name:    "unchanged",
			desired: []posting.Posting{a},
			current: []ats.Remote{remoteOf(a, "1", true)},
			want:    []string{"unchanged " + a.Key + " 1"},
			owned:   1,
		},
		{
			name:    "update on a hash change",
			desired: []posting.Posting{a1},
			current: []ats.Remote{remoteOf(a, "1", true)},
			want:    []string{"update " + a.Key + " 1"},
			owned:   1,
		},
		{
			name:    "reopen",
			desired: []posting.Posting{a},
			current: []ats.Remote{remoteOf(a, "1", false)},
			want:    []string{"update " + a.Key + " 1 reopen"},
		},
		{
			name:    "drift",
			desired: []posting.Posting{b},
			current: []ats.Remote{drifted},
			want:    []string{"drift " + b.Key + " 2 edited outside jobsync"},
			owned:   1,
		},
		{
			name:    "drift overwritten",
			desired: []posting.Posting{b},
			current: []ats.Remote{drifted},
			opts:    ats.PlanOptions{OverwriteDrift: true},
			want:    []string{"update " + b.Key + " 2 overwrite edit outside jobsync"},
			owned:   1,
		},
		{
			name:    "close what is no longer desired",
			current: []ats.Remote{remoteOf(a, "1", true), remoteOf(b, "2", false), driftedC},
			want:    []string{"close " + a.Key + " 1", "close " + c.Key + " 3"},
			owned:   2,
		},
		{
			name:      "unowned postings are only counted",
			desired:   []posting.Posting{a},
			current:   []ats.Remote{remoteOf(a, "1", true), unowned("5", "Chef", true), unowned("6", "Barista", false)},
			want:      []string{"unchanged " + a.Key + " 1"},
			owned:     1,
			unmanaged: 2,
		},
		{
			name:    "duplicates: keep an open one, the lowest id, close the other open ones",
			desired: []posting.Posting{a},
			current: []ats.Remote{claimed(a, "10", true), claimed(a, "9", true), claimed(a, "8", false), claimed(a, "11", true)},
			want:    []string{"unchanged " + a.Key + " 9", "close " + a.Key + " 10 duplicate", "close " + a.Key + " 11 duplicate"},
			owned:   3,
		},
		{
			name:    "duplicates all closed: reopen the lowest id",
			desired: []posting.Posting{a},
			current: []ats.Remote{claimed(a, "b7", false), claimed(a, "a9", false)},
			want:    []string{"update " + a.Key + " a9 reopen"},
		},
		{
			name:    "duplicates not desired: close every open one",
			current: []ats.Remote{claimed(a, "3", true), claimed(a, "2", true)},
			want:    []string{"close " + a.Key + " 2", "close " + a.Key + " 3"},
			owned:   2,
		},
		{
			name:    "two markers of before on one key: a conflict, nothing written",
			desired: []posting.Posting{a1},
			current: []ats.Remote{remoteOf(a, "3", true), remoteOf(a, "2", true)},
			want:    []string{"conflict " + a.Key + " 2 " + ats.ReasonClaimed, "conflict " + a.Key + " 3 " + ats.ReasonClaimed},
			owned:   2,
		},
		{
			name:    "one nonce on two postings (a copied marker): a conflict, even not desired",
			current: []ats.Remote{withClaim(remoteOf(a, "3", true), "n=1"), withClaim(remoteOf(a, "2", true), "n=1")},
			want:    []string{"conflict " + a.Key + " 2 " + ats.ReasonClaimed, "conflict " + a.Key + " 3 " + ats.ReasonClaimed},
			owned:   2,
		},
		{
			name:    "an unproved claim beside a proved one: a conflict, with --overwrite-drift too",
			desired: []posting.Posting{a1},
			current: []ats.Remote{claimed(a, "1", true), unproved(remoteOf(a, "2", true))},
			opts:    ats.PlanOptions{OverwriteDrift: true},
			want:    []string{"conflict " + a.Key + " 1 " + ats.ReasonClaimed, "conflict " + a.Key + " 2 " + ats.ReasonUnproved},
			owned:   2,
		},
		{
			name:    "an unproved claim alone: a conflict, no create",
			desired: []posting.Posting{a},
			current: []ats.Remote{unproved(remoteOf(a, "2", false))},
			want:    []string{"conflict " + a.Key + " 2 " + ats.ReasonUnproved},
		},
		{
			name:    "another owner's postings are only counted",
			desired: []posting.Posting{a1},
			current: []ats.Remote{ownedBy(remoteOf(a, "1", true), "team-b"), ownedBy(remoteOf(b, "2", true), "team-b"), remoteOf(c, "3", true)},
			opts:    ats.PlanOptions{Owner: "team-a", DefaultOwner: "acme"},
			want:    []string{"create " + a.Key},
			others:  3,
		},
		{
			name:    "the default owner owns markers that name none",
			desired: []posting.Posting{a1},
			current: []ats.Remote{remoteOf(a, "1", true), ownedBy(remoteOf(b, "2", true), "team-b"), ownedBy(remoteOf(c, "3", true), "acme")},
			opts:    ats.PlanOptions{Owner: "acme", DefaultOwner: "acme"},
			want:    []string{"update " + a.Key + " 1", "close " + c.Key + " 3"},
			owned:   2,
			others:  1,
		},
		{
			name:    "postings for other boards are left out",
			desired: []posting.Posting{onOther, onBoth},
			current: []ats.Remote{remoteOf(c, "1", true)},
			want:    []string{"create " + d.Key, "close " + c.Key + " 1"},
			owned:   1,
		},
		{
			name:     "a key desired twice keeps the first",
			desired:  []posting.Posting{a, a1},
			current:  []ats.Remote{remoteOf(a, "1", true)},
			want:     []string{"unchanged " + a.Key + " 1"},
			owned:    1,
			warnings: []string{"key " + a.Key + " is desired twice"},
		},
		{
			name:    "everything at once, sorted by key then id",
			desired: []posting.Posting{d, a1, b, payOnly},
			current: []ats.Remote{remoteOf(c, "4", true), remoteOf(b, "2", true), claimed(a, "1", true), claimed(a, "3", true)},
			want: []string{
				"unchanged " + b.Key + " 2", "update " + a.Key + " 1", "close " + a.Key + " 3 duplicate",
				"create " + d.Key, "close " + c.Key + " 4",
			},
			owned:    4,
			warnings: []string{"is desired twice"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			p := ats.NewPlan("b", tc.desired, tc.current, tc.opts)
			if got := short(p.Actions); !slices.Equal(got, tc.want) {
				t.Errorf("actions:\n\t%s\nwant\n\t%s", strings.Join(got, "\n\t"), strings.Join(tc.want, "\n\t"))
			}
			if p.Owned != tc.owned || p.Unmanaged != tc.unmanaged || p.OtherOwners != tc.others {
				t.Errorf("owned %d, unmanaged %d, other owners %d; want %d, %d, %d", p.Owned, p.Unmanaged, p.OtherOwners, tc.owned, tc.unmanaged, tc.others)
			}
			if len(p.Warnings) != len(tc.warnings) {
				t.Fatalf("warnings %q, want %d", p.Warnings, len(tc.warnings))
			}
			for i, w := range tc.warnings {
				if !strings.Contains(p.Warnings[i], w) {
					t.Errorf("warning %q lacks %q", p.Warnings[i], w)
				}
			}
			for _, a := range p.Actions {
				if a.Board != "b" {
					t.Errorf("%s %s: board %q", a.Op, a.Key, a.Board)
				}
				if (a.Op == ats.OpCreate) != (a.Current == nil) || a.Op != ats.OpConflict && (a.Op == ats.OpClose) != (a.Desired == nil) {
					t.Errorf("%s %s: desired %v, current %v", a.Op, a.Key, a.Desired != nil, a.Current != nil)
				}
				if a.Op != ats.OpConflict && (a.Desired != nil && a.Title != a.Desired.Title || a.Desired == nil && a.Title != a.Current.Title) {
					t.Errorf("%s %s: title %q", a.Op, a.Key, a.Title)
				}
			}
		})
	}
}

func TestPlanChanges(t *testing.T) {
	t.Parallel()
	a, a1 := atstest.SamplePosting(0, 0), atstest.SamplePosting(0, 1)
	moved := a1
	moved.Locations, moved.Department = []string{"Remote, APAC"}, "R&D"
	moved.Hash = moved.ContentHash()
	payOnly := a
	payOnly.Pay = &posting.Pay{Min: 1, Max: 2, Currency: "EUR"}
	payOnly.Hash = payOnly.ContentHash()
	edited := remoteOf(a, "1", true)
	edited.Drifted, edited.Body = true, strings.Replace(edited.Body, "Write clear issues", "Write vague issues", 1)

	for _, tc := range []struct {
		name    string
		desired posting.Posting
		current ats.Remote
		want    []ats.Change // Diff compared by the lines below
		diff    []string     // lines the body diff holds
	}{
		{
			name:    "title and body",
			desired: a1,
			current: remoteOf(a, "1", true),
			want:    []ats.Change{{Field: "title", Old: a.Title, New: a1.Title}, {Field: "body"}},
			diff:    []string{"--- current", "+++ desired", "+- Lead the revision 1 planning cycle for the stage."},
		},
		{
			name:    "locations and department",
			desired: moved,
			current: remoteOf(a, "1", true),
			want: []ats.Change{
				{Field: "title", Old: a.Title, New: a1.Title},
				{Field: "locations", Old: "Remote, EMEA, Remote, Americas", New: "Remote, APAC"},
				{Field: "department", Old: "Product", New: "R&D"},
				{Field: "body"},
			},
		},
		{
			name:    "nothing the board shows: the hash",
			desired: payOnly,
			current: remoteOf(a, "1", true),
			want:    []ats.Change{{Field: "hash", Old: a.Hash, New: payOnly.Hash}},
		},
		{
			name:    "drift shows the edit",
			desired: a,
			current: edited,
			want:    []ats.Change{{Field: "body"}},
			diff:    []string{"-- Write vague issues, epics and release posts.", "+- Write clear issues, epics and release posts."},
		},
		{
			name:    "a board's own line breaks are no change",
			desired: payOnly,
			current: func() ats.Remote { r := remoteOf(a, "1", true); r.Body += "\n\n"; return r }(),
			want:    []ats.Change{{Field: "hash", Old: a.Hash, New: payOnly.Hash}},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			p := ats.NewPlan("b", []posting.Posting{tc.desired}, []ats.Remote{tc.current}, ats.PlanOptions{})
			if len(p.Actions) != 1 {
				t.Fatalf("actions %q", short(p.Actions))
			}
			got := p.Actions[0].Changes
			var body string
			for i := range got {
				if got[i].Field == "body" {
					body, got[i].Diff = got[i].Diff, ""
				}
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("changes %+v, want %+v", got, tc.want)
			}
			for _, l := range tc.diff {
				if !slices.Contains(strings.Split(body, "\n"), l) {
					t.Errorf("body diff lacks line %q:\n%s", l, body)
				}
			}
		})
	}
}

func TestPlanSummaryWritesHasChanges(t *testing.T) {
	t.Parallel()
	s := atstest.SamplePostings(6)
	drifted := remoteOf(s[4], "5", true)
	drifted.Drifted = true
	p := ats.NewPlan("b",
		[]posting.Posting{s[0], atstest.SamplePosting(1, 1), s[2], s[4]},
		[]ats.Remote{remoteOf(s[1], "2", true), remoteOf(s[2], "3", true), drifted, remoteOf(s[5], "6", true), unowned("9", "Chef", true)},
		ats.PlanOptions{})
	want := ats.Summary{Create: 1, Update: 1, Close: 1, Unchanged: 1, Drift: 1, Unmanaged: 1}
	if got := p.Summary(); got != want {
		t.Errorf("summary %+v, want %+v", got, want)
	}
	if !p.HasChanges() {
		t.Error("HasChanges = false")
	}
	var ops []ats.Op
	for _, a := range p.Writes() {
		ops = append(ops, a.Op)
	}
	if want := []ats.Op{ats.OpUpdate, ats.OpCreate, ats.OpClose}; !slices.Equal(ops, want) {
		t.Errorf("writes %v, want %v (creates and updates by key, then closes)", ops, want)
	}

	for name, p := range map[string]ats.Plan{
		"unchanged only": ats.NewPlan("b", s[:1], []ats.Remote{remoteOf(s[0], "1", true)}, ats.PlanOptions{}),
		"empty":          {},
	} {
		if p.HasChanges() || len(p.Writes()) != 0 {
			t.Errorf("%s: HasChanges %t, writes %d", name, p.HasChanges(), len(p.Writes()))
		}
	}
	drift := ats.NewPlan("b", s[4:5], []ats.Remote{drifted}, ats.PlanOptions{})
	if !drift.HasChanges() || len(drift.Writes()) != 0 {
		t.Errorf("drift only: HasChanges %t (want true), writes %d (want 0)", drift.HasChanges(), len(drift.Writes()))
	}
}

// TestPlanGolden renders a plan of every kind of action as JSON, the way
// `jobsync plan --format json` shows it; -update rewrites the golden file.
func TestPlanGolden(t *testing.T) {
	t.Parallel()
	s := atstest.SamplePostings(6)
	drifted := remoteOf(s[3], "4", true)
	drifted.Drifted = true
	drifted.Body = strings.Replace(drifted.Body, "Talk to customers every week", "Talk to customers every month", 1)
	current := []ats.Remote{
		remoteOf(s[1], "2", true), remoteOf(s[2], "3", false), drifted,
		claimed(s[4], "5", true), claimed(s[4], "15", true), remoteOf(s[5], "6", true),
		unowned("7", s[0].Title, true),
	}
	desired := []posting.Posting{s[0], atstest.SamplePosting(1, 1), s[2], s[3], s[4]}
	p := ats.NewPlan("greenhouse", desired, current, ats.PlanOptions{})
	got, err := json.MarshalIndent(struct {
		Summary ats.Summary `json:"summary"`
		ats.Plan
	}{p.Summary(), p}, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	path := filepath.Join("testdata", "plan.golden.json")
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if string(got) != string(want) {
		t.Errorf("plan JSON differs from %s (run with -update if the change is right):\n%s", path, got)
	}
	// The same inputs in another order plan the same.
	slices.Reverse(current)
	if again := ats.NewPlan("greenhouse", desired, current, ats.PlanOptions{}); !slices.Equal(short(again.Actions), short(p.Actions)) {
		t.Errorf("plan depends on input order:\n%q\n%q", short(again.Actions), short(p.Actions))
	}
}
