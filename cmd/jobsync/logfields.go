package main

import (
	"fmt"

	"go.uber.org/zap"
)

// zapLocation names a place in a file the way compilers do: "path:line".
func zapLocation(path string, line int) zap.Field {
	if line <= 0 {
		return zap.String("at", path)
	}
	return zap.String("at", fmt.Sprintf("%s:%d", path, line))
}

// errField logs an error under "error", as zap.Error does, but by value so
// multi-line joined errors stay one string.
func errField(err error) zap.Field {
	return zap.String("error", err.Error())
}
