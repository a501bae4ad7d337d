package posting

import (
	"reflect"
	"testing"
)

func composeOne(t *testing.T, f Family, o Opening) Posting {
	t.Helper()
	ps, err := Compose([]Family{f}, []Opening{o}, ComposeOptions{Company: "Example"})
	if err != nil {
		t.Fatal(err)
	}
	if len(ps) != 1 {
		t.Fatalf("got %d postings, want 1", len(ps))
	}
	return ps[0]
}

func TestHash(t *testing.T) {
	t.Parallel()
	opening := Opening{
		Family: "widget-engineer", Level: "Senior Widget Engineer", Specialty: "Gears",
		Locations: []string{"Remote"}, Department: "Engineering", EmploymentType: "Full-time",
		Workplace: "remote", Pay: &Pay{Min: 1, Max: 2, Currency: "EUR"}, Boards: []string{"local"},
	}
	base := composeOne(t, widgetFamily(), opening)
	if base.Hash != composeOne(t, widgetFamily(), opening).Hash {
		t.Fatal("the same input hashes differently")
	}

	for _, tc := range []struct {
		name    string
		family  func(*Family)
		opening func(*Opening)
		same    bool
	}{
		{name: "boards do not count", opening: func(o *Opening) { o.Boards = []string{"greenhouse", "lever"} }, same: true},
		{name: "a changed base requirement", family: func(f *Family) { f.BaseRequirements[1] = "Good communication" }},
		{name: "a changed specialty requirement", family: func(f *Family) { f.Specialties[0].Requirements[0] = "Gear theory" }},
		{name: "a changed link target", family: func(f *Family) { f.BaseURL = "https://handbook.example.org" }},
		{name: "a changed role", family: func(f *Family) { f.Role = "A new first paragraph.\n\n" + f.Role }},
		{name: "a changed grade", family: func(f *Family) { f.Levels[1].Grade = 7.5 }},
		{name: "a changed level title", family: func(f *Family) { f.Levels[1].Title = "Senior Widget Engineer II" }},
		{name: "a changed source", family: func(f *Family) { f.Source = "https://handbook.example.com/other/" }},
		{name: "another location", opening: func(o *Opening) { o.Locations = []string{"Remote", "Berlin"} }},
		{name: "another department", opening: func(o *Opening) { o.Department = "Product" }},
		{name: "another employment type", opening: func(o *Opening) { o.EmploymentType = "Contract" }},
		{name: "another workplace", opening: func(o *Opening) { o.Workplace = "hybrid" }},
		{name: "another pay", opening: func(o *Opening) { o.Pay = &Pay{Min: 1, Max: 3, Currency: "EUR"} }},
		{name: "no pay", opening: func(o *Opening) { o.Pay = nil }},
		{name: "a placeholder added to the requirements", family: func(f *Family) {
			f.BaseRequirements = append(f.BaseRequirements, "More TBD")
		}, same: true},
		{name: "a level the posting does not use", family: func(f *Family) { f.Levels[0].Requirements = nil }, same: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			f, o := widgetFamily(), opening
			if tc.family != nil {
				tc.family(&f)
			}
			if tc.opening != nil {
				tc.opening(&o)
			}
			got := composeOne(t, f, o)
			if same := got.Hash == base.Hash; same != tc.same {
				t.Errorf("hash same = %v, want %v", same, tc.same)
			}
			if got.Hash != got.ContentHash() {
				t.Errorf("Hash %s != ContentHash %s", got.Hash, got.ContentHash())
			}
		})
	}
}

