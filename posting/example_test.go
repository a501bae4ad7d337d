package posting_test

import (
	"fmt"

	"github.com/jobsync/jobsync/posting"
)

func ExampleCompose() {
	family := posting.Family{
		Key: "product-manager", Title: "Product Manager", BaseURL: "https://handbook.gitlab.com",
		Role:             "Define the future of the [DevOps lifecycle](/handbook/product/).",
		BaseRequirements: []string{"Experience in product management"},
		Levels: []posting.Level{
			{Key: "product-manager", Heading: "Intermediate Product Manager", Title: "Product Manager", Grade: 7},
			{Key: "senior-product-manager", Heading: "Senior Product Manager", Title: "Senior Product Manager", Grade: 8},
		},
		Specialties: []posting.Specialty{
			{Key: "verify-ci", Name: "Verify (CI)", Requirements: []string{"Strong understanding of CI/CD"}},
		},
	}
	openings := []posting.Opening{{
		Family: "product-manager", Level: "*", Specialty: "Verify (CI)",
		Locations: []string{"Remote"}, Pay: &posting.Pay{Min: 120000, Max: 160000, Currency: "USD"},
	}}
	postings, err := posting.Compose([]posting.Family{family}, openings, posting.ComposeOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, p := range postings {
		fmt.Printf("%s: %s (grade %v)\n", p.Key, p.Title, p.Grade)
	}
	fmt.Print(postings[1].HTML)
	// Output:
	// product-manager/product-manager/verify-ci: Product Manager, Verify (CI) (grade 7)
	// product-manager/senior-product-manager/verify-ci: Senior Product Manager, Verify (CI) (grade 8)
	// <h2>About the role</h2>
	// <p>Define the future of the <a href="https://handbook.gitlab.com/handbook/product/" rel="nofollow">DevOps lifecycle</a>.</p>
	// <h2>What you&#39;ll need</h2>
	// <ul>
	// <li>Experience in product management</li>
	// <li>Strong understanding of CI/CD</li>
	// </ul>
	// <h2>Details</h2>
	// <ul>
	// <li>Job grade: 8</li>
	// <li>Location: Remote</li>
	// <li>Pay: USD 120,000 – 160,000 per year</li>
	// </ul>
}
