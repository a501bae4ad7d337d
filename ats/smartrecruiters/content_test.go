package smartrecruiters

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/jobsync/jobsync/ats"
	"github.com/jobsync/jobsync/ats/atstest"
	"github.com/jobsync/jobsync/posting"
)

func TestExperienceLevel(t *testing.T) {
	t.Parallel()
	for title, want := range map[string]string{
		"Senior Product Manager, Verify (CI)": "mid_senior_level",
		"Product Management Intern":           "internship",
		"Junior Backend Engineer":             "entry_level",
		"Associate Product Manager":           "associate",
		"Director of Product, Dev":            "director",
		"Senior Director, Engineering":        "director",
		"Head of Design":                      "director",
		"VP, Product":                         "executive",
		"Chief Technology Officer":            "executive",
		"Directory Service Engineer":          "mid_senior_level", // a word, not a part of one
	} {
		if got := experienceLevel(title, "mid_senior_level"); got != want {
			t.Errorf("%q: %s, want %s", title, got, want)
		}
	}
}

// Requirements go to the qualifications, details to the additional
// information, the rest to the job description; a posting's words all land
// somewhere.
func TestLayout(t *testing.T) {
	t.Parallel()
	p := atstest.SamplePosting(0, 0)
	a := layout(p)
	for _, s := range p.Sections {
		dst := a.Description
		switch s.Kind {
		case posting.SectionRequirements:
			dst = a.Qualifications
		case posting.SectionDetails:
			dst = a.Additional
		}
		text := ats.HTMLText(dst)
		for _, item := range s.Items {
			if w := strings.Fields(item)[0]; !strings.Contains(text, w) {
				t.Errorf("%s item %q not in its section:\n%s", s.Kind, item, text)
			}
		}
		if !strings.Contains(text, s.Heading) {
			t.Errorf("%s heading %q not in its section", s.Kind, s.Heading)
		}
	}
	if strings.Contains(a.Description, "<script") || !strings.Contains(a.Qualifications, "<li>") {
		t.Errorf("layout HTML: %s", a.Qualifications)
	}
	if got := layout(posting.Posting{HTML: "<p>Whole.</p>"}); got.Description != "<p>Whole.</p>" || got.Qualifications != "" {
		t.Errorf("a posting without sections: %+v", got)
	}
}

// The patch sets every field jobsync owns with add, deletes an empty one
// with null, and upserts the marker property by id; it never touches the
// company description, function or industry.
func TestPatchOps(t *testing.T) {
	t.Parallel()
	b := &Board{o: Options{ExperienceLevel: "mid_senior_level", CountryCode: "de", City: "Berlin"}}
	p := atstest.SamplePosting(0, 0)
	p.Pay = nil
	ops := b.patchOps(p, "field-1", b.marker(p))
	data, err := json.Marshal(ops)
	if err != nil {
		t.Fatal(err)
	}
	var got []map[string]any
	_ = json.Unmarshal(data, &got)
	paths := map[string]any{}
	for _, op := range got {
		if op["op"] != "add" {
			t.Errorf("op %v: want add", op)
		}
		if _, ok := op["value"]; !ok {
			t.Errorf("op %v has no value (null deletes; a missing value is refused)", op)
		}
		paths[op["path"].(string)] = op["value"]
	}
	for _, path := range []string{"/title", "/jobAd/sections/jobDescription", "/jobAd/sections/qualifications", "/jobAd/sections/additionalInformation", "/experienceLevel", "/location", "/compensation", "/properties/-"} {
		if _, ok := paths[path]; !ok {
			t.Errorf("no op on %s", path)
		}
	}
	if paths["/compensation"] != nil {
		t.Errorf("no pay: /compensation is %v, want null", paths["/compensation"])
	}
	marker := paths["/properties/-"].(map[string]any)
	if marker["id"] != "field-1" || !strings.HasPrefix(marker["value"].(map[string]any)["label"].(string), "jobsync/v1 key="+p.Key+" hash="+p.Hash) {
		t.Errorf("marker op %v", marker)
	}
	for _, never := range []string{"/jobAd/sections/companyDescription", "/function", "/industry", "/refNumber", "/jobAd"} {
		if _, ok := paths[never]; ok {
			t.Errorf("the patch writes %s", never)
		}
	}
}

func TestLocationText(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		l    apiLocation
		want string
	}{
		{apiLocation{City: "San Francisco", RegionCode: "CA", CountryCode: "us"}, "San Francisco, CA, US"},
		{apiLocation{City: "Berlin", Country: "Germany", CountryCode: "de", Remote: true}, "Berlin, Germany (remote)"},
		{apiLocation{}, ""},
	} {
		if got := locationText(tc.l); got != tc.want {
			t.Errorf("%+v: %q, want %q", tc.l, got, tc.want)
		}
	}
}
