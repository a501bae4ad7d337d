// Package atshttp is the HTTP toolkit the board adapters share; the engine
// in package ats never uses it.
//
//   - NewHTTPClient builds a board's retrying client (go-retryablehttp under
//     a rate-limit gate): a request is retried according to the Kind it
//     declares (WithKind), so a read sent as POST is retried like a GET and
//     a create is never blindly sent twice; one gate per board holds every
//     worker through a 429's Retry-After and an exhausted
//     X-RateLimit-Remaining; it paces requests client-side where a board
//     asks (Limiter for all of them, Limits for some routes, MaxInFlight)
//     and retries the statuses a board names (RetryStatuses) as it retries
//     a 5xx; URLs in its logs lose their credentials.
//   - Client is an adapter's one request/response path over it: a Request
//     declares its Kind, goes below the API's base URL (or to a link the API
//     gave, if it stays under it), carries the board's Auth (Basic, a key in
//     a Header, or Bearer with one refresh after a 401), sends and decodes
//     JSON (as Request.ContentType says, application/json by default), and
//     turns a failed answer into an *Error: the board's code, message,
//     request id and field errors, decoded by the adapter's DecodeError,
//     with its Secrets and URL credentials removed, and matching
//     ats.ErrNotFound on a 404 or when the board says so in the body.
//   - Pages reads a paged list, refusing a page that says there is more but
//     names no next page, or names one seen before: ErrIncomplete, never a
//     short list. NextLink reads a Link header's next page.
package atshttp
