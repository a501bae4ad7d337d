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
	s := Secret(value)
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
	if s.Reveal() != value || !s.IsSet() || Secret(" ").IsSet() {
		t.Errorf("Reveal/IsSet wrong")
	}
	if Secret("").String() != "" {
		t.Errorf("empty secret prints %q", Secret("").String())
	}
}
