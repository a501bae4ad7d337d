package source

import "testing"

// TestGitLabShapes covers the GitLab page shapes beyond the Product
// Manager page's: grade sentence forms, one grade sentence for the whole
// page, a Job Grade section naming several titles, headings that do not
// nest, section names with a suffix, levels sharing a grade or having none,
// and specialties without a Specialties parent.
func TestGitLabShapes(t *testing.T) {
	t.Parallel()
	runShapes(t, []shapeCase{
		{
			file:  "grade-sentences.md",
			title: "Lever Mechanic",
			levels: []string{
				"Junior Lever Mechanic|Junior Lever Mechanic|5|0|0",
				"Lever Mechanic|Lever Mechanic|6|0|0",
				"Senior Lever Mechanic|Senior Lever Mechanic|7|0|0",
				"Staff Lever Mechanic|Staff Lever Mechanic|8|0|0",
				"Principal Lever Mechanic|Principal Lever Mechanic|9|0|0",
				"Distinguished Lever Mechanic|Distinguished Lever Mechanic|10|0|0",
				"Lever Mechanic Fellow|Lever Mechanic Fellow|11|0|0",
				"Lever Mechanic Manager|Lever Mechanic Manager|8|0|0",
				"IT Lever Mechanic|IT Lever Mechanic (Intermediate)|6|0|0",
			},
			role: "Lever Mechanics keep the levers moving.",
		},
		{
			file:  "page-grades.md",
			title: "Axle Tester",
			levels: []string{
				"Axle Tester|Axle Tester|6|0|0",
				"Senior Axle Tester|Senior Axle Tester|7|0|0",
				"Staff Axle Tester|Staff Axle Tester|8|0|0",
			},
			role: "Axle Testers test axles.",
			base: 1,
		},
		{
			file:  "page-grades-mismatch.md",
			title: "Hub Fitter",
			levels: []string{
				"Hub Fitter|Hub Fitter|0|0|0",
				"Senior Hub Fitter|Senior Hub Fitter|0|0|0",
				"Staff Hub Fitter|Staff Hub Fitter|0|0|0",
			},
			warnings: []string{`5|states 2 grades (6, 7) for 3 levels ("Hub Fitter", "Senior Hub Fitter", "Staff Hub Fitter")`},
		},
		{
			file:  "job-grade-titles.md",
			title: "Crank Engineers",
			levels: []string{
				"Crank Engineer|Crank Engineer|6|0|0",
				"Senior Crank Engineer|Senior Crank Engineer|7|2|0",
				"Staff Crank Engineer|Staff Crank Engineer|8|1|0",
			},
			role: "Crank Engineers build cranks.",
			base: 1,
		},
		{
			file:  "depths.md",
			title: "Pulley Designer",
			levels: []string{
				"Associate Pulley Designer|Associate Pulley Designer|5|0|0",
				"Pulley Designer|Pulley Designer|6|0|0",
				"Senior Pulley Designer|Senior Pulley Designer|7|1|0",
				"Staff Pulley Designer|Staff Pulley Designer|8|0|0",
				"Principal Pulley Designer|Principal Pulley Designer|9|0|0",
			},
			role: "Pulley Designers design pulleys.",
		},
		{
			file:  "suffixes.md",
			title: "Winch Security Engineer",
			levels: []string{
				"Staff Winch Security Engineer|Staff Winch Security Engineer|9|0|0",
				"Principal Winch Security Engineer|Principal Winch Security Engineer|9|0|0",
				"Distinguished Winch Security Engineer|Distinguished Winch Security Engineer|0|0|0",
			},
			specialties: []string{"Cable Security|1|0"},
			warnings:    []string{"25|not aligned to a job grade"},
			base:        1,
		},
		{
			file:        "specialty-shapes.md",
			title:       "Gasket Analyst",
			levels:      []string{"Gasket Analyst|Gasket Analyst|6|0|0"},
			specialties: []string{"Rubber Gaskets|1|0", "Metal Gaskets|1|0", "Paper Gaskets|0|1", "Cork Gaskets|1|0"},
			warnings:    []string{"19|follows \"Specialties\" at its depth", "25|follows \"Specialties\"", "25|has no requirements"},
		},
		{
			file:  "bare-specialties.md",
			title: "Valve Engineer",
			levels: []string{
				"Valve Engineer|Valve Engineer|6|0|0",
				"Senior Valve Engineer|Senior Valve Engineer|7|0|0",
			},
			specialties: []string{"Steam|1|0", "Water|1|0"},
			warnings:    []string{"15|names no level but has requirements: read as a specialty", "23|read as a specialty"},
		},
		{
			file:  "grade-table.md",
			title: "Cam Engineer",
			levels: []string{
				"Senior Cam Engineer|Senior Cam Engineer|7|0|0",
				"Staff Cam Engineer|Staff Cam Engineer|8|0|0",
			},
			expect: []string{"**Scope**: Owns cams", "**Scope**: Owns cam platforms"},
			role:   "Cam Engineers shape cams.",
		},
	})
}
