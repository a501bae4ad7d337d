package source

import "regexp"

// Compiled once; used only on single sentences or paragraphs.
var (
	// "is a [grade 8](", "are a grade 7", "is a [grade #12]", "is a [8](",
	// "is a grade [5](", "is a job grade [level 5](", "is a [grade](…) 6 job",
	// "is [grade 5](".
	gradeStrict = regexp.MustCompile(`(?i)\b(?:is|are)\s+(?:(?:an?|at)\s+)*(?:` +
		`\[\s*(?:job\s+)?grades?\s*(?:level\s*)?#?\s*(\d+(?:\.\d+)?)` +
		`|(?:job\s+)?grades?\s*\[\s*(?:level\s*)?#?\s*(\d+(?:\.\d+)?)\s*\]` +
		`|\[\s*(?:job\s+)?grades?\s*\]\([^)]*\)\s*#?\s*(\d+(?:\.\d+)?)` +
		`|(?:job\s+)?grades?\s*#?\s*(\d+(?:\.\d+)?)` +
		`|\[\s*#?(\d+(?:\.\d+)?)\s*\])`)
	// one sentence for a page's levels: "are grades: [6, 7, 8](", "are grades 6 and 7".
	gradeList = regexp.MustCompile(`(?i)\b(?:is|are)\s+(?:in\s+)?(?:job\s+)?grades\s*:?\s*\[?\s*(\d+(?:\.\d+)?(?:\s*(?:,|and|&|or)\s*\d+(?:\.\d+)?)+)`)
	// a level that says it has no grade.
	gradeNone = regexp.MustCompile(`(?i)\bnot\s+(?:currently\s+|yet\s+)?(?:aligned|mapped|tied|assigned)\s+(?:to|with)\s+an?\s+(?:job\s+)?grade`)
	// the numbers of a grade list.
	gradeNumber = regexp.MustCompile(`\d+(?:\.\d+)?`)
	// "Grade 8", "grade: 9.5", "grade #9".
	gradeLoose = regexp.MustCompile(`(?i)\bgrades?\b\s*[:#]?\s*#?\s*(\d+(?:\.\d+)?)\b`)
	// a paragraph that opens with a grade label: "Job Grade: 8", "**Grade** 9".
	gradeLabel = regexp.MustCompile(`(?i)^[\s*_\[]*(?:job\s+)?grade[\s*_:#-]*(\d+(?:\.\d+)?)\b`)
	// a grade in a heading: "(Grade 8)", "- grade 9.5".
	gradeInHeading = regexp.MustCompile(`(?i)[(\[]?\s*\bgrade\s*[:#]?\s*(\d+(?:\.\d+)?)\s*[)\]]?`)
	// a paragraph that is only a number: "8".
	gradeBare = regexp.MustCompile(`^\s*#?(\d+(?:\.\d+)?)\s*\.?\s*$`)
)
