package source

import "regexp"

// Compiled once; used only on single sentences or paragraphs.
var (
	// "is a [grade 8](", "are a grade 7", "is a [grade #12]", "is a [8](".
	gradeStrict = regexp.MustCompile(`(?i)\b(?:is|are)\s+(?:(?:an?|at)\s+)*(?:\[\s*(?:job\s+)?grades?\s*#?\s*(\d+(?:\.\d+)?)|(?:job\s+)?grades?\s*#?\s*(\d+(?:\.\d+)?)|\[\s*#?(\d+(?:\.\d+)?)\s*\])`)
	// "Grade 8", "grade: 9.5", "grade #9".
	gradeLoose = regexp.MustCompile(`(?i)\bgrades?\b\s*[:#]?\s*#?\s*(\d+(?:\.\d+)?)\b`)
	// a paragraph that opens with a grade label: "Job Grade: 8", "**Grade** 9".
	gradeLabel = regexp.MustCompile(`(?i)^[\s*_]*(?:job\s+)?grade[\s*_:#-]*(\d+(?:\.\d+)?)\b`)
	// a grade in a heading: "(Grade 8)", "- grade 9.5".
	gradeInHeading = regexp.MustCompile(`(?i)[(\[]?\s*\bgrade\s*[:#]?\s*(\d+(?:\.\d+)?)\s*[)\]]?`)
	// a paragraph that is only a number: "8".
	gradeBare = regexp.MustCompile(`^\s*#?(\d+(?:\.\d+)?)\s*\.?\s*$`)
)
