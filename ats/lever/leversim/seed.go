package leversim

// humanUsers are the people who made the seeded postings.
var humanUsers = []string{
	"b6816cb5-cf05-433c-b07f-2ca3eea60f54",
	"b59ae96c-c132-4a91-9c5c-dccd88fc2794",
}

// SeedTitles are the titles of the human-made postings a new Server holds.
// "Senior Product Manager" is the kind of title jobsync composes, so a sync
// of that posting must warn of a likely duplicate rather than touch it.
var SeedTitles = []string{"Marketing Events", "Senior Product Manager", "Office Manager", "Recruiting Coordinator"}

// seed adds the human-made postings, with HTML the way Lever's app writes it
// (recorded: <br />, <span style="font-size:18px">, <ul> inside lists,
// styled <b>), which the API itself would refuse.
func (s *Server) seed() {
	s.addHuman(HumanPosting{
		Title: "Marketing Events", Department: "Marketing", Team: "Brand", Location: "San Francisco, CA", Commitment: "Full-time",
		DescriptionHTML: `<div><br /></div><div>Lever was founded to tackle the most strategic challenge companies face.</div>` +
			`<div><br /></div><div><span style="font-size:18px">THE CHALLENGE </span></div>` +
			`<div>Own our <b style="font-size:13.3333px">event calendar</b> &amp; partner days.</div>`,
		Lists: []List{{Text: "The Skill Set", Content: "<ul><li>Strong partner management.</li><li>Clear writing.</li></ul>"}},
		Tags:  []string{"Marketing", "jobsync"},
	}, 1564617356565)
	s.addHuman(HumanPosting{
		Title: "Senior Product Manager", Department: "Product", Location: "Remote", Commitment: "Full-time",
		DescriptionHTML: "<div>Our own, hand-written Senior Product Manager posting.</div>",
		Tags:            []string{"Product"},
	}, 1732281331444)
	s.addHuman(HumanPosting{
		Title: "Office Manager", State: "closed", Department: "G&A", Location: "Athens", Commitment: "Contract",
		DescriptionHTML: "<div>Filled.</div>",
	}, 1732443149683)
	s.addHuman(HumanPosting{
		Title: "Recruiting Coordinator", State: "internal", Department: "People", Location: "Seattle, WA", Commitment: "Intern",
	}, 1782972961725)
	s.addHuman(HumanPosting{
		Title: "Chief of Staff", Department: "Executive", Location: "Remote", Confidential: true,
		DescriptionHTML: "<div>Confidential search.</div>",
	}, 1782972983451)
}
