package posting

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

func keysOf(ps []Posting) []string {
	keys := make([]string, len(ps))
	for i, p := range ps {
		keys[i] = p.Key
	}
	return keys
}

func TestComposeSelection(t *testing.T) {
	t.Parallel()
	noSpecialties := widgetFamily()
	noSpecialties.Key, noSpecialties.Title = "tinkerer", "Tinkerer"
	noSpecialties.Specialties = nil
	noLevels := widgetFamily()
	noLevels.Key, noLevels.Title = "gadgeteer", "Gadgeteer"
	noLevels.Levels = nil
	neither := widgetFamily()
	neither.Key, neither.Title = "dabbler", "Dabbler"
	neither.Levels, neither.Specialties = nil, nil
	all := []Family{widgetFamily(), noSpecialties, noLevels, neither}

	for _, tc := range []struct {
		name       string
		families   []Family
		openings   []Opening
		wantKeys   []string
		wantTitles []string
	}{
		{
			name:     "preview of every level and specialty",
			families: []Family{widgetFamily()},
			wantKeys: []string{
				"widget-engineer/widget-engineer/gears", "widget-engineer/widget-engineer/springs-coils",
				"widget-engineer/senior-widget-engineer/gears", "widget-engineer/senior-widget-engineer/springs-coils",
				"widget-engineer/staff-widget-engineer/gears", "widget-engineer/staff-widget-engineer/springs-coils",
			},
			wantTitles: []string{
				"Widget Engineer, Gears", "Widget Engineer, Springs & Coils",
				"Senior Widget Engineer, Gears", "Senior Widget Engineer, Springs & Coils",
				"Staff Widget Engineer, Gears", "Staff Widget Engineer, Springs & Coils",
			},
		},
		{
			name:     "empty openings compose nothing",
			families: []Family{widgetFamily()},
			openings: []Opening{},
			wantKeys: []string{},
		},
		{
			name:     "every level of one specialty",
			families: []Family{widgetFamily()},
			openings: []Opening{{Family: "widget-engineer", Level: "*", Specialty: "Gears"}},
			wantKeys: []string{
				"widget-engineer/widget-engineer/gears",
				"widget-engineer/senior-widget-engineer/gears",
				"widget-engineer/staff-widget-engineer/gears",
			},
		},
		{
			name:       "level by heading, specialty by key, family by title",
			families:   []Family{widgetFamily()},
			openings:   []Opening{{Family: "Widget Engineer", Level: "Intermediate Widget Engineer", Specialty: "springs-coils"}},
			wantKeys:   []string{"widget-engineer/widget-engineer/springs-coils"},
			wantTitles: []string{"Widget Engineer, Springs & Coils"},
		},
		{
			name:       "level by key and by title in any case, no specialty",
			families:   []Family{widgetFamily()},
			openings:   []Opening{{Family: "widget-engineer", Level: "staff-widget-engineer"}, {Family: "widget-engineer", Level: "senior widget engineer"}},
			wantKeys:   []string{"widget-engineer/staff-widget-engineer", "widget-engineer/senior-widget-engineer"},
			wantTitles: []string{"Staff Widget Engineer", "Senior Widget Engineer"},
		},
		{
			name:     "specialty star of every level",
			families: []Family{widgetFamily()},
			openings: []Opening{{Family: "widget-engineer", Level: "Senior Widget Engineer", Specialty: "*"}},
			wantKeys: []string{"widget-engineer/senior-widget-engineer/gears", "widget-engineer/senior-widget-engineer/springs-coils"},
		},
		{
			name:       "family without specialties: one posting per level",
			families:   all,
			openings:   []Opening{{Family: "tinkerer", Level: "*", Specialty: "*"}},
			wantKeys:   []string{"tinkerer/widget-engineer", "tinkerer/senior-widget-engineer", "tinkerer/staff-widget-engineer"},
			wantTitles: []string{"Widget Engineer", "Senior Widget Engineer", "Staff Widget Engineer"},
		},
		{
			name:       "family without levels: one posting per specialty titled by the family",
			families:   all,
			openings:   []Opening{{Family: "gadgeteer", Specialty: "*"}},
			wantKeys:   []string{"gadgeteer/gadgeteer/gears", "gadgeteer/gadgeteer/springs-coils"},
			wantTitles: []string{"Gadgeteer, Gears", "Gadgeteer, Springs & Coils"},
		},
		{
			name:       "family with neither: one posting",
			families:   all,
			openings:   []Opening{{Family: "dabbler", Level: "*", Specialty: "*"}},
			wantKeys:   []string{"dabbler/dabbler"},
			wantTitles: []string{"Dabbler"},
		},
		{
			name:     "preview of several families",
			families: all[1:],
			wantKeys: []string{
				"tinkerer/widget-engineer", "tinkerer/senior-widget-engineer", "tinkerer/staff-widget-engineer",
				"gadgeteer/gadgeteer/gears", "gadgeteer/gadgeteer/springs-coils",
				"dabbler/dabbler",
			},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got, err := Compose(tc.families, tc.openings, ComposeOptions{})
			if err != nil {
				t.Fatalf("Compose: %v", err)
			}
			if keys := keysOf(got); !slices.Equal(keys, tc.wantKeys) {
				t.Errorf("keys = %q\nwant   %q", keys, tc.wantKeys)
			}
			if tc.wantTitles != nil {
				var titles []string
				for _, p := range got {
					titles = append(titles, p.Title)
				}
				if !slices.Equal(titles, tc.wantTitles) {
					t.Errorf("titles = %q\nwant     %q", titles, tc.wantTitles)
				}
			}
		})
	}
}

