// Package boards registers every board type jobsync ships, one blank import
// each: a board is a folder under ats/ plus one line here. The CLI and the
// tests that walk the registry import it.
package boards

import (
	_ "github.com/jobsync/jobsync/ats/ashby"
	_ "github.com/jobsync/jobsync/ats/greenhouse"
	_ "github.com/jobsync/jobsync/ats/lever"
	_ "github.com/jobsync/jobsync/ats/local"
	_ "github.com/jobsync/jobsync/ats/smartrecruiters"
	_ "github.com/jobsync/jobsync/ats/teamtailor"
)
