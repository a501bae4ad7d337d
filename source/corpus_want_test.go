package source

// corpusWant is, per page, what a recruiter reads off it, written by hand
// after reading the page: the levels as "Title|grade" (GitLab) or
// "Title|code" (other companies; "Title|" when the page gives neither), in
// page order; the specialties where a page has them; the one posting of a
// single-role ad; or no posting at all. A level's title may match the
// family's level title or its heading.
var corpusWant = map[string]pageWant{
	// gitlab-newer: the newest GitLab handbook layout
	"gitlab-newer/alliances__technology-partner-manager__associate.md": {
		levels: []string{"Associate Technology Partner Manager|5"}},
	"gitlab-newer/alliances__technology-partner-manager__senior-manager.md": {
		levels: []string{"Senior Manager, Technology Partner Managers|9"}},
	"gitlab-newer/engineering__development__fullstack___index.md": {
		levels:      []string{"Fullstack Engineer|6", "Senior Fullstack Engineer|7", "Staff Fullstack Engineer|8"},
		specialties: []string{"Fullstack Engineer (Handbook)"}},
	"gitlab-newer/engineering__development__management__principal-engineer.md": {
		levels: []string{"Principal Engineer|9"}},
	"gitlab-newer/engineering__development__management__senior-manager.md": {
		levels: []string{"Senior Engineering Manager|9"}},
	"gitlab-newer/engineering__engineering-management-quality.md": {
		levels: []string{"Manager, Quality Engineering|8", "Senior Manager, Quality Engineering|9",
			"Director, Quality Engineering|10", "VP of Quality|12"}},
	"gitlab-newer/engineering__incubation__engineer.md": {
		levels: []string{"Incubation Engineer|6", "Senior Incubation Engineer|7", "Staff Incubation Engineer|8"}},
	"gitlab-newer/engineering__support-operations-management.md": {
		levels: []string{"Support Operations Manager|8"}},
	"gitlab-newer/engineering__technical-program-management__technical-program-management-leadership.md": {
		levels: []string{"Senior Manager, Technical Program Management|9", "Director, Technical Program Management|10"}},
	"gitlab-newer/engineering__vulnerability-research-manager.md": {
		levels: []string{"Manager, Vulnerability Research Engineering|8"}},
	"gitlab-newer/finance__Audit-Principal,-IT-and-Security.md": {
		levels: []string{"Audit Principal, IT and Security|9"}},
	"gitlab-newer/finance__corporate-controller__sec-and-external-reporting.md": {
		levels: []string{"Senior SEC Analyst|7", "SEC Reporting and Technical Accounting Manager|8", "Manager, SEC|8",
			"Senior Manager, SEC and Technical Reporting|9", "Director, SEC Reporting and Technical Accounting|10"}},
	"gitlab-newer/finance__information-technology__it-systems-engineer.md": {
		levels: []string{"IT Systems Engineer|6", "Senior IT Systems Engineer|7", "Staff IT Systems Engineer|8"}},
	// a career-ladder table whose every role links to a page of its own
	"gitlab-newer/finance__internal-audit___index.md":     {noPosting: true, errLine: 10, errHas: "index"},
	"gitlab-newer/legal-and-corporate-affairs___index.md": {noPosting: true, errLine: 7, errHas: "only links"},
	"gitlab-newer/legal-and-corporate-affairs__paralegal.md": {
		levels: []string{"Associate Paralegal|5", "Paralegal|6", "Senior Paralegal|7", "Lead Paralegal|8"},
		specialties: []string{"Associate Paralegal (Employment)", "Paralegal (Corporate)", "Paralegal (Employment)",
			"Paralegal (Privacy & Product)"}},
	"gitlab-newer/marketing__enterprise-data__data-architect.md": {
		levels: []string{"Data Architect|6", "Senior Data Architect|7", "Staff Data Architect|8",
			"Principal Data Architect|9", "Distinguished Data Architect|10"}},
	"gitlab-newer/marketing__enterprise-data__manager-data.md": {
		levels:      []string{"Manager, Data|8", "Senior Manager, Data|9"},
		specialties: []string{"Data Science", "Data Platform"}},
	"gitlab-newer/product__service-designer.md": {
		levels: []string{"Senior Service Designer|7"}},
	"gitlab-newer/product__ux-research-manager.md": {
		levels: []string{"Manager, UX Research|8", "Senior Manager, UX Research|9", "Director, UX Research|10"}},
	"gitlab-newer/sales__regional-sales-director.md": {
		levels: []string{"Director, Regional Sales|10"}},
	"gitlab-newer/security__ai-security.md": {
		levels: []string{"Director, AI Security|10", "Senior Director, AI Security|11"}},

	// other companies
	"other/artsy/careers__ladder.md": {
		levels: []string{"Engineer 1|IC2", "Engineer 2|IC3", "Senior Engineer 1|IC4", "Senior Engineer 2|IC5",
			"Staff Engineer|IC6", "Engineering Manager 1|M2", "Engineer Manager 2|M3",
			"Senior Engineering Manager|M4", "Director of Engineering|M5", "Senior Director of Engineering|M6"}},
	// five levels named in a bullet list, described nowhere: no posting,
	// and the error says where they are
	"other/basecamp/making-a-career.md":                         {noPosting: true, errLine: 23, errHas: "prose"},
	"other/infracloud/docs__engineering__principal-engineer.md": {levels: []string{"Principal Engineer|"}},
	"other/infracloud/docs__engineering__senior-engineer.md":    {levels: []string{"Senior Engineer|"}},
	"other/mattermost/operations__research-and-development__product__analytics__analyst-levels.md": {
		levels: []string{"Product Analyst I|Level 1", "Product Analyst I|Level 2", "Product Analyst II|Level 3",
			"Product Analyst II|Level 4", "Senior Product Analyst|Level 5", "Senior Product Analyst|Level 6",
			"Staff Product Analyst|Level 7", "Principal Product Analyst|Level 8", "Distinguished Product Analyst|Level 9"}},
	"other/mattermost/operations__research-and-development__product__product-design-team-handbook__product-design-levels.md": {
		levels: []string{"Product Designer I|Level 1", "Product Designer I|Level 2", "Product Designer II|Level 3",
			"Product Designer II|Level 4", "Senior Product Designer|Level 5", "Senior Product Designer|Level 6",
			"Staff Product Designer|Level 7", "Principal Product Designer|Level 8", "Distinguished Product Designer|Level 9"}},
	"other/monzo/frameworks__design__product-design.md": {
		levels: []string{"Level 1|Level 1", "Level 2|Level 2", "Level 3|Level 3", "Level 4|Level 4", "Level 5|Level 5", "Level 6|Level 6"}},
	"other/monzo/frameworks__engineering__backend.md": {
		levels: []string{"Level 1|Level 1", "Level 2|Level 2", "Level 3|Level 3", "Level 4|Level 4", "Level 5|Level 5", "Level 6|Level 6"}},
	"other/monzo/frameworks__product.md": {
		levels: []string{"Level 1|Level 1", "Level 2|Level 2", "Level 3|Level 3", "Level 4|Level 4"}},
	"other/novoda/frameworks__engineering__senior_product_engineer.md": {
		levels: []string{"Level 1|Level 1", "Level 2|Level 2", "Level 3|Level 3"}},
	"other/posthog/careers__designer.md":                     {single: true, role: "world class design into every part"},
	"other/posthog/careers__full-stack-software-engineer.md": {single: true, role: "designing a highly scalable product"},
	"other/postman/career-ladder-for-open-source-contributors.md": {
		levels: []string{"Open Source Contributor I|", "Open Source Contributor II|", "Senior Open Source Contributor|",
			"Staff Open Source Contributor|", "Principal Open Source Contributor|", "Distinguished Open Source Contributor|"}},
	"other/postman/career-ladder-for-ospo-engineers.md": {
		levels: []string{"OSPO Engineer I|", "OSPO Engineer II|", "Senior OSPO Engineer|",
			"Staff OSPO Engineer|", "Principal OSPO Engineer|", "Distinguished OSPO Engineer|"}},
	"other/sourcegraph/departments__marketing__career-development__comms-framework.md": {
		levels: []string{"IC4|IC4", "IC5|IC5"}},
	"other/sourcegraph/departments__product__career-development__framework.md": {
		levels: []string{"IC2|IC2", "IC3|IC3", "IC4|IC4", "IC5|IC5"}},
	"other/sourcegraph/departments__product__design__career-development.md": {
		levels: []string{"IC1|IC1", "IC2|IC2", "IC3|IC3", "IC4|IC4", "IC5|IC5", "IC6|IC6"}},
	"other/sourcegraph/departments__sales__career-development__sdr-framework.md": {
		levels: []string{"SDR|P1", "Senior SDR|P2", "Team Lead|P3", "Program Lead, VCBOD|P1", "Senior Program Lead, VCBOD|P2"}},
	"other/sourcegraph/departments__technical-success__ta__enterprise-success__career-growth__ta-career-development.md": {
		levels: []string{"IC1|IC1", "IC2|IC2", "IC3|IC3", "IC4|IC4", "IC5|IC5"}},
	"other/teleport/jobs__fde.md":    {single: true, role: "customer-focused engineer", resp: 5, reqs: 5},
	"other/teleport/jobs__mobile.md": {single: true, role: "product-focused mobile engineers", resp: 3, reqs: 2},
	"other/teleport/jobs__offsec.md": {single: true, role: "Offensive Security Engineer to work on", resp: 4, reqs: 4},
	"other/teleport/levels__systems-engineer.md": {
		levels: []string{"L1|L1", "L2|L2", "L3|L3", "L4|L4", "L5|L5", "L6|L6"}},
}

// corpusKnown records the pages not read fully, as "partial: why" or
// "none: why". TestCorpus fails when a page's status changes, either way.
var corpusKnown = map[string]string{}