func TestComposeErrors(t *testing.T) {
	t.Parallel()
	pay := func(min, max int64) *Pay { return &Pay{Min: min, Max: max, Currency: "USD"} }
	for _, tc := range []struct {
		name     string
		families []Family
		openings []Opening
		is       []error
		contains []string
	}{
		{
			name:     "unknown level lists the levels",
			openings: []Opening{{Family: "widget-engineer", Level: "Principal Widget Engineer", Specialty: "Gears"}},
			is:       []error{ErrUnknownLevel},
			contains: []string{
				"openings[0]", `"Principal Widget Engineer"`,
				`"Widget Engineer" (widget-engineer)`, `"Senior Widget Engineer" (senior-widget-engineer)`,
				`"Staff Widget Engineer" (staff-widget-engineer)`, `"*"`,
			},
		},
		{
			name:     "missing level",
			openings: []Opening{{Family: "widget-engineer"}},
			is:       []error{ErrUnknownLevel},
			contains: []string{"openings[0]", "no level named"},
		},
		{
			name:     "unknown specialty lists the specialties",
			openings: []Opening{{Family: "widget-engineer", Level: "*", Specialty: "Sprockets"}},
			is:       []error{ErrUnknownSpecialty},
			contains: []string{"openings[0]", `"Sprockets"`, `"Gears" (gears)`, `"Springs & Coils" (springs-coils)`},
		},
		{
			name:     "unknown family lists the families",
			openings: []Opening{{Family: "gizmo", Level: "*"}},
			is:       []error{ErrUnknownFamily},
			contains: []string{"openings[0]", `"gizmo"`, `"Widget Engineer" (widget-engineer)`},
		},
		{
			name: "every bad opening is reported",
			openings: []Opening{
				{Family: "widget-engineer", Level: "*", Specialty: "Gears"},
				{Family: "widget-engineer", Level: "Boss"},
				{Family: "widget-engineer", Level: "*", Specialty: "Levers"},
			},
			is:       []error{ErrUnknownLevel, ErrUnknownSpecialty},
			contains: []string{"openings[1]", `"Boss"`, "openings[2]", `"Levers"`},
		},
		{
			name: "overlap with different locations on a shared board",
			openings: []Opening{
				{Family: "widget-engineer", Level: "*", Specialty: "Gears", Locations: []string{"Remote"}, Boards: []string{"local", "greenhouse"}},
				{Family: "widget-engineer", Level: "Senior Widget Engineer", Specialty: "gears", Locations: []string{"Berlin"}, Boards: []string{"greenhouse"}},
			},
			is: []error{ErrConflict},
			contains: []string{
				"openings[1]", "openings[0]", "widget-engineer/senior-widget-engineer/gears",
				"locations", "board greenhouse",
			},
		},
		{
			name: "overlap with different pay on every board",
			openings: []Opening{
				{Family: "widget-engineer", Level: "Widget Engineer", Pay: pay(100, 200)},
				{Family: "widget-engineer", Level: "widget-engineer", Pay: pay(100, 300)},
			},
			is:       []error{ErrConflict},
			contains: []string{"openings[1]", "openings[0]", "pay", "every board"},
		},
		{
			name:     "duplicate family keys",
			families: []Family{widgetFamily(), widgetFamily()},
			is:       []error{ErrDuplicateFamily},
			contains: []string{`"widget-engineer"`, "families[0]", "families[1]"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			families := tc.families
			if families == nil {
				families = []Family{widgetFamily()}
			}
			got, err := Compose(families, tc.openings, ComposeOptions{})
			if err == nil {
				t.Fatalf("Compose = %d postings, want an error", len(got))
			}
			for _, target := range tc.is {
				if !errors.Is(err, target) {
					t.Errorf("error %q is not %v", err, target)
				}
			}
			for _, s := range tc.contains {
				if !strings.Contains(err.Error(), s) {
					t.Errorf("error %q does not mention %q", err, s)
				}
			}
			var oe *OpeningError
			if tc.families == nil && !errors.As(err, &oe) {
				t.Errorf("error %q holds no *OpeningError", err)
			}
		})
	}
}

