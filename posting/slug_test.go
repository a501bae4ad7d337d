package posting

import "testing"

func TestSlug(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ in, want string }{
		{"Product Manager", "product-manager"},
		{"Verify (CI)", "verify-ci"},
		{"Platforms - GitLab Dedicated", "platforms-gitlab-dedicated"},
		{"Platforms - Delivery & Scalability", "platforms-delivery-scalability"},
		{"  GitLab's  Fellow ", "gitlabs-fellow"},
		{"ModelOps (MLOps)", "modelops-mlops"},
		{"Grade 9.5", "grade-9-5"},
		{"", ""},
		{"---", ""},
		{"Ingénieur", "ingénieur"},
	} {
		if got := Slug(tc.in); got != tc.want {
			t.Errorf("Slug(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
