// Command jobsync publishes job postings from handbook pages to job boards.
//
// main only sets up signals and exit codes; run holds the program so tests can
// drive it with their own arguments and writers.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