func TestComposePosting(t *testing.T) {
	t.Parallel()
	openings := []Opening{{
		Family: "widget-engineer", Level: "Senior Widget Engineer", Specialty: "Gears",
		Locations: []string{"Remote, EMEA", "Berlin"}, Department: "R&D", EmploymentType: "Full-time",
		Workplace: "remote", Pay: &Pay{Min: 120000, Max: 160000, Currency: "USD"}, Boards: []string{"local"},
	}}
	got, err := Compose([]Family{widgetFamily()}, openings, ComposeOptions{Company: "Example", CompanyURL: "https://example.com"})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 {
		t.Fatalf("got %d postings, want 1", len(got))
	}
	p := got[0]
	if p.Key != "widget-engineer/senior-widget-engineer/gears" || p.Family != "widget-engineer" ||
		p.Level != "senior-widget-engineer" || p.Specialty != "gears" || p.Grade != 7 {
		t.Errorf("identity = %q %q %q %q %v", p.Key, p.Family, p.Level, p.Specialty, p.Grade)
	}
	if p.SourceURL != "https://handbook.example.com/job-families/widget-engineer/" {
		t.Errorf("SourceURL = %q", p.SourceURL)
	}
	if p.Department != "R&D" || p.EmploymentType != "Full-time" || p.Workplace != "remote" ||
		!slices.Equal(p.Locations, openings[0].Locations) || !slices.Equal(p.Boards, []string{"local"}) {
		t.Errorf("opening fields not copied: %+v", p)
	}
	if p.Pay == openings[0].Pay || *p.Pay != *openings[0].Pay {
		t.Errorf("pay = %v, want a copy of %v", p.Pay, openings[0].Pay)
	}

	var kinds []SectionKind
	for _, s := range p.Sections {
		kinds = append(kinds, s.Kind)
	}
	wantKinds := []SectionKind{SectionAbout, SectionSpecialty, SectionResponsibilities, SectionRequirements, SectionLevel, SectionDetails}
	if !slices.Equal(kinds, wantKinds) {
		t.Fatalf("section kinds = %q, want %q", kinds, wantKinds)
	}
	section := func(k SectionKind) Section { return p.Sections[slices.Index(kinds, k)] }
	if got, want := section(SectionResponsibilities).Items, []string{
		"Build widgets", "Review [merge requests](https://handbook.example.com/handbook/mr/)", "Mentor other engineers",
	}; !slices.Equal(got, want) {
		t.Errorf("responsibilities = %q, want %q", got, want)
	}
	if got, want := section(SectionRequirements).Items, []string{
		"Experience building widgets", "Excellent communication", "You share our [values](https://handbook.example.com/handbook/values/)",
		"Leads widget projects", "Understanding of gears",
	}; !slices.Equal(got, want) {
		t.Errorf("requirements = %q, want %q", got, want)
	}
	if got, want := section(SectionDetails).Items, []string{
		"Company: [Example](<https://example.com>)",
		"Job grade: 7",
		"Locations: Remote, EMEA; Berlin",
		"Workplace: Remote",
		"Department: R&D",
		"Employment type: Full-time",
		"Pay: USD 120,000 – 160,000 per year",
	}; !slices.Equal(got, want) {
		t.Errorf("details = %q\nwant      %q", got, want)
	}
	if s := section(SectionSpecialty); s.Heading != "Gears" {
		t.Errorf("specialty heading = %q", s.Heading)
	}
	if s := section(SectionLevel); s.Text != "Senior Widget Engineers lead widget projects.\n\n- Mentors others" {
		t.Errorf("level text = %q", s.Text)
	}

	if strings.Contains(p.Markdown, "](/") {
		t.Errorf("markdown holds a relative link:\n%s", p.Markdown)
	}
	for _, bad := range []string{"TBD", "TODO", "future iteration", "<span", "raw HTML", `href="/`, `href="#`} {
		if strings.Contains(p.Markdown, bad) && bad != "<span" {
			t.Errorf("markdown holds %q", bad)
		}
		if strings.Contains(p.HTML, bad) {
			t.Errorf("HTML holds %q", bad)
		}
	}
	for _, want := range []string{
		`<a href="https://handbook.example.com/handbook/widgets/" rel="nofollow">widgets</a>`,
		"see the base requirements.",
		"Gears make widgets turn.",
		`<a href="https://example.com" rel="nofollow">Example</a>`,
		"<li>Pay: USD 120,000 – 160,000 per year</li>",
		"<h2>What you&#39;ll need</h2>",
	} {
		if !strings.Contains(p.HTML, want) {
			t.Errorf("HTML lacks %q:\n%s", want, p.HTML)
		}
	}
	if p.Hash != p.ContentHash() || len(p.Hash) != 64 {
		t.Errorf("Hash = %q, ContentHash = %q", p.Hash, p.ContentHash())
	}
}

