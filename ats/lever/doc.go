// Package lever is jobsync's board for Lever (API v1, postings).
//
// # What it does
//
//   - List: GET /postings?limit=100, following the opaque offset token in
//     next while hasNext is true, stopping should next be missing or come
//     back twice. One paged list carries content, tags and state, which is
//     all a no-op sync needs. confidentiality is not sent, so Lever's default
//     (non-confidential) applies: the API cannot create confidential
//     postings, so jobsync never owns one, and asking for them (all) fails
//     for a key without confidential access.
//   - Create: POST /postings?perform_as=<user> with text, state "published"
//     (sent explicitly: Lever's default is draft), distributionChannels,
//     categories (team and department = the posting's department, location =
//     its first location, allLocations, commitment = employment type; the
//     deprecated level is not sent), tags, content {descriptionHtml, lists,
//     closingPostingHtml}, workplaceType (only onsite, remote or hybrid, never
//     "unspecified") and salaryRange (all four fields, or none when the
//     posting has no pay). A create is never re-sent after an ambiguous
//     failure; the engine calls Find (GET /postings?tag=jobsync:<key>).
//     Then one more request, POST /postings/{id} with the tags alone,
//     binds the marker to the id Lever gave the posting (id=): Lever
//     assigns the id and takes no client-supplied one, so a marker
//     written by the create itself can hold only a creation nonce, and a
//     copy of such tags on a person's posting, once the original no longer
//     carries them, would be taken for jobsync's (and closed when its key
//     goes). Two requests a create, once in a posting's life, is the
//     floor for a claim bound from the start; should the second fail, the
//     posting is claimed by its nonce until its first update binds it.
//   - Update: one request, POST /postings/{id}?perform_as= with the whole
//     desired posting, state "published" (which reopens a closed one), and
//     the tags List returned with jobsync's replaced: a person's tags are
//     kept, and a posting that lost jobsync's key tag is refused
//     (ats.ErrNotOwned) without a request. Lever's update replaces the tag
//     list and has no call that adds or removes one tag, so this is the
//     floor: re-reading before each write would only catch a tag a person
//     added in the seconds since List. A posting List has not seen (a
//     direct caller) is read first, GET /postings/{id}. The update is
//     declared atshttp.Idempotent to the shared HTTP client: it carries the
//     complete desired state, so repeating it after a lost answer or a 5xx
//     writes the same thing again.
//   - Close: the same check, then POST {"state": "closed"} with the tags
//     in the same request, the marker's state=closed (a person's tags
//     kept); a posting List saw closed is not written again. Lever has no
//     delete.
//   - Errors: Lever's {code, message} body becomes an *atshttp.Error; a 404
//     matches ats.ErrNotFound. Neither errors nor logs ever hold the API key
//     (Basic auth is set per request, never in a URL).
//
// # Content
//
// A posting's sections are laid out as Lever shows a posting: about,
// specialty and level sections (and the prose of any section) in the
// description; responsibilities and requirements as two lists ("What you'll
// do", "What you'll need"); details (grade, location, pay) as the closing.
// Markdown is parsed with goldmark and written straight into Lever's tags
// (see render.go): DESCRIPTION HTML div p span br b i s u a, LIST HTML
// li b i s u a; strong → b, em → i, code → plain text, links only with http(s)
// hrefs, raw HTML dropped, headings as <span style="font-size: 18px">.
//
// # Ownership and drift
//
// Lever postings have no custom fields, so the marker lives in tags (see
// tags.go): "jobsync:<key>" (ownership, and the tag Find filters on) and
// ats.Marker.String() ("jobsync/v1 key=… hash=… fp=…"). A posting is
// jobsync's only while it carries the key tag: remove it in Lever and jobsync
// never touches the posting again (the plan then warns of a likely duplicate
// when it creates the key anew). A key tag without its marker tag is owned
// but reported drifted, since nothing proves its text. The creating user
// (perform_as) is not part of ownership: replacing the service user would
// otherwise orphan every posting and cause duplicates; a posting created by
// another user is only logged. The fingerprint covers title, description,
// each list's heading and items, and closing, reduced to text
// (ats.Fingerprint), so Lever re-serialising HTML (<br> → <br />, styles,
// line breaks, <ul> around items) is not drift, while a changed word is.
// The marker also fingerprints the locations and department (fa=, which
// Lever gives back as sent) and says whether jobsync left the posting
// published or closed it (state=open or closed): a person's edit of the
// locations or department, or a person's close or move of a published
// posting to another state (internal, draft, …), is drift, reported rather
// than overwritten or published again. The distribution channels (a
// published posting taken off the public site) are not compared.
//
// Caveats: every new hash is a new tag in the account's tag list (Lever keeps
// tags account-wide; a create makes two, the nonce's and the bound one),
// and the marker tag is about 250 characters long with its binding (a limit
// on tag length is not documented). Lever does not say how to clear a
// salaryRange, so a posting whose pay is removed keeps the last range on
// Lever (its closing text is updated).
//
// # Rate limits
//
// Lever documents a token bucket of 10 requests per second per key with
// bursts of 20, a 429 when it is empty, and no rate-limit headers or
// Retry-After. The board's client is atshttp.NewHTTPClient with
// rate.NewLimiter(10, 20) applied to every attempt (reads too), exponential
// backoff with jitter after a 429 and one pause for all workers; Retry-After
// and X-RateLimit-* are honoured only if a response carries them.
// MaxConcurrency is 4: the shared limiter, not the writers, sets the pace.
//
// # Sources
//
// Verified in Lever's documentation (hire.lever.co/developer/documentation;
// the stored copy searched for this package shows the table of contents with
// Postings → Create a posting, Update a posting, HTML support, and the API
// overview sections Rate Limits, Responses and Errors, Pagination, and the
// introduction "The root URL … is https://api.lever.co/v1"), with the detail
// of those sections as read and labelled [V] in the project's research notes
// (shared/ats/lever.md): Basic auth with the key as user and an empty
// password; perform_as required on create and update; POST (not PUT) for
// update, partial, 200 {"data"}; create 201 {"data"}; state has six values;
// workplaceType cannot return to unspecified; salaryRange all-or-none; the
// write name closingPostingHtml; the two HTML allow-lists; limit 1–100 with
// opaque offset tokens, hasNext and next; tag filter exact, repeatable, OR;
// confidentiality default non-confidential; {code, message} errors, 404 for
// unknown objects; the 10/s, burst 20 token bucket with 429 and backoff
// advice. Verified in recorded sandbox traffic (NangoHQ/integration-templates,
// integrations/lever/tests/get-posting.test.json, get-postings.test.json,
// read for this package): the read shape, ms timestamps, no next key on the
// last page, derived plain description ("<div>…</div>" → "…\n"), app-made HTML
// with <br />, <span style="font-size:18px"> and <ul> around list items,
// distributionChannels null when not published, urls null in write replies.
//
// Weaker: the 10/s bucket is also stated by third parties (apis.io rate-limit
// profiles), whose advice to honour Retry-After is generic. Not found
// anywhere, so built defensively: the bodies of 401/403/429/5xx, the exact 400
// for a missing perform_as on postings (a third-party fixture shows
// "Missing perform_as parameter…" for opportunities), the error for invalid
// HTML, whether nested objects merge on update (full objects are always
// sent), the salaryRange interval set beyond per-year-salary (the others are
// third-party), tag length limits, and list order.
package lever
