package posting

import (
	"slices"
	"strings"
	"testing"
)

func TestPayString(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		pay  Pay
		want string
	}{
		{Pay{Min: 120000, Max: 160000, Currency: "USD"}, "USD 120,000 – 160,000 per year"},
		{Pay{Min: 1000000, Max: 1000000, Currency: "JPY", Interval: "year"}, "JPY 1,000,000 per year"},
		{Pay{Min: 50, Max: 75, Currency: "EUR", Interval: "hour"}, "EUR 50 – 75 per hour"},
		{Pay{Min: 999, Max: 1000, Currency: "GBP", Interval: "month"}, "GBP 999 – 1,000 per month"},
		{Pay{Min: 0, Max: 100}, "0 – 100 per year"},
		{Pay{Min: -1500, Max: -1500, Currency: "USD"}, "USD -1,500 per year"},
	} {
		if got := tc.pay.String(); got != tc.want {
			t.Errorf("%+v.String() = %q, want %q", tc.pay, got, tc.want)
		}
	}
}

func TestGradeString(t *testing.T) {
	t.Parallel()
	for g, want := range map[Grade]string{7: "7", 9.5: "9.5", 10: "10", 0: "0"} {
		if got := g.String(); got != want {
			t.Errorf("Grade(%v).String() = %q, want %q", float64(g), got, want)
		}
	}
}

func TestDetailItems(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name    string
		opts    ComposeOptions
		grade   Grade
		code    string
		opening Opening
		want    []string
	}{
		{name: "nothing", want: nil},
		{
			name: "one location, company without a URL",
			opts: ComposeOptions{Company: "ACME"}, grade: 9.5,
			opening: Opening{Locations: []string{"Remote"}},
			want:    []string{"Company: ACME", "Job grade: 9.5", "Location: Remote"},
		},
		{
			name: "a level code, not when it is the title",
			code: "IC4", opening: Opening{Department: "Design"},
			want: []string{"Level: IC4", "Department: Design"},
		},
		{
			name: "markdown in configured values is escaped",
			opts: ComposeOptions{Company: "A*B", CompanyURL: "javascript:alert(1)"},
			opening: Opening{
				Locations: []string{"<b>Berlin</b>", "[x](/y)"}, Department: "R&amp;D", EmploymentType: "Full_time",
			},
			want: []string{
				`Company: A\*B`,
				`Locations: \<b\>Berlin\</b\>; \[x\](/y)`,
				`Department: R\&amp;D`,
				`Employment type: Full\_time`,
			},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got := detailItems(tc.opts, &levelPrep{grade: tc.grade, code: tc.code, title: "Engineer"}, &tc.opening)
			if !slices.Equal(got, tc.want) {
				t.Errorf("detailItems = %q\nwant          %q", got, tc.want)
			}
			for _, it := range got {
				if html := RenderHTML(it, "https://example.com"); strings.Contains(html, "<b>") || strings.Contains(html, "<a ") || strings.Contains(html, "<em>") {
					t.Errorf("%q renders markup: %s", it, html)
				}
			}
		})
	}
}
