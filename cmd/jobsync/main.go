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
	// The first Ctrl-C lets the writes in flight finish and starts no more;
	// once it is caught, a second one ends the process at once.
	context.AfterFunc(ctx, stop)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
