package posting

// widgetFamily is a small hand-made family with everything Compose handles:
// levels with and without their own responsibilities, a requirement repeated
// across base, level and specialty, placeholder text, relative and fragment
// links, and raw HTML.
func widgetFamily() Family {
	return Family{
		Key:         "widget-engineer",
		Title:       "Widget Engineer",
		Description: "Widget Engineers build widgets.",
		Source:      "https://handbook.example.com/job-families/widget-engineer/",
		BaseURL:     "https://handbook.example.com",
		Role: "Widget Engineers build the [widgets](/handbook/widgets/) our customers love.\n\n" +
			"We work <span>in the open</span>; see the [base requirements](#base-requirements).\n\n" +
			"Details are TBD.",
		Responsibilities:     []string{"Build widgets", "Review [merge requests](/handbook/mr/)", "TODO: more"},
		ResponsibilitiesText: "As a Widget Engineer you are responsible for:",
		BaseRequirements: []string{
			"Experience building widgets",
			"Excellent communication",
			"You share our [values](/handbook/values/)",
			"Additional requirements are to be added in a future iteration.",
		},
		Levels: []Level{
			{
				Key: "widget-engineer", Heading: "Intermediate Widget Engineer", Title: "Widget Engineer", Grade: 6,
				Description:  "Widget Engineers ship small widgets with guidance.",
				Requirements: []string{"Ships widgets with guidance", "Excellent communication"},
				Line:         10,
			},
			{
				Key: "senior-widget-engineer", Heading: "Senior Widget Engineer", Title: "Senior Widget Engineer", Grade: 7,
				Description:      "Senior Widget Engineers lead widget projects.\n\n- Example behaviours are to be added in a future iteration.\n- Mentors others",
				Requirements:     []string{"Leads widget projects"},
				Responsibilities: []string{"Mentor other engineers"},
				Line:             20,
			},
			{
				Key: "staff-widget-engineer", Heading: "Staff Widget Engineer", Title: "Staff Widget Engineer", Grade: 8.5,
				Description:  "Staff Widget Engineers set the widget direction.",
				Requirements: []string{"Sets direction across teams", "Nested list:\n  - first\n  - second"},
				Line:         30,
			},
		},
		Specialties: []Specialty{
			{
				Key: "gears", Name: "Gears",
				Description:  "Gears make widgets [turn](#turning). Read the [gear guide](https://gears.example.com/guide).",
				Requirements: []string{"Understanding of gears", "Experience building widgets"},
				Line:         40,
			},
			{
				Key: "springs-coils", Name: "Springs & Coils",
				Requirements:     []string{"Spring theory"},
				Responsibilities: []string{"Wind the springs"},
				Line:             50,
			},
		},
	}
}
