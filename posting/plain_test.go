package posting

import (
	"strings"
	"testing"
)

func TestPlainText(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ in, want string }{
		{"Springs & Coils", "Springs & Coils"},
		{"Verify (CI) <img src=x onerror=alert(1)>", "Verify (CI)"},
		{"<script>alert(1)</script>Berlin, Germany", "alert(1)Berlin, Germany"},
		{"Product</a><a href=javascript:x>Manager", "ProductManager"},
		{"Remote <b>US</b>", "Remote US"},
		{"a < b and c > d", "a < b and c > d"},
		{"<img src=x onerror=alert(1)", ""},
		{"Title\x1b]0;owned\x07\x1b[2J", "Title]0;owned[2J"},
		{"Mana\u202egeR", "ManageR"},
		{"  Product \n\t Manager  ", "Product Manager"},
		{"<!-- hidden -->Shown", "Shown"},
	} {
		if got := PlainText(tc.in); got != tc.want {
			t.Errorf("PlainText(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// Markup and control characters in a heading or the config never reach a
// posting's plain-text fields: boards' APIs serve them to careers sites,
// which may render them as HTML.
func TestComposeStripsMarkupFromPlainFields(t *testing.T) {
	t.Parallel()
	f := widgetFamily()
	f.Specialties[0].Name = "Gears <img src=x onerror=alert(1)>"
	f.Levels[0].Title = "Widget Engineer\x1b[2J"
	ps, err := Compose([]Family{f}, []Opening{{
		Family: f.Key, Level: f.Levels[0].Title, Specialty: f.Specialties[0].Name,
		Locations:  []string{"<svg onload=alert(1)>Berlin, Germany"},
		Department: "Eng<script>x</script>", EmploymentType: "Full-time\x07",
	}}, ComposeOptions{Company: "ACME <b>Inc</b>"})
	if err != nil {
		t.Fatal(err)
	}
	if len(ps) != 1 {
		t.Fatalf("%d postings, want 1", len(ps))
	}
	p := ps[0]
	fields := []string{p.Title, p.FamilyTitle, p.Department, p.EmploymentType, p.Company, strings.Join(p.Locations, "|")}
	for _, s := range fields {
		if strings.ContainsAny(s, "<>\x1b\x07") {
			t.Errorf("markup or a control character kept: %q", s)
		}
	}
	if p.Title != "Widget Engineer[2J, Gears" || p.Locations[0] != "Berlin, Germany" || p.Department != "Engx" || p.Company != "ACME Inc" {
		t.Errorf("title %q, locations %q, department %q, company %q", p.Title, p.Locations, p.Department, p.Company)
	}
}
