package main

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"go.uber.org/zap"
)

// Colour off (--no-color, NO_COLOR, not a terminal) means no escape codes
// in the log either; JSON times are RFC 3339 in UTC; empty fields are left
// out.
func TestLoggerOutput(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		format    string
		color     bool
		wantColor bool
	}{
		{"console", false, false},
		{"console", true, true},
		{"json", true, false},
	} {
		var b strings.Builder
		log, err := newLogger(&b, "info", tc.format, tc.color)
		if err != nil {
			t.Fatal(err)
		}
		log.Warn("updated", zap.String("key", "k"), zap.String("reason", ""))
		log.With(zap.String("board", "")).Info("closed")
		out := b.String()
		if got := strings.Contains(out, "\x1b["); got != tc.wantColor {
			t.Errorf("%s, color %v: escape codes %v, want %v: %q", tc.format, tc.color, got, tc.wantColor, out)
		}
		if strings.Contains(out, "reason") || strings.Contains(out, "board") {
			t.Errorf("%s: an empty field is logged: %q", tc.format, out)
		}
		if tc.format != "json" {
			continue
		}
		for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
			var e struct{ TS string }
			if err := json.Unmarshal([]byte(line), &e); err != nil {
				t.Fatalf("%q: %v", line, err)
			}
			if ts, err := time.Parse(time.RFC3339, e.TS); err != nil || !strings.HasSuffix(e.TS, "Z") || ts.IsZero() {
				t.Errorf("ts %q: want an RFC 3339 time in UTC (%v)", e.TS, err)
			}
		}
	}
}

// The console logger of a run with --no-color or NO_COLOR is built without
// colour, whatever stderr is.
func TestNoColorReachesTheLogger(t *testing.T) {
	a := newApp(&strings.Builder{}, &strings.Builder{})
	t.Setenv("NO_COLOR", "1")
	if err := a.setup(); err != nil {
		t.Fatal(err)
	}
	if a.colorOn(a.stderr) {
		t.Error("colour on with NO_COLOR")
	}
}
