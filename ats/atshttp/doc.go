// Package atshttp is the HTTP toolkit the board adapters share; the engine
// in package ats never uses it.
//
//   - NewHTTPClient builds a board's retrying client (go-retryablehttp under
//     a rate-limit gate): a request is retried according to the Kind it
//     declares (WithKind), so a read sent as POST is retried like a GET and
//     a create is never blindly sent twice; one gate per board holds every
//     worker through a 429's Retry-After and an exhausted
//     X-RateLimit-Remaining; URLs in its logs lose their credentials.
package atshttp
