package ats

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"
)

func TestSecretNeverPrints(t *testing.T) {
	const value = "s3cr3t-value"
	type env struct {
		Key  Secret
		Keys []Secret
		Ptr  *Secret
	}
	s := NewSecret(value)
	e := env{Key: s, Keys: []Secret{s}, Ptr: &s}
	var outs []string
	for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q", "%x", "%X", "%10s", "%-8v", "%T %v"} {
		outs = append(outs, fmt.Sprintf(verb, s), fmt.Sprintf(verb, e), fmt.Sprintf(verb, &e))
	}
	js, err := json.Marshal(e)
	if err != nil {
		t.Fatal(err)
	}
	outs = append(outs, string(js))
	var buf bytes.Buffer
	log := zap.New(zapcore.NewCore(zapcore.NewJSONEncoder(zap.NewProductionEncoderConfig()), zapcore.AddSync(&buf), zap.DebugLevel))
	log.Info("x", zap.Any("secret", s), zap.Any("env", e), zap.Stringer("s", s), zap.Reflect("r", e))
	outs = append(outs, buf.String())
	for _, o := range outs {
		if strings.Contains(o, value) || strings.Contains(o, fmt.Sprintf("%x", value)) {
			t.Errorf("secret shown: %s", o)
		}
	}
	if s.Reveal() != value || !s.IsSet() || NewSecret(" ").IsSet() || (Secret{}).IsSet() || (Secret{}).Reveal() != "" {
		t.Errorf("Reveal/IsSet wrong")
	}
	if NewSecret("").String() != "" || (Secret{}).String() != "" {
		t.Errorf("empty secret prints %q", NewSecret("").String())
	}
	var d Secret
	if err := d.Decode(value); err != nil || d.Reveal() != value {
		t.Errorf("Decode: %v, %q", err, d.Reveal())
	}
}

// fmt prints a value raw, calling no String or Format method, when it sits
// in an unexported field, or below a value whose verb is wrong for it (%s
// of a pointer inside a struct): a secret must show nothing even then.
func TestSecretHiddenFromRawPrinting(t *testing.T) {
	t.Parallel()
	const value = "s3cr3t-value"
	type env struct{ Key Secret }
	type holder struct {
		Ptr     *env
		Any     any
		private Secret
		inner   env
	}
	e := env{Key: NewSecret(value)}
	h := holder{Ptr: &e, Any: &e, private: NewSecret(value), inner: e}
	for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q", "%x", "%d", "%t"} {
		for _, out := range []string{fmt.Sprintf(verb, h), fmt.Sprintf(verb, &h), fmt.Sprintf(verb, []any{&e})} {
			if strings.Contains(out, value) || strings.Contains(out, fmt.Sprintf("%x", value)) {
				t.Errorf("%s shows the secret: %s", verb, out)
			}
		}
	}
}
