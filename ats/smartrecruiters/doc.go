// Package smartrecruiters is jobsync's board for the SmartRecruiters Job
// API (api.smartrecruiters.com), authenticated with an API key sent as
// X-SmartToken.
//
// # What it does
//
//   - List: GET /jobs?limit=100, following nextPageId (as pageId) while a
//     page has jobs and names a next one; a repeated page id is an error,
//     never a short list. The list's summaries carry no properties and no
//     job ad, so each job is then read, GET /jobs/{id}, eight at once: the
//     marker and the text drift is judged on are only there. A no-op sync
//     of J jobs (owned or not) therefore costs ceil(J/100) + J requests,
//     which is the floor this API allows. Publication state is
//     postingStatus (NOT_PUBLISHED is closed); locations and the department
//     are read from the same record.
//   - Create: POST /jobs with title, function, industry and experience
//     level (ids), location {countryCode, regionCode, city, remote},
//     compensation {min, max, currency} when the posting has pay,
//     typeOfEmployment when the board sets one, the job ad's jobDescription,
//     qualifications and additionalInformation, and the marker as a job
//     property, all in the one request; then POST /jobs/{id}/publication
//     with the board's visibility; then PATCH /jobs/{id} with the marker
//     alone, bound to the new job's id (id=) and open (state=open). Three
//     requests: the id is first known from the create's answer, and a
//     marker that only a nonce identifies would let a copy of it pass for
//     the job once the original is gone (see Ownership and drift). The
//     first create of a board whose jobs show no marker field yet reads
//     GET /configuration/job-properties once, to find the field's id and
//     refuse to create when it does not exist: the API "ignores all
//     nonexistent job properties", and would make jobs without a marker.
//     A create is never re-sent after an ambiguous failure; the engine's
//     look-up (Find) reads only the jobs with that create's title.
//   - Update: one PATCH /jobs/{id}; then, when close_status had set a
//     status, PUT /jobs/{id}/status SOURCING, and when the job is
//     unpublished, POST /jobs/{id}/publication and a PATCH of the marker
//     alone to state=open (until the job is published again its marker
//     keeps the state it had, so that a reopen cut short is not taken for a
//     person's close). One request for a live job, the floor; three or four
//     to reopen. A job that is not jobsync's is
//     refused (ats.ErrNotOwned) on the record List read moments before
//     (the marker field, the statuses); a job List has not read is read
//     first, GET /jobs/{id}.
//   - Close: the same check, then PATCH /jobs/{id} the marker alone with
//     state=closed, then DELETE /jobs/{id}/publication ("unpublishes a job
//     from all sources"; reversible: the next update publishes it again),
//     then PUT /jobs/{id}/status with close_status if the board sets one
//     (changing the status alone does not unpublish). Two requests: the
//     marker first, so that a close cut short leaves a published job the
//     next plan closes again. A closed job is not written.
//   - Errors: SmartRecruiters' {message, errors[{code, message}]} becomes an
//     *atshttp.Error keeping the message; 404 matches ats.ErrNotFound; a 401
//     names the variable holding the key. 409, "the request conflicts with
//     a different request", is retried with backoff for reads and
//     idempotent writes (the other request finishes) and never for a
//     create. Neither errors nor logs hold the key: it is set per request
//     in a header, and atshttp removes it from any text an answer echoes.
//
// # PATCH: JSON Patch, not JSON Merge Patch
//
// The reference page of PATCH /jobs/{id} says "per JSON Merge Patch
// specification (RFC 7396)", yet every example on it is a JSON Patch
// (RFC 6902) array of operations, and the 2017 spec declares
// application/json-patch+json with a JSONPatch body. jobsync sends
// operations, as the examples do, and the choice is made in one place:
// patchContentType in client.go (the operations are built in patch.go).
// Every operation is an add (a set), with null to delete a field as the page
// says, so a patch sent twice writes the same job.
//
// # Ownership and drift
//
// The marker (ats.Marker.String()) lives in a job property: a free-text
// job field the company creates for jobsync (marker_field, its label or
// id; default the label "jobsync"). Not refNumber: the reference number is
// public (the Posting API and job feeds show it), and recruiters and HRIS
// integrations own it as the requisition number, so it would be
// overwritten or leak the marker to candidates. The property is written in
// the create itself, so a job whose create answer was lost carries it; a
// recruiter editing the job's text or settings leaves it alone. A job is
// jobsync's only while that field holds a marker (a person's own text in
// it is no marker). The fingerprint covers the title and the text of the
// three sections jobsync writes (ats.Fingerprint), so re-serialised HTML is
// not drift and a changed word is; the company description is the
// company's, never written and not part of it.
//
// The marker also records the location jobsync wrote (fa=,
// ats.AttrFingerprint of its city, region and country codes and remote
// flag: the names the API may add to the codes are left out) and, from
// the create's binding on, the published state (state=open, state=closed
// after jobsync's close). A job a person moved to another location, or
// unpublished under state=open, is drift: reported, and not written back
// or published again without --overwrite-drift. The department is not
// written (jobsync sends none, and a department a person sets stays
// through every update), so it is neither compared nor cleared. A marker
// written before fa= and state= is compared on its text alone until its
// next update.
//
// The marker is bound to the job's id from the create on (see Create): a
// marker a person copies onto another job names a job that is not that
// one, so the copy's claim is not proved (ats.Remote.Unproved) and
// nothing is written to it, even once the original is deleted. Only a
// create cut short between its answer and the binding leaves a marker
// identified by its nonce alone, until the engine's look-up or the next
// update binds it.
//
// # Rate limits
//
// 10 requests per second, 2 per second on POST and DELETE
// /jobs/{id}/publication, 8 requests at once, X-RateLimit-* on every
// answer, 429 without Retry-After. The client keeps under all three
// instead of bouncing off them: every request waits for a token of a
// limiter at 9.5 per second, a publication call also for one at 1.9 per
// second (95% of each, so that jitter never puts one request too many into
// a second), and at most 8 are on the wire. The headers name no reset, so
// nothing better than the documented numbers can be read from them; a 429
// (another client on the same key) pauses every worker briefly and is
// retried with backoff, creates included, since a refused request did not
// run. An account granted other limits sets rate_limit and
// publication_rate_limit. Measured against the simulator in
// ratelimit_test.go: 60 creates at 1.90 publication calls a second, 60
// updates at 9.5 requests a second, 60 closes at 1.90, no 429.
//
// # Sources
//
// Verified in SmartRecruiters' developer documentation
// (developers.smartrecruiters.com, as stored for the search tool):
// docs/rate-limiting (the three limits, the four headers on every
// response, 429); docs/error-handling (the status codes, 409 "The request
// conflicts with a different request", 422); docs/authentication and
// docs/api-key (X-SmartToken, the key acting as an admin user, OAuth
// scopes); docs/synchronizing-jobs (POST /jobs, GET and PATCH
// /jobs/{jobId}, PUT /jobs/{jobId}/status, jobs_read and jobs_manage);
// reference/jobspatch-1 (the Merge Patch wording, the JSON Patch examples,
// add /properties/- to upsert a property, null deletes, updates may
// trigger approval, "Input validation fails"); reference/pagination
// (nextPageId cursors, each endpoint's page being the source of truth);
// docs/objects (ids such as internet, marketing, director; location
// remote). The legacy documentation
// (dev.smartrecruiters.com/customer-api/job-api__trashed/endpoints/jobs-insert/)
// gives the required fields of a new job (title, function, industry,
// experienceLevel, location countryCode lower case, regionCode upper case,
// city) and the body's jobAd sections and compensation. SmartRecruiters'
// help centre (Job statuses, Changing job status) gives the job statuses
// and that a status change does not unpublish.
//
// Weaker: the 2017 OpenAPI spec as the generated client
// roksela/smartrecruiters-python-client (docs/JobsApi.md, JobDetails,
// JobSummary, JobProperty, ErrorResponse, ConfigurationApi) shows the
// publication routes and their body {visibility, aggregators}, PATCH as
// application/json-patch+json, that list summaries lack properties and
// the ad, the properties' {id, label, value} shape, the error body, GET
// /configuration/job-properties and that unknown properties are ignored;
// Riminder/hrflow-connectors (v2 smartrecruiters/aisles.py) pages GET /jobs
// with pageId and nextPageId today and reads each job after, and names the
// postingStatus and status values. Not found anywhere, and built the
// stricter way in the simulator: whether PATCH answers with the job (an
// empty answer is read back with a GET), whether a publication call counts
// against the 10/s as well (the client paces it against both), whether
// the 10/s is per endpoint (paced over all), how the last page of GET /jobs
// looks (no nextPageId, or an empty page: both end the list), whether an
// edited published job needs publishing again (not done), which statuses
// may be published (not FILLED, CANCELLED or ON_HOLD; reopening sets
// SOURCING), experience level ids beyond mid_senior_level and director
// (intern, entry, associate, director and executive words in a title map
// to them), type of employment ids (passed through), a pay interval (none
// is documented: it is in the additional information).
package smartrecruiters
