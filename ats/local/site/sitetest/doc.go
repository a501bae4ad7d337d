// Package sitetest holds the careers site's browser tests: the README's
// example published to a local board, served on 127.0.0.1 and read by
// headless Chromium (Debian's chromium package, driven with chromedp). The
// tests skip when Chromium is not installed, except in CI (CI set), where
// its absence fails them. Screenshots of the index and one posting are
// written to testdata/artifacts (not committed).
package sitetest