func TestContentHashFields(t *testing.T) {
	t.Parallel()
	p := Posting{Title: "T", Markdown: "m", HTML: "h"}
	seen := map[string]string{p.ContentHash(): "base"}
	for name, change := range map[string]func(*Posting){
		"title":         func(p *Posting) { p.Title = "U" },
		"grade":         func(p *Posting) { p.Grade = 1 },
		"locations":     func(p *Posting) { p.Locations = []string{"x"} },
		"split":         func(p *Posting) { p.Title, p.Markdown = "Tm", "" }, // same bytes, other fields
		"department":    func(p *Posting) { p.Department = "x" },
		"employment":    func(p *Posting) { p.EmploymentType = "x" },
		"workplace":     func(p *Posting) { p.Workplace = "x" },
		"pay":           func(p *Posting) { p.Pay = &Pay{} },
		"interval":      func(p *Posting) { p.Pay = &Pay{Interval: "hour"} },
		"source":        func(p *Posting) { p.SourceURL = "x" },
		"company":       func(p *Posting) { p.Company = "x" },
		"company url":   func(p *Posting) { p.CompanyURL = "x" },
		"apply url":     func(p *Posting) { p.ApplyURL = "x" },
		"apply email":   func(p *Posting) { p.ApplyEmail = "x" },
		"valid through": func(p *Posting) { p.ValidThrough = "x" },
		"markdown":      func(p *Posting) { p.Markdown = "n" },
		"html":          func(p *Posting) { p.HTML = "i" },
		"sections":      func(p *Posting) { p.Sections = []Section{{Kind: SectionAbout, Heading: "About", Text: "m"}} },
		"section kind": func(p *Posting) {
			p.Sections = []Section{{Kind: SectionLevel, Heading: "About", Text: "m"}}
		},
		"section item": func(p *Posting) {
			p.Sections = []Section{{Kind: SectionAbout, Heading: "About", Items: []string{"m"}}}
		},
		"html link": func(p *Posting) {
			p.Sections = []Section{{Kind: SectionAbout, Heading: "About", Text: "m"}}
			p.HTML = `<a href="https://example.com/m" rel="nofollow">m</a>`
		},
	} {
		q := p
		change(&q)
		h := q.ContentHash()
		if other, dup := seen[h]; dup {
			t.Errorf("%s hashes like %s", name, other)
		}
		seen[h] = name
	}
	q := p
	q.Key, q.Family, q.Level, q.Specialty, q.Boards, q.Hash, q.Requisition, q.Opening = "k", "f", "l", "s", []string{"b"}, "h", "r", 3
	if q.ContentHash() != p.ContentHash() {
		t.Error("key, boards or the old hash count in the content hash")
	}
}

// TestHashBaseURL checks that a page-relative link, which a posting's
// sections keep as it is, counts in the hash by where the HTML points it.
func TestHashBaseURL(t *testing.T) {
	t.Parallel()
	seen := map[string]string{}
	var sections []Section
	for _, base := range []string{"https://handbook.example.com/jobs/", "https://handbook.example.org/jobs/", ""} {
		f := Family{Title: "Widget Engineer", Role: "Read the [guide](guide/).", BaseURL: base}
		p := composeOne(t, f, Opening{Family: "widget-engineer", Level: "*"})
		if sections == nil {
			sections = p.Sections
		} else if !reflect.DeepEqual(p.Sections, sections) {
			t.Fatalf("base %q changed the sections: %v", base, p.Sections)
		}
		if other, dup := seen[p.Hash]; dup {
			t.Errorf("base %q hashes like base %q:\n%s", base, other, p.HTML)
		}
		seen[p.Hash] = base
		if p.Hash != p.ContentHash() {
			t.Errorf("base %q: Hash %s, ContentHash %s", base, p.Hash, p.ContentHash())
		}
	}
}

// TestContentHashPinned pins the hashes boards hold: a change here costs
// one update of every posting on every board, so make it only on purpose
// (and bump hashVersion). Format v2's values were written by its first
// release (with its memo of text digests and its own href scanner), which
// the plain code matched; v3 adds the family's name, the company, where to
// apply and the closing day, and these are its values.
func TestContentHashPinned(t *testing.T) {
	t.Parallel()
	withLinks := widgetFamily()
	withLinks.Specialties[0].Requirements[0] = "Knows the [gear guide](gears/guide/) and <https://example.com/gears>"
	noBase := withLinks
	noBase.BaseURL = ""
	for _, tc := range []struct {
		name string
		f    Family
		want string
	}{
		{"widget", widgetFamily(), "22253dd1971fa97c18b870e1fe8d4ba15f2c84ba1e8e39b051ae663cef757a6e"},
		{"relative links", withLinks, "f3bf9a4d29e6e59db58d29763f7a0445a084e095fb49e9756543a89d43d751a9"},
		{"no base", noBase, "cea1159aa4f6170c6634bd7cfd283fa958c2ac561eb28e80b60553f65b67d4e0"},
	} {
		ps, err := Compose([]Family{tc.f}, nil, ComposeOptions{Company: "Example Co", CompanyURL: "https://example.com"})
		if err != nil {
			t.Fatal(err)
		}
		if got := ps[0].Hash; got != tc.want {
			t.Errorf("%s: hash of %s = %s, want %s", tc.name, ps[0].Key, got, tc.want)
		}
	}
}

// BenchmarkContentHash hashes the postings of the widget family preview.
func BenchmarkContentHash(b *testing.B) {
	ps, err := Compose([]Family{widgetFamily()}, nil, ComposeOptions{Company: "Example"})
	if err != nil {
		b.Fatal(err)
	}
	var n int64
	for _, p := range ps {
		n += int64(len(p.Markdown) + len(p.HTML))
	}
	b.SetBytes(n)
	b.ReportAllocs()
	for b.Loop() {
		for i := range ps {
			ps[i].ContentHash()
		}
	}
}
