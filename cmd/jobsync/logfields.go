package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"go.uber.org/zap"
)

// zapLocation names a place in a file the way compilers do: "path:line",
// the path relative to the working directory when it is below it.
func zapLocation(path string, line int) zap.Field {
	if wd, err := os.Getwd(); err == nil && filepath.IsAbs(path) {
		if rel, err := filepath.Rel(wd, path); err == nil && !strings.HasPrefix(rel, "..") {
			path = rel
		}
	}
	if line <= 0 {
		return zap.String("at", path)
	}
	return zap.String("at", fmt.Sprintf("%s:%d", path, line))
}
