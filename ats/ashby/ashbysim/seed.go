package ashbysim

// The organisation's fixed ids, which a config names.
const (
	// MarkerFieldID is the private job posting custom field an admin made
	// for jobsync's marker (a long text field).
	MarkerFieldID = "0c6f3f4e-5d8a-4b5e-9a2e-6a1d2b3c4d01"
	// NotesFieldID is a job posting custom field people write in.
	NotesFieldID = "0c6f3f4e-5d8a-4b5e-9a2e-6a1d2b3c4d02"
	// InterviewPlanID is the organisation's default interview plan.
	InterviewPlanID = "1f0a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a01"
	// JobTemplateID is an active job template (with the interview plan).
	JobTemplateID = "2a1b3c4d-5e6f-4a70-8b9c-0d1e2f3a4b01"
	// BrandID is the organisation's brand; JobBoardID its external board.
	BrandID    = "3b2c4d5e-6f7a-4b80-9cad-1e2f3a4b5c01"
	JobBoardID = "4c3d5e6f-7a8b-4c90-8dbe-2f3a4b5c6d01"
	// FieldObjectType is the objectType of job posting custom fields.
	FieldObjectType = "JobPosting"
)

// The brand's Job Post Description Opening and Closing (Job Boards → Theme
// → Messaging), which Ashby puts around every posting's body unless the
// posting suppresses them.
const (
	brandOpening = `<p>Example Co builds the tools teams ship with.</p>`
	brandClosing = `<h2>About Example Co</h2><p>We are an equal opportunity employer.</p>`
)

// Locations and Departments are the organisation's, by name.
var (
	Locations   = []string{"Remote", "Remote, EMEA", "Remote, Americas", "Berlin", "San Francisco", "Athens", "Seattle"}
	Departments = []string{"Product", "Engineering", "Infrastructure", "Marketing", "People", "G&A"}
)

// seedOrg makes the organisation: locations, departments (and a team),
// jobsync's marker field and another posting field people use.
func (s *Server) seedOrg() {
	s.mu.Lock()
	defer s.mu.Unlock()
	at := "2025-01-06T09:00:00.000Z"
	for _, name := range Locations {
		wt := "OnSite"
		if name == "Remote" || len(name) > 6 && name[:7] == "Remote," {
			wt = "Remote"
		}
		s.locations = append(s.locations, &Location{ID: s.uuid(), Name: name, ExternalName: name, WorkplaceType: wt, IsRemote: wt == "Remote", Type: "Location"})
	}
	s.locations = append(s.locations, &Location{ID: s.uuid(), Name: "Old Office", ExternalName: "Old Office", IsArchived: true, WorkplaceType: "OnSite", Type: "Location"})
	for _, name := range Departments {
		s.departments = append(s.departments, &Department{ID: s.uuid(), Name: name, ExternalName: name, CreatedAt: at, UpdatedAt: at})
	}
	eng := s.departments[1].ID
	s.departments = append(s.departments, &Department{ID: s.uuid(), Name: "Developer Experience", ExternalName: "Developer Experience", ParentID: &eng, CreatedAt: at, UpdatedAt: at})
	s.fields = []*FieldDef{
		{ID: MarkerFieldID, IsPrivate: true, Title: "jobsync marker", ObjectType: FieldObjectType, FieldType: "LongText"},
		{ID: NotesFieldID, Title: "Hiring notes", ObjectType: FieldObjectType, FieldType: "LongText"},
		{ID: "0c6f3f4e-5d8a-4b5e-9a2e-6a1d2b3c4d03", Title: "Cost center", ObjectType: "Job", FieldType: "String"},
	}
}

// seedHuman adds the postings people made in the app, with HTML the way
// the app writes it (recorded: <p style>, <em>, <ul><li><p>), which the
// API would not store as is.
func (s *Server) seedHuman() {
	s.AddHumanPosting(HumanPosting{
		Title: "Senior Product Manager", Department: "Product", Location: "Remote",
		BodyHTML: `<p style="min-height:1.5em"><em>(Remote)</em></p><h2>About the role</h2><ul style="min-height:1.5em"><li><p style="min-height:1.5em">Our own, hand-written posting.</p></li></ul>`,
	})
	s.AddHumanPosting(HumanPosting{
		Title: "Marketing Events", Department: "Marketing", Location: "San Francisco",
		BodyHTML: `<p>Own our <strong>event calendar</strong> &amp; partner days.</p>`,
		// A marker-shaped text in a field that is not jobsync's: not ours.
		Notes: "jobsync/v1 key=product-manager/intermediate-product-manager/verify-ci hash=0123456789abcdef fp=0123456789abcdef01234567",
	})
	s.AddHumanPosting(HumanPosting{Title: "Office Manager", Department: "G&A", Location: "Athens", JobStatus: "Closed", BodyHTML: "<p>Filled.</p>"})
	s.AddHumanPosting(HumanPosting{Title: "Recruiting Coordinator", Department: "People", Location: "Seattle", Unlisted: true, BodyHTML: "<p>Internal move welcome.</p>"})
	s.AddHumanPosting(HumanPosting{Title: "Engineering Manager, Developer Experience", Department: "Developer Experience", Location: "Berlin", Draft: true, BodyHTML: "<p>Coming soon.</p>"})
	s.AddHumanPosting(HumanPosting{Title: "Chief of Staff", Department: "G&A", Location: "Remote", Confidential: true, BodyHTML: "<p>Confidential search.</p>"})
}
