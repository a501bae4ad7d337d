// Package source reads handbook job-family pages and parses each one into a
// posting.Family.
//
// Reading: Read takes a file, a folder (every *.md below it, in sorted
// order) or an https:// URL (http:// only for the loopback host, for tests).
// URLs are fetched with a retrying client, bounded in size, and cached under
// os.UserCacheDir()/jobsync/pages with ETag / Last-Modified revalidation.
// Every error names the file or URL.
//
// Parsing: Parse reads YAML front matter (title, description, the rest kept)
// and then walks goldmark's AST (GFM tables on) once. Sections come from the
// heading tree, never from line positions:
//
//   - role: intro blocks before the first heading and sections such as
//     "Role", "Overview", "Job description";
//   - responsibilities and base requirements: sections whose heading says so
//     (typos such as "Responsibilites" are accepted with a warning), or the
//     section after an <a id="base-…-requirements"> anchor;
//   - levels: any section that states a job grade ("The Product Manager is a
//     [grade 7](…)", "is a [8](…)", "[grade #9]", "grade 9.5", "Job Grade:
//     8", "Senior X (Grade 8)"), whether the grade sits in its prose, in a
//     "Job Grade" / "<Level> Job Grade" sub-section, in a sibling heading, or
//     in a top-level "Job Grade" section of a single-role page (else in a
//     "grade" front matter key); the level's title is the job title the
//     grade sentence names, else its heading; "<Level> Requirements" beside
//     the level attach to it. Also: "is a grade [5](…)", "is a [grade](…) 6
//     job", "is a job grade [level 5](…)", "[Grade 7](…)", Hugo {{% ref %}}
//     links; one sentence for the page ("The roles described below are
//     grades: 6, 7, 8") given to the levels in order when the counts match
//     (else a warning names them); one Job Grade section naming several
//     jobs, each a level on the heading of that title or where the section
//     stands, with the "<Prefix> Requirements" sections naming it; a bare
//     Job Grade heading after each level heading; a level "not aligned to a
//     job grade" kept without one, with a warning;
//   - specialties: the sub-sections of a "Specialties" (Specialities,
//     Specializations, Segments…) section, with their description,
//     requirements (a Requirements sub-section or a bare list) and
//     responsibilities; also, with a warning, sections at the depth of a
//     Specialties heading that follow it, and sections among the levels
//     that name no level but have requirements. A Specialties section under
//     Hiring Process still counts.
//
// Other companies' ladders name levels without grades; a level then
// carries its code as written (Level.Code):
//
//   - headings that are a level code or carry one: "## IC1", "## Level 2",
//     "### Level 1: Product Analyst I", "Senior SDR (P2)", "IC4: Senior
//     Engineer" (a code alone is also the title), and a page of three or
//     more H1s that are all titles of one job ("# OSPO Engineer I", …);
//     an "All levels" section holds the base requirements;
//   - tables, markdown (GFM) or raw HTML (parsed with golang.org/x/net/html,
//     whatever blank lines split it into): levels as columns (a header row
//     of level names, one row per topic; a later header row starts another
//     set of levels; rows spanning the table are group headings) or as rows
//     (a first column of level names, rowspan row groups, a "Title" column).
//     Each cell becomes one of the level's Expectations ("**Topic**: …"),
//     levels of one title across several tables merged. A table pairing
//     titles with codes only gives those codes to the levels so titled. A
//     table under a level heading becomes that level's expectations (the
//     column headed "…Expectations", else every column); other HTML tables
//     become a list;
//   - a page's first H1 wraps it: its prose is the role;
//   - a framework in YAML front matter (topics, each with criteria per
//     level number, Monzo's format), the body possibly empty: one level
//     "Level N" per number, one expectation per topic;
//   - a page with a Hugo "weight" and no level of its own is one level,
//     titled by the page, its sections its description; ParsePages and
//     Load read a folder of such pages beside an _index.md as one family
//     (folder.go says when, and why);
//   - a job ad of prose sections only (no levels, requirements or
//     responsibilities headings) is one posting: its sections join the role
//     under their headings.
//
// Levels only named in prose (a list of "Junior (L1)", "Senior (L3)", …)
// are not guessed at: such a page, having no level, is a *ParseError at the
// line of the list. A section that cannot be placed is a warning that says
// what shape was expected there, and ends "; skipped".
//
// Headings with a suffix read as their head: "Levels of X roles",
// "Responsibilities for X roles". A page that holds nothing but links (a
// stub, or a table linking each role to a page of its own) is no family:
// its *ParseError says so, at the line.
//
// A paragraph that is only bold text naming a part ("**Requirements**")
// counts as a heading.
//
// Text fields keep the page's markdown; list fields hold one markdown item
// each, nested lists indented (two spaces) inside their item. Links are kept
// as written; Family.BaseURL tells the composer how to make relative ones
// absolute. Raw HTML never passes through: an embedded video (iframe, video)
// becomes a markdown link, <a id> anchors and HTML comments vanish, any other
// HTML is dropped with a warning. Sub-sections of a level or specialty that
// name no known part (Example Behaviors, …) are kept in its description
// under a bold heading; Hiring Process, Career Ladder and the like are left
// out of postings. Every oddity repaired or skipped
// (malformed list items, duplicate Requirements sections, placeholders such
// as "TBD", empty sections, missing front matter) is a posting.Warning with
// the 1-based line in the file, front matter included. A page that yields no
// level, no specialty and no role, responsibilities or requirements is a
// *ParseError.
//
// Parse is pure: no I/O, no logging, no clock.
package source
