// Package greenhouse publishes jobsync postings to Greenhouse through the
// Harvest v3 API (Harvest v1/v2 were switched off on 31 August 2026).
//
// # How a posting maps onto Greenhouse
//
// Greenhouse separates the job (requisition, openings, custom fields) from
// its job posts (the public ads). jobsync creates one job per posting by
// copying a template job (Options.TemplateJobID; the template supplies the
// hiring plan, scorecards, hiring team and the post to copy) and manages one
// post of it, the job's primary post: its lowest-id active external post,
// else its lowest-id active post. Remote.ID is that post's id, and the
// engine passes it back to Update and Close.
//
//   - List: every page of GET /jobs and of GET /job_posts (per_page=500,
//     then the Link rel="next" URL exactly as given), paired by job_id, and
//     the location rows of jobsync's posts (GET
//     /job_post_locations?job_post_ids=, 50 posts a request). A no-op sync
//     costs those pages and nothing else: 3 requests for up to 50 postings.
//   - Create: POST /jobs {template_job_id, number_of_openings: 1, job_name,
//     job_post_name}; GET /job_posts?job_ids=; GET
//     /job_post_locations?job_post_ids= (the template's rows); PATCH
//     /jobs/{id} the marker, pending; locations; PATCH /job_posts/{id}
//     {title, content, job_application_status: "live"}; PATCH /jobs/{id}
//     the final marker.
//   - Update: 3 requests, the floor: PATCH /jobs/{id} the marker, pending;
//     PATCH /job_posts/{id}; PATCH /jobs/{id} the final marker. The marker
//     lives on the job and the words on the post, and the pending marker
//     keeps a half-done update from reading as a person's edit. Nothing is
//     read again: the job (its marker, and the custom field values to
//     re-send), its primary post and its location rows are those List
//     returned moments before. Locations are written only when the rows
//     are not the posting's (see below), reopening a closed job first when
//     Options.CloseOpenings is set (PATCH /openings/{id} {open: true}). A
//     post List has not seen (a direct caller) is read first: GET
//     /jobs?ids=, GET /job_posts?job_ids= (the post must be the job's
//     primary post), and GET /job_posts?ids= when its job is unknown.
//   - Close: the same check, then PATCH /jobs/{id} the marker with
//     state=closed, then PATCH /job_posts/{id} {job_application_status:
//     "draft"}: the post leaves the boards and can be published again. 2
//     requests: the marker lives on the job and the status on the post, and
//     without state= a post a person unpublished could not be told from one
//     jobsync closed. With Options.CloseOpenings, also PATCH /openings/{id}
//     {open: false} for each open opening (between the two), which closes
//     the job (Greenhouse closes a job with its last opening). A post that
//     is not live is left as it is.
//   - Find (ats.Finder): every page of GET /jobs, then only the matching
//     jobs' posts (GET /job_posts?job_ids=, 50 ids a request). Not their
//     location rows: Find's callers judge claims, not drift (an adopted
//     posting's update reads its rows).
//
// Locations are free-text job_post_locations rows (POST, DELETE
// /job_post_locations; GET ?job_post_ids=). List reads the rows of
// jobsync's posts, at one request per 50 posts (ceil(P/50) for P of
// jobsync's postings: 1 for up to 50, 3 for 112), and the final marker
// records what it left (fa=, ats.AttrFingerprint of the rows as a set, case
// aside: a row repeated by two runs at once is not an edit). A row a person
// added, edited or removed is drift: reported, and written back only with
// --overwrite-drift. Nothing cheaper proves it: a post's updated_at is not
// documented to move with its location rows, and the rows cannot be read
// with the posts. A write sets the rows only when they are not the
// posting's; it adds the missing rows before deleting the others, so a
// live post never has none. A posting with no locations keeps the
// template's (and the marker records those).
//
// The department is not written: a job copied from the template keeps the
// template's department_id, and mapping a posting's department name to a
// Greenhouse department would take GET /departments and the same choice
// for every account. So it is neither compared nor in plan diffs
// (ReadsFields, ats.FieldReader): a person may move a job to another
// department, and jobsync never moves it back.
//
// Published state: the final marker says state=open and Close writes
// state=closed before it unpublishes, so a post found not live (draft, or
// its job closed) under state=open was unpublished by a person: drift,
// never republished without --overwrite-drift. A post reads as published
// when its "live" is true, which Greenhouse also makes false while the job
// board itself is unpublished: a board switched off shows every post as
// drift, which is what a person would want to hear before a sync. A
// pending marker keeps the
// state, locations and fingerprint of before the write (ats.Marker.Pending),
// so a write cut short is completed, not taken for an edit. Markers written
// before fa= and state= (with a " loc=" digest, which is now ignored) are
// compared on title and text only, until their next write.
//
// Preflight (ats.Preflighter) checks, reading only, that the template job
// exists and has a post to copy (when the plan creates), and whether the
// marker field exists: a plan says that the first write creates it.
//
// # Ownership
//
// A post is jobsync's when its job carries the marker (ats.Marker.String())
// in a private job custom field, name_key jobsync_marker (value type
// long_text; short_text is accepted if the field exists already). jobsync
// creates the field definition on its first write if the account lacks it
// (GET /custom_fields?field_type=job, POST /custom_fields), once per Board.
// List reads the marker from that field, or from any custom field value that
// parses as a marker, so a field whose name_key Greenhouse spelled
// differently still works. PATCH /jobs/{id} replaces a job's whole list of
// custom_fields, so every write re-sends every other value the job held, as
// it was read.
//
// Not requisition_id: companies use it for their own requisition numbers
// (it is filterable and shown on the public Job Board API), and a sync must
// never take it from them. jobsync sets nothing there.
//
// Jobs of people are never written: Update and Close read the post's job
// first and refuse one without a marker, or a post other than the job's
// primary post (ats.ErrNotOwned), whatever the engine asks.
//
// A template may give a job several posts (an external and an internal
// board's). jobsync manages the job's primary post: its active post with the
// lowest id, an external one before an internal one. List leaves the job's
// other posts out altogether: they are neither jobsync's to write nor anyone
// else's posting to count as not managed.
//
// # Partial success
//
// No Harvest write takes an idempotency key, and a create is several calls.
// Every step is ordered so that the next run converges:
//
//   - The marker is written as soon as the new job's post and its rows are
//     read, with hash "pending" and the new content's fingerprint and
//     locations as next. A run that stops after that sees an owned posting
//     whose hash matches nothing, and updates it. While the hash is
//     "pending", text and locations that are either those before the
//     write or those being written are jobsync's; anything else is drift.
//   - A POST /jobs whose answer was lost (timeout, reset, 5xx after the job
//     was made) leaves a job with no marker. Its internal name carries the
//     key, the create's nonce and the config's owner ("<title>
//     [jobsync:<key> n=<nonce> owner=<owner>]", owner= only when set) and
//     it was copied from the template, so List and Find report it as an
//     owned orphan with hash "pending", claimed as its marker would be (the
//     nonce tells it from another create of the key, the owner from
//     another config's): the engine's look-up after the failed create
//     adopts it, and the update writes its marker. A tag without a nonce
//     (typed by a person, or written before nonces) proves nothing: the
//     key is a conflict and nothing is written until a person renames the
//     job. The first marker write also takes the tag out of the name, so a
//     job whose marker a person later clears is theirs, not an orphan of
//     ours.
//   - A job copied from one of ours carries our marker (a copy takes the
//     custom field values along) but is not ours: List and Find leave it
//     unowned, or the plan would close it as a duplicate.
//   - With CloseOpenings, Close closes the openings before it unpublishes
//     the post, so a close cut short leaves the post live and the next plan
//     closes it again.
//   - An update writes the pending marker first and the final one last, so a
//     half-done update is never mistaken for a person's edit.
//   - Deleting a location that is already gone counts as done; locations are
//     compared as sets, so a lost POST is not repeated.
//
// # Auth, errors, rate limits
//
// OAuth 2.0 client credentials: POST to the token URL with Basic
// client_id:client_secret and the form grant_type=client_credentials&sub=
// <user id>; the answer's access_token is sent as a Bearer token on every
// call (Harvest v3 has no On-Behalf-Of header: the token's sub is the acting
// user). Tokens are cached and replaced a minute (or a fifth of their life)
// before expires_at; concurrent callers share one refresh. A 401 from the
// API means the request did not run: the token is dropped and that request
// sent once more (atshttp.Bearer).
//
// Errors are *atshttp.Error, keeping Greenhouse's message and field errors
// (or the token endpoint's OAuth error and description); a 404 matches
// ats.ErrNotFound, as does an id that an ids= filter does not find. Neither
// errors nor logs ever hold the client secret or a token.
//
// Known gap: a marker write re-sends the job's other custom field values as
// GET returned them. Harvest v1 took select fields by option id and ranges
// as top-level min_value/max_value/unit on write; whether v3 keeps that
// asymmetry is not documented where we could read it. If it does, a
// template with such fields makes the marker PATCH fail with a 422, and the
// run stops with that error (no duplicate: the next run finds the job by its
// tag and tries again).
//
// Retries and pacing are the shared client's (atshttp.NewHTTPClient), by
// the kind each call declares: reads (GET), PATCH, DELETE and the token
// request retried on 429, 5xx and network errors; the creates (POST /jobs,
// /job_post_locations, /custom_fields) only on 429 or when surely not sent;
// every worker held while a 429's Retry-After runs, and
// the window's remaining budget (X-RateLimit-Remaining until
// X-RateLimit-Reset) spent without overshooting it, counting requests in
// flight. This package adds no pacing of its own. (Measured with
// BenchmarkRateLimitedSync: the sync uses 100% of each full window's
// budget.)
//
// # Sources
//
// Verified on harvestdocs.greenhouse.io (the guides, read in full): the token
// request (authentication: endpoint, Basic client id:secret, form
// grant_type=client_credentials and sub=<numeric user_id>, Bearer on every
// call); cursor pagination (pagination: Link rel="next" only, the cursor
// must be the only query parameter, per_page on the first request only);
// the base URL https://harvest.greenhouse.io/v3; PATCH /v3/jobs/{id}
// replacing custom_fields and office lists wholesale and opening/closing
// jobs only through /v3/openings (reference page patch_v3-jobs-id, via the
// project's notes). The token answer's token_type, access_token and
// expires_at are what Greenhouse's own client library reads
// (grnhse/greenhouse-tools-php, HarvestAuthClient).
//
// Third-party (a public project that vendored all Harvest v3 reference
// pages, and two v3 clients): the routes GET /v3/jobs, /v3/job_posts,
// /v3/job_post_locations, /v3/openings, /v3/custom_fields and their filters
// (ids, job_ids, job_post_ids, open, field_type; at most 50 ids); the job,
// post, location, opening and custom field fields read here; lists as bare
// JSON arrays ordered by id descending; job custom_fields read as an object
// keyed by name_key whose values are {name, type, value} and written as a
// list of {name_key, value}; error bodies {message, errors: [{message,
// field}]}; the fixed 30-second window with X-RateLimit-Limit, -Remaining,
// -Reset and 429 + Retry-After; PATCH /v3/job_posts/{id} taking
// job_application_status draft|live as the publish control (single source:
// a capability map of the v3 write pages).
//
// Inferred, not found documented (the reference pages of these writes were
// not readable): the bodies of POST /v3/jobs (the v1 names template_job_id,
// number_of_openings, job_name, job_post_name), POST /v3/job_post_locations
// ({job_post_id, type: "free_text", plain_text_location}), PATCH
// /v3/openings/{id} ({open: bool}) and POST /v3/custom_fields ({name,
// field_type, value_type, private, description}); that a new field's
// name_key is made from its name; the status codes of writes (any 2xx is
// taken as success, the body read when there is one); that a post of a
// closed job cannot go live. Re-check these against the reference pages
// (post_v3-jobs, post_v3-job-post-locations, patch_v3-openings-id,
// post_v3-custom-fields, patch_v3-job-posts-id) before relying on them; they
// all sit in api.go and write.go.
//
// The simulator, greenhousesim, implements exactly these routes and shapes,
// picking the stricter behaviour where the docs are silent.
package greenhouse
