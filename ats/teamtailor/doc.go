// Package teamtailor is jobsync's board for Teamtailor's API (JSON:API,
// v1), authenticated with an Admin API key sent as "Authorization: Token
// token=KEY".
//
// # What it does
//
//   - Every request carries the key, a dated X-Api-Version (api_version,
//     default DefaultAPIVersion) and Accept: application/vnd.api+json;
//     every write is sent as application/vnd.api+json. The host is
//     api.teamtailor.com (region eu, the default) or api.na.teamtailor.com
//     (region na); JOBSYNC_<BOARD>_BASE_URL overrides both.
//   - List: GET /v1/jobs with page[size]=30 (the largest page),
//     filter[status]=all, filter[feed]=public,internal and
//     include=department,locations, following links.next; a next link seen
//     before is an error, never a short list. A no-op sync of J jobs (owned
//     or not) is ceil(J/30) requests, the floor: the marker, the text drift
//     is judged on, the status and the names of the department and
//     locations are all in the list's answers. Open is status open;
//     archived, unlisted and draft jobs are closed (an open job past its
//     end date, human status expired, counts as open: its end date is a
//     person's).
//   - Create: one POST /v1/jobs (201) with title, body (the posting's
//     HTML), status open, tags holding the marker, and relationships: user
//     (the recruiter, JOBSYNC_<BOARD>_USER_ID, required by the API),
//     department and locations, found by name among the account's. Names
//     the listed jobs showed cost nothing; a name not seen yet has GET
//     /v1/departments or /v1/locations read once per run; a name the
//     account lacks is an error naming it. A create is never re-sent after
//     an ambiguous failure: the engine's look-up (Find, a List) finds the
//     job a lost answer made by its marker.
//   - Update: one PATCH /v1/jobs/{id} with title, body, status open
//     (which reopens an archived or unlisted job), department, locations
//     and the tags: a PATCH replaces the tag list whole, so the job's other
//     tags go back as List read them, with the new marker. The ownership
//     check (ats.ErrNotOwned for a job that is not jobsync's) is made on
//     the job List read moments before; a job List did not read as
//     jobsync's is read first (GET /v1/jobs/{id}). One request, the floor
//     (BenchmarkRequests; TestRequestsPerSync fails if a count grows); it
//     was two, with a GET re-reading what List had read. A tag a person
//     adds in the seconds between List and the PATCH is lost, as on Lever,
//     whose update sends List's tags too.
//   - Close: the same check, then one PATCH /v1/jobs/{id} with status
//     close_as: archived (default: off the career site, closed to
//     applications) or unlisted (off the lists but reachable, and open to
//     applications, by its link). Either is reversed by the next update. A
//     job that is archived, a draft or already so is not written.
//   - Errors: a JSON:API error document becomes an *atshttp.Error: the
//     first error's detail is its message (its title too when the detail
//     does not say it), the others' details are field errors named by
//     their source pointer. 404 matches ats.ErrNotFound. A 401 names the
//     variable holding the key, a 403 says an Admin read/write key is
//     needed, and a 406 wraps ErrAPIVersion and names api_version: the API
//     answers 406 to a missing or invalid X-Api-Version. A key that sees no
//     tags (not an Admin key) is an error of List before any plan, since
//     nothing could be seen as owned. Neither errors nor logs hold the key:
//     it is set per request in a header, and atshttp removes it from any
//     text an answer echoes.
//
// # Ownership and drift
//
// The marker (ats.Marker.String()) is one of the job's tags. Not a custom
// field value: a value is a resource of its own (POST
// /v1/custom-field-values with the job as owner), written only after the
// job exists, so a create whose answer was lost would leave a job without
// a marker, which the next run would create again; and each List would
// need the values too. A tag is written in the create itself. Tags are the
// company's internal labels, edited in the job's settings; a person
// editing the ad's title or text leaves them alone (removing the tag hands
// the job over to people). A job is jobsync's only while a tag parses as
// a marker (ats.ParseMarker): a person's tag that merely starts with
// "jobsync" is not one. The fingerprint covers the title and the body's
// text (ats.Fingerprint), so the API's re-serialised HTML is not drift and
// a changed word is. The marker also says whether jobsync left the job open
// or closed it (a Close rewrites the tags in the same PATCH as the status,
// at no extra request), and, for a posting that names a department and
// locations, fingerprints the ones it set: a person's archiving or
// unlisting of an open job, or move of it to another department or
// location, is drift, which a sync reports rather than overwrites. A tag holds 255 characters (the simulator's limit,
// and the tagging library's on MySQL), and a marker with a long key, its
// owner, binding and nonce is longer (284 for a sample key of 82): it is
// split at field boundaries over several tags that each start with its
// version and key, and joined again when read (marker.go); only a key too
// long for any tag is refused, before any write.
//
// # Rate limits
//
// Teamtailor documents the headers, not a number: X-Rate-Limit-Limit,
// -Remaining and -Reset (the seconds left in the period), and says their
// values may be static. jobsync reads them defensively: Remaining and
// Reset are handed to atshttp's gate (as X-RateLimit-Remaining and the
// Unix second the period ends), which holds every worker once the
// remaining budget is spent until the reset; a reset beyond a minute
// counts as a minute, so static values never stall a run; answers without
// usable numbers leave the gate to 429s, whose Retry-After is honoured
// (backoff without one). rate_limit adds a client-side pace in requests
// per second for an account that knows its number. Four writes run at
// once. Measured against the simulator's 50 requests per 10 seconds in
// ratelimit_test.go, on synctest's clock: 60 creates (65 requests, 11.6
// s), 60 updates (62, 11.5 s; 122 and 22 s while each update read its job
// first) and 60 closes (62, 9.8 s; were 122, 28.8 s) with no 429, at most
// 49 of 50 admitted in a window (one left for the next run);
// without the headers read, the same phases met 1, 2 and 3 429s. A run
// started right after another starts cautiously by construction: the run
// before leaves one request of the period (atshttp's reserve), List's first
// page goes alone and learns what is left, and no writer starts before
// List has answered (TestBackToBackRunsMeetNo429: a plan and a sync right
// after a window was spent, no 429; 4 without the headers read).
// BenchmarkRateLimitedSync (40 creates, then 20 updates, at 20 requests a
// second) uses 95% of each full window with no 429.
//
// # Salary
//
// No salary attribute is documented for jobs (none in the docs' Job
// Object, none in the official client's job fixtures), and the current API
// is not known to have one. jobsync sends none, since JSON:API servers
// refuse unknown attributes, and ignores any it reads: the pay is part of
// the posting's body (its details section), which is what candidates see.
//
// # Sources
//
// Verified in Teamtailor's documentation (Teamtailor/docs, the official
// docs' source, as stored for the search tool): jobs/_index (the Job
// Object: attributes, statuses open, draft, archived, unlisted, temp;
// human statuses; tags an array of strings; relationships), jobs/_create
// (POST /v1/jobs, the Token header, X-Api-Version, Content-Type
// application/vnd.api+json, user, title and body required), jobs/_list
// (filter[status] published, unlisted, archived, draft, scheduled and
// all; filter[feed] public and internal; include; locations to-many,
// filter[location] removed), _pagination (page[size] default 10, max 30;
// page[number]; links first, prev, next, last; meta record-count and
// page-count), _rate_limit (the three headers, Reset the seconds left,
// static values), _versioning (X-Api-Version required, 406 on an invalid
// one), custom_field_values/_create (a value is its own resource). The
// current vendor intro (Postman documenter) gives the EU and NA hosts and
// the key scopes (Admin, Internal, Public × read, write, read-write;
// Internal and Admin see internal, unlisted and archived jobs). The
// official Ruby client (Teamtailor/teamtailor-rb) sends Accept and
// Content-Type application/vnd.api+json and X-Api-Version on every
// request, treats 201 as a create's success, reads errors[].detail and
// maps 406 to an invalid API version; its job fixtures show no salary.
//
// Weaker, and built the stricter way in the simulator: that tags need an
// Admin key (the docs' scopes say Admin keys see everything; that other
// keys see no tags is inferred), that a PATCH replaces the tag list whole
// (JSONAPI::Resources' behaviour for an array attribute), that tags are
// limited to 255 characters and split on nothing in an array (the Rails
// tagging library acts-as-taggable-on), that an Accept of plain
// application/json is a 406 (JSONAPI::Resources), the numeric rate limit
// (not found anywhere; the simulator's 50 per 10 seconds is its own), and
// whether a 429 carries Retry-After. Whether the API version 20210218 is
// still accepted is not known: api_version changes it.
package teamtailor
