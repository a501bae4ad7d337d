// Package simkit holds the parts every board simulator needs and none
// should write again: a request recorder, fault injection, the rate limiters
// real job boards use, the KEY=VALUE environment printer and a state dump.
// It imports only the standard library, so a simulator built on it can be
// served by anything (tests, benchmarks, `jobsync simulate`).
//
// Each part is a plain type; the ones that act on requests are Layers,
// http.Handler middleware, and a simulator is its routes wrapped in them:
//
//	rec := simkit.NewRecorder(now)
//	limit := simkit.NewFixedWindow(simkit.WindowOptions{Limit: 50, Window: 30 * time.Second, Now: now, Error: apiError})
//	faults := simkit.NewFaults(simkit.FaultOptions{Route: simkit.MuxRoute(mux), Error: apiError})
//	h := simkit.Chain(mux, rec, limit, simkit.Guard(s.authorized), faults)
//
// Layers run in the order given, outermost first. The usual order, and the
// one the Greenhouse and Lever simulators follow, is:
//
//  1. Recorder: outermost, so that every answer is counted, refusals
//     included. Limiters and faults mark the record of a request they
//     refuse or break (Request.Limited, RetryAt, Fault).
//  2. Authentication and the rate limiter, in the order the real service
//     applies them (Greenhouse sends its rate-limit headers on a 401, so its
//     limiter comes first; Lever checks the key first).
//  3. Faults: innermost, so that an injected failure looks like the
//     service's own and a lost answer follows a request that really ran.
//
// # Recorder
//
// NewRecorder keeps every request in arrival order as a Request (method,
// path, query, status, arrival time, whether a limiter refused it and when
// its retry hint ends, the fault injected). Tests and benchmarks read it
// with Requests and Len, count with Count and MaxRun and the predicates Route
// and Status (rec.Count(simkit.Route("POST", "/v1/postings")),
// rec.MaxRun(simkit.Status(429))), or per "METHOD PATH" with ByRoute; Reset
// forgets what was recorded. The status is set as soon as the answer's
// header is written, before the client can see it; it stays 0 for a
// connection dropped on purpose.
//
// # Faults
//
// NewFaults injects failures: an error before the request runs (500, 502,
// 503, in the board's own error body), a delay, or a lost answer after the
// request ran (a 504, or the connection closed without an answer), so that
// a write happens and the client cannot tell. Faults.Set turns random
// faults on at a rate, drawn from a seeded generator: the same seed and the
// same requests give the same faults. A Policy decides what one request
// gets; Even (the default) picks evenly among every kind. Faults.LoseNext
// loses the answer of the next request matching a method and path prefix,
// for deterministic tests. Counts, Lost and ByRoute report what was
// injected, by kind ("500", "lost-504", "dropped", "slow") and by route.
// FaultOptions.Latency adds a fixed delay to every request.
//
// # Rate limiters
//
//   - FixedWindow: n requests per window aligned to the Unix epoch; every
//     answer carries limit, remaining and reset headers (X-RateLimit-* by
//     default, HeaderNames for a service naming them otherwise), and a
//     refusal is a 429 with Retry-After (Greenhouse).
//   - TokenBucket: a refill rate and a burst; a refusal is a bare 429, with
//     no header at all (Lever).
//   - ConcurrencyLimit: at most n requests in flight; one more is refused
//     (SmartRecruiters allows 8), and with Headers every answer says the
//     limit and the room left (XRateLimitConcurrent).
//
// A service with no reset header or no Retry-After leaves HeaderNames.Reset
// empty or sets NoRetryAfter (SmartRecruiters sends neither). Only applies
// a layer to some routes: a second, lower window on a few of them
// (SmartRecruiters' 2 requests/s on publication calls).
//
// Each takes a clock (nil: time.Now), so tests move time by hand, and
// counts what it admitted and refused.
//
// # Environment and state
//
// Env prints the KEY=VALUE lines of a board's environment (a simulator's
// Env(prefix, root) method, as `jobsync simulate` prints it); BaseURL joins
// a server's root and the service's base path. Dump is deterministic JSON
// of a simulator's state, for tests that check what a sync left untouched;
// Sorted orders a map's values by key. WriteJSON answers a JSON body.
//
// # Writing a simulator
//
// Keep the state in the service's own JSON types, so what a test inspects is
// what the API serves; guard it with one mutex; serve the real routes with
// their validation and paging, strictly where the real service's behaviour
// is unknown. Seed it with a few postings a person made, which a sync must
// never touch. Give it an Options struct whose zero value follows the real
// service, with Faults, Latency and Seed, and an Env(prefix, root string)
// method, so that it is an ats.Simulator. Expose what tests need to count
// by delegating to the kit's types.
package simkit
