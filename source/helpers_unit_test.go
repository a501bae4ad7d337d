package source

import (
	"strings"
	"testing"

	"github.com/jobsync/jobsync/posting"
)

func TestClassify(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		title  string
		kind   kind
		prefix string
		typo   bool
	}{
		{"Requirements", kReq, "", false},
		{"Base Requirements Across All Levels", kReq, "Base", false},
		{"Senior Manager, Development Requirements", kReq, "Senior Manager, Development", false},
		{"Requirments", kReq, "", true},
		{"Responsibilites", kResp, "", true},
		{"Engineering Manager Machine Learning Responsibilites", kResp, "Engineering Manager Machine Learning", true},
		{"Core PM Responsibilities", kResp, "Core PM", false},
		{"VP of Product Management - Job Grade", kGrade, "VP of Product Management", false},
		{"Job Grade", kGrade, "", false},
		{"Job Grades", kGrade, "", false},
		{"Nice-to-have Requirements", kNice, "", false},
		{"Primary Performance Indicator for the Role", kPerf, "Primary", false},
		{"Career paths", kLevels, "", false},
		{"Sales Operations Analyst Levels", kLevels, "Sales Operations Analyst", false},
		{"Specialties", kSpecs, "", false},
		{"Team Specialties", kSpecs, "Team", false},
		{"Specialities", kSpecs, "", false},
		{"Specializations", kSpecs, "", false},
		{"Senior Segment Manager", kOther, "", false},
		{"Alliance Operations, Program Specialist", kOther, "", false},
		{"Example Behaviors", kBehav, "Example", false},
		{"Role", kRole, "", false},
		{"Job description", kRole, "", false},
		{"Full Stack Data Scientist Description", kRole, "Full Stack Data Scientist", false},
		{"Hiring Process", kSkip, "", false},
		{"Moving to Product Management", kSkip, "", false},
		{"Intermediate Product Manager", kOther, "", false},
		{"Senior Compensation Analyst", kOther, "", false},
		{"Specialty: Verify (CI)", kSpec, "Verify (CI)", false},
		{"Specialization - Data Science", kSpec, "Data Science", false},
	} {
		h := classify(tc.title)
		if h.kind != tc.kind || h.prefix != tc.prefix || (h.typo != "") != tc.typo {
			t.Errorf("classify(%q) = %+v, want kind %d prefix %q typo %v", tc.title, h, tc.kind, tc.prefix, tc.typo)
		}
	}
}

func TestFindGrade(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		text    string
		loose   bool
		grade   posting.Grade
		subject string
		ok      bool
	}{
		{"The Product Manager is a [grade 7](/handbook/x).", false, 7, "Product Manager", true},
		{"The {Security Compliance Engineer} is a [6](https://x).", false, 6, "Security Compliance Engineer", true},
		{"The Vice President of Ta} is a [grade #12](https://x).", false, 12, "Vice President of Ta", true},
		{"The Principal Pricing Manager is a [grade 9.5](https://x).", false, 9.5, "Principal Pricing Manager", true},
		{"The Associate Legal Counsel is a [Grade 5](https://x)", false, 5, "Associate Legal Counsel", true},
		{"The Gear Engineer is a\u00a0[grade\u00a06](x).", false, 6, "Gear Engineer", true},
		{"The Cog is a grade 8.", false, 8, "Cog", true},
		{"The role is a [grade 6](x).", false, 6, "", true},
		{"The Associate level in the Engineering Division is a [grade 5](x).", false, 5, "", true},
		{"Senior PMs are expected to perform at a Grade 10 (Director) level.", false, 0, "", false},
		{"Read more about GitLab [Job Grades](https://x/#gitlab-job-grades).", false, 0, "", false},
		{"We are a [team](x) of 5.", false, 0, "", false},
		{"Grade 10", true, 10, "", true},
		{"**Job Grade:** 9", false, 9, "", true},
		{"8", true, 8, "", true},
		{"8", false, 0, "", false},
		{"Read more about GitLab [Job Grades](https://x/#gitlab-job-grades).", true, 0, "", false},
	} {
		g, ok := findGrade(tc.text, tc.loose)
		if ok != tc.ok || g.grade != tc.grade || g.subject != tc.subject {
			t.Errorf("findGrade(%q, %v) = %v %q %v; want %v %q %v", tc.text, tc.loose, g.grade, g.subject, ok, tc.grade, tc.subject, tc.ok)
		}
	}
}

func TestLevelTitle(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ subject, heading, want string }{
		{"Product Manager", "Intermediate Product Manager", "Product Manager"},
		{"", "Associate Machine Learning Engineer", "Associate Machine Learning Engineer"},
		{"Sr. Analyst & Sr. Manager", "Sr. Analyst", "Sr. Analyst"},
		{"Vice President of Ta", "Vice President of Tax", "Vice President of Tax"},
		{"Chief Technology Officer", "Executive VP of Engineering", "Chief Technology Officer"},
	} {
		if got := levelTitle(tc.subject, tc.heading); got != tc.want {
			t.Errorf("levelTitle(%q, %q) = %q, want %q", tc.subject, tc.heading, got, tc.want)
		}
	}
}

func TestMediaAndHTML(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		html, links string
		anchors     []string
		other       bool
	}{
		{`<figure class="video_container"><iframe src="https://www.youtube.com/embed/DVLOyaRbAoM" frameborder="0"> </iframe></figure>`, "[Video](https://www.youtube.com/watch?v=DVLOyaRbAoM)", nil, false},
		{`<iframe src="https://player.vimeo.com/video/123"></iframe>`, "[Video](https://vimeo.com/123)", nil, false},
		{`<iframe src="https://docs.google.com/presentation/d/x/embed"></iframe>`, "[Embedded content](https://docs.google.com/presentation/d/x/embed)", nil, false},
		{`<video src="/clip.mp4"></video>`, "[Video](/clip.mp4)", nil, false},
		{`<a id="base-pm-requirements"></a>`, "", []string{"base-pm-requirements"}, false},
		{`<!-- markdownlint-disable MD022 -->`, "", nil, false},
		{`<div class="note">Internal</div>`, "", nil, true},
		{`<br>`, "", nil, true},
		{`<script>alert(1)</script>`, "", nil, true},
	} {
		h := analyzeHTML([]byte(tc.html))
		if h.links() != tc.links || strings.Join(h.anchors, ",") != strings.Join(tc.anchors, ",") || h.other != tc.other {
			t.Errorf("analyzeHTML(%q) = %+v, want links %q anchors %v other %v", tc.html, h, tc.links, tc.anchors, tc.other)
		}
	}
}

// TestBlockMarkdown: code keeps its fences, quotes their markers, inline
// HTML is cut out with a warning on its line.
func TestBlockMarkdown(t *testing.T) {
	t.Parallel()
	page := "## Role\n\nIntro.\n\n```yaml\nkey: <b>x</b>\n```\n\n    indented\n\n> quote <br> here\n\n| a | b |\n| - | - |\n| 1 | <i>2</i> |\n"
	f, err := Parse("x.md", []byte(page), Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := "Intro.\n\n```yaml\nkey: <b>x</b>\n```\n\n```\nindented\n```\n\n> quote  here\n\n| a | b |\n| - | - |\n| 1 | 2 |"
	if f.Role != want {
		t.Errorf("role\n%q\nwant\n%q", f.Role, want)
	}
	for _, line := range []int{11, 15} {
		if !hasWarning(f, line, "raw HTML dropped") {
			t.Errorf("no warning at line %d: %+v", line, f.Warnings)
		}
	}
}
