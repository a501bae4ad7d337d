package main

import (
	"errors"
	"fmt"
	"io"
)

// Exit codes. 2 is only used with --detailed-exitcode, as Terraform does.
const (
	exitOK      = 0
	exitError   = 1
	exitChanges = 2
)

// exitError carries an exit code through cobra. A nil err exits quietly
// with the code (changes pending); a non-nil one is printed.
type exitCodeError struct {
	code int
	err  error
}

func (e *exitCodeError) Error() string {
	if e.err == nil {
		return fmt.Sprintf("exit %d", e.code)
	}
	return e.err.Error()
}

func (e *exitCodeError) Unwrap() error { return e.err }

// exitCode prints err (if any) and picks the process's exit code.
func exitCode(err error, stderr io.Writer) int {
	if err == nil {
		return exitOK
	}
	var ec *exitCodeError
	if errors.As(err, &ec) {
		if ec.err != nil {
			fmt.Fprintf(stderr, "jobsync: %v\n", ec.err)
		}
		return ec.code
	}
	fmt.Fprintf(stderr, "jobsync: %v\n", err)
	return exitError
}