// TestComposeHTMLMatchesMarkdown checks that HTML assembled from fragments is
// what rendering the whole markdown gives.
func TestComposeHTMLMatchesMarkdown(t *testing.T) {
	t.Parallel()
	f := widgetFamily()
	// A responsibilities text that ends in a "-" list, followed by items.
	f.ResponsibilitiesText = "You will:\n\n- plan\n- build"
	ps, err := Compose([]Family{f}, nil, ComposeOptions{Company: "Example"})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range ps {
		if want := RenderHTML(p.Markdown, f.BaseURL); p.HTML != want {
			t.Errorf("%s: HTML from fragments differs from the markdown's:\n%s\n---\n%s", p.Key, p.HTML, want)
		}
	}
}

func TestComposeDoesNotAliasInput(t *testing.T) {
	t.Parallel()
	f := widgetFamily()
	o := []Opening{{Family: "widget-engineer", Level: "*", Locations: []string{"Remote"}, Boards: []string{"local"}}}
	ps, err := Compose([]Family{f}, o, ComposeOptions{})
	if err != nil {
		t.Fatal(err)
	}
	reqs := func(p Posting) []string {
		for _, s := range p.Sections {
			if s.Kind == SectionRequirements {
				return s.Items
			}
		}
		t.Fatalf("%s has no requirements", p.Key)
		return nil
	}
	reqs(ps[0])[0] = "changed"
	ps[0].Locations[0] = "changed"
	ps[0].Boards[0] = "changed"
	if f.BaseRequirements[0] != "Experience building widgets" || o[0].Locations[0] != "Remote" || o[0].Boards[0] != "local" {
		t.Error("a posting shares memory with Compose's input")
	}
	if reqs(ps[1])[0] == "changed" {
		t.Error("two postings share memory")
	}
}
