// Package ashby is jobsync's board for Ashby's API (api.ashbyhq.com): an
// RPC API where every call, reads included, is a POST of a JSON body to
// /<category.method>, authenticated with Basic auth (the API key as the
// user, a blank password).
//
// # What it does
//
//   - List: jobPosting.list with includeUnpublishedJobPostings and expand
//     customFields and locationDetail (every posting of an open job, drafts
//     included, each with its custom fields, so its marker, and its
//     locations); job.list of Closed jobs with
//     includeUnpublishedJobPostingsIds (closing a job unpublishes its
//     postings, which the first list then no longer shows); then
//     jobPosting.info, four at once, of each owned posting (only info has
//     the description drift is judged on) and of each posting of a closed
//     job. A no-op sync of P postings on open jobs, O of them jobsync's,
//     and C postings on closed jobs therefore costs 2 + O + C requests
//     with one page each (jobPosting.list is answered whole; job.list pages
//     by 100), the floor for reading every owned description. Archived
//     jobs are left out: their postings are gone for good.
//   - Create: a new job for each posting, since the job holds what Ashby
//     shows on its postings and jobsync sets per posting (team, primary
//     location, compensation): job.create (title, teamId, locationId, and
//     job_template_id or interview_plan_id: Ashby opens a job only with an
//     interview plan); job.updateCompensation when the opening has pay
//     (one Salary component: currency, min, max, interval); job.setStatus
//     Open; jobPosting.create as a draft with the title, the description
//     and the workplace type; jobPosting.update with the secondary
//     locations when there are several; the marker of a create in
//     progress (ats.PendingHash); jobPosting.setStatus Published; the
//     marker. Six requests, eight with pay and several locations, plus
//     location.list, department.list and customField.list once a run. A
//     posting is published only once it carries a marker, so a run cut
//     short never leaves a live posting jobsync would not know; and the
//     marker that says jobsync left it published (state=open) is written
//     only once it is, so a run cut short never leaves a draft that reads
//     as closed by a person. Ashby takes no custom field with
//     jobPosting.create or setStatus, so that second marker write is the
//     cost of telling a person's unpublishing from jobsync's. The two
//     creates are never re-sent after an ambiguous failure; the engine's
//     look-up (Find) reads the postings of the job this run made for the
//     key and adopts a draft a lost answer made, marking it pending, and
//     a create sent again after Find found nothing goes on with that job
//     instead of making another. A job whose job.create answer was lost
//     stays behind as a draft job with no posting, which candidates never
//     see: nothing on it says it is jobsync's (job.create takes no custom
//     field), so adopting it could take a person's draft.
//   - Update: the posting as List read it (jobPosting.info, read again
//     only for a posting this run's List did not read or a second write
//     of it), refusing one without jobsync's marker (ats.ErrNotOwned);
//     the marker with ats.PendingHash, then
//     job.update (team) and job.updateCompensation only where they differ
//     from what info shows, one jobPosting.update (title, description,
//     workplace type, primary and secondary locations), the marker, and,
//     for a posting that was unpublished, job.info and the job reopened
//     (Closed → Draft → Open) and jobPosting.setStatus Published, before
//     the last marker. Three requests for a live posting, the floor the
//     API allows: one content write and two marker writes (before: four,
//     with a jobPosting.info re-reading what List read moments before; a
//     person's edit in those seconds is now overwritten, as on Lever and
//     Teamtailor). BenchmarkRequests; TestRequestsPerSync fails if a count
//     grows. The pending marker (ats.Marker.Pending: the old
//     fingerprint, and the new one as Next; the posting's state as it is,
//     and the old locations and team unless the update writes them) is
//     what makes an update cut short between its writes converge: without
//     it, new content beside the old marker would read as a person's edit
//     (drift), which sync refuses to overwrite, while a person's edit
//     meanwhile is still drift. Every marker is bound to its posting's id,
//     so a marker copied to another posting claims nothing.
//   - Close: the same check (on List's read), the marker with
//     state=closed, then jobPosting.setStatus Draft, which the next update
//     reverses; with close_job, job.info and job.setStatus Closed as well,
//     which ends the job's hiring. Two requests: the marker write is what
//     tells jobsync's close from a person's, and goes first, so that a
//     close cut short leaves a published posting the next sync closes, not
//     a draft that reads as a person's close (List reads a posting
//     published under state=closed as pending: jobsync's close in
//     progress, which the next sync completes, or, for a key desired
//     again, ends with the marker back at state=open). A closed posting is
//     not written.
//   - Employment type is not written: job.create and job.update take none
//     (it belongs to Ashby's openings); the posting's details section still
//     names it.
//   - Errors: Ashby's envelope ({"success": false, "errorInfo": {code,
//     message, requestId}}, mostly with HTTP status 200) becomes an
//     *atshttp.Error keeping the code, message and request id; a code
//     ending in _not_found matches ats.ErrNotFound. A 401 (no key) or 403
//     (a wrong or deactivated key) names JOBSYNC_<BOARD>_API_KEY, and
//     missing_endpoint_permission says the key lacks a permission. The key
//     is set per request as Basic auth and atshttp removes it from any text
//     an answer echoes: no error or log holds it.
//   - Version: every request sends Ashby-Version: 2026-01-01 (APIVersion);
//     the version and Ashby-Version-Status of the first answer are logged
//     at debug, with a warning when the status is not active.
//
// # The description
//
// Ashby keeps only the tags it documents as accepting updates (h1–h6, b,
// i, u, a, ul, ol, li, code, pre). jobsync sends a posting's HTML in those
// (strong and em as b and i, other tags dropped with their text kept),
// with paragraphs as <p>, the block Ashby's own editor writes. The brand's
// description opening and closing (the company's text) are left around
// the body. The drift fingerprint is taken from the body as Ashby answers
// the write with it, so Ashby re-serialising the HTML is never drift.
//
// # Ownership
//
// The marker (ats.Marker.String()) lives in a job posting custom field
// the company creates for jobsync once: private, long text, titled
// "jobsync marker" (marker_field names another, by title or id). A
// person editing the posting in Ashby's app edits its title and
// description, not its custom fields; the API writes one field without
// touching the others; a private field is shown to no candidate; and the
// field comes with jobPosting.list, so ownership costs no extra request.
//
// Drift is a change to what jobsync wrote: the title and the description's
// text (fp=), the locations and the team (fa=: the location ids, which
// jobPosting.info gives whole where it names only the primary location,
// and the team's name), and the published state (state=open when jobsync
// left the posting published, closed when it unpublished it). A posting a
// person unpublished, or whose job a person closed, under state=open is
// drift: reported, not published again unless --overwrite-drift. Not
// compared: isListed (jobPosting.update takes none, so jobsync could not
// undo a person's unlisting), pay and the workplace type.
// Not customRequisitionId: recruiters and HRIS integrations own the
// requisition id, and it is the job's, not the posting's. An API-only job
// custom field (isEditableOnlyViaPublicApi) would survive UI edits by
// construction, but it is an organisation capability Ashby enables on
// request, is not returned by jobPosting.list, and is written with
// customField.setValue, which the simulator does not serve: a later
// option.
//
// # Rate limit
//
// Ashby documents no per-key number. Recorded answers carry
// X-RateLimit-Limit: 1000, read here as 1000 requests a minute (the
// simulator's fixed window). The client paces at 95% of it with a burst of
// 40, so that no minute holds more than the limit however it falls
// (rate_limit for an account granted another), and atshttp's gate holds
// every worker through a 429 or an exhausted X-RateLimit-Remaining.
// Ashby is not known to say what is left (recorded answers carry
// X-RateLimit-Limit only), so the client does not wait for a first
// answer's budget (atshttp's BudgetHeaders): a run's limiter starts
// without its burst instead, so that runs back to back add up to one paced
// stream. Measured on the simulator: BenchmarkRateLimitedSync (60 creates,
// then 60 updates, at 6,000 a minute) uses 94% of the limit with no 429;
// TestBackToBackRunsMeetNo429 (a sync, two plans and a sync, each a new
// run, at 200 a minute) meets no 429, at most 181 requests in a window
// (199 without the slow start).
//
// # Sources
//
// Verified in Ashby's developer documentation (developers.ashbyhq.com, as
// stored for the search tool): docs/introduction (RPC, POST, Basic auth
// with the key as user and a blank password, JSON bodies);
// reference/jobpostingcreate (jobId required, title defaults to the
// job's, Draft by default, isListed, the brand's external board);
// reference/jobpostingsetcustomfieldvalue and …values (jobsWrite, private
// field permissions, omitted fields unchanged); reference/versioning (date
// versions, 2026-01-01 active, Ashby-Version); the changelog of 2026-05-26
// (includeUnpublishedJobPostings on jobPosting.list, .info and .update),
// 2026-06-11 (info and update reach drafts of draft or closed jobs),
// 2026-07-27 (jobPosting.setStatus Draft or Published; publishing needs a
// title, a description, an open job and compensation where required),
// 2026-09-14 (job posting custom fields, returned by jobPosting.info),
// 2026-09-10 (API-only job custom fields), 2026-10-14 (Ashby-Version and
// Ashby-Version-Status on every answer), 2026-10-20 (jobPosting.list
// expand customFields) and 2026-11-03 (expand locationDetail: secondary
// locations).
//
// Weaker: the 2025 OpenAPI as a third party's copy
// (api-evangelist/ashby-hq, amp-labs/connectors) for job.create's and
// job.update's fields, job.setStatus's transitions, job.updateCompensation
// (components, intervals, ISO 4217 currencies), job.list's
// includeUnpublishedJobPostingsIds, cursor paging (limit ≤ 100,
// moreDataAvailable, nextCursor) and the allowed description tags; a
// third-party summary (vm0-ai/vm0-skills) for 401 without a key and 403
// with a wrong one or missing_endpoint_permission; recorded answers
// (NangoHQ/integration-templates) for jobPosting.info's fields and
// X-RateLimit-Limit: 1000. Not found anywhere, and built the stricter way
// in the simulator: whether jobPosting.list shows drafts of closed jobs
// (taken as no: they are read through job.list), whether jobPosting.list
// pages (taken as whole, with a cursor followed if one comes), the rate
// limit's window (a minute), which tags Ashby keeps beyond the documented
// ones (<p> assumed, as its editor writes it), and whether
// jobPosting.create takes locations (it does not: jobPosting.update sets
// them).
package ashby
