package ats

import (
	"fmt"
	"strings"
)

// Secret is a credential read from the environment. No fmt verb, JSON, text
// or zap encoding shows it: each prints "[redacted]" (or nothing, when the
// secret is empty). Reveal returns the value, for the one place that sends it.
//
// The value sits behind a pointer, so that even where fmt prints a value
// raw, calling none of its methods (in an unexported field, or below a
// value whose verb does not fit, such as %s of a pointer in a struct), it
// shows an address and not the secret. Compare secrets by Reveal: == tells
// only whether two are the same copy.
type Secret struct {
	v *string
}

const redacted = "[redacted]"

// NewSecret returns the secret holding value.
func NewSecret(value string) Secret { return Secret{v: &value} }

// Reveal returns the secret's value.
func (s Secret) Reveal() string {
	if s.v == nil {
		return ""
	}
	return *s.v
}

// IsSet reports whether the secret is not empty (blank counts as empty).
func (s Secret) IsSet() bool { return strings.TrimSpace(s.Reveal()) != "" }

// String returns "[redacted]", or "" when the secret is empty.
func (s Secret) String() string {
	if s.Reveal() == "" {
		return ""
	}
	return redacted
}

// GoString is String quoted, for %#v.
func (s Secret) GoString() string { return fmt.Sprintf("%q", s.String()) }

// Format makes every verb print the redacted form.
func (s Secret) Format(f fmt.State, verb rune) {
	switch {
	case verb == 'v' && f.Flag('#'), verb == 'q':
		fmt.Fprint(f, s.GoString())
	default:
		fmt.Fprint(f, s.String())
	}
}

// MarshalJSON encodes the redacted form.
func (s Secret) MarshalJSON() ([]byte, error) { return fmt.Appendf(nil, "%q", s.String()), nil }

// MarshalText encodes the redacted form (YAML, zap's reflection, and others).
func (s Secret) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// Decode sets the secret from an environment variable (envconfig.Decoder).
func (s *Secret) Decode(value string) error {
	*s = NewSecret(value)
	return nil
}
