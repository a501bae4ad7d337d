package lever

import (
	"fmt"
	"strings"
	"testing"

	"go.uber.org/zap/zapcore"

	"github.com/jobsync/jobsync/ats"
	"github.com/jobsync/jobsync/ats/atstest"
	"github.com/jobsync/jobsync/ats/lever/leversim"
)

// TestSecretsStayOut: the API key shows in no log line (zap at debug) and no
// error, even for a rejected key.
func TestSecretsStayOut(t *testing.T) {
	t.Parallel()
	logger, logs := atstest.Logger(zapcore.DebugLevel)
	e := newEnv(t, leversim.Options{}, func(o *Options) { o.Logger = logger })
	key := e.sim.APIKey()
	ctx := t.Context()
	var errs []error
	_, err := e.board.List(ctx)
	errs = append(errs, err)
	desired := atstest.SamplePostings(3)
	plan := ats.NewPlan("lever", desired, nil, ats.PlanOptions{})
	errs = append(errs, ats.Apply(ctx, e.board, plan, ats.ApplyOptions{Logger: logger}).Err())
	_, err = e.board.Update(ctx, "missing", desired[0])
	errs = append(errs, err)
	bad := desired[1]
	bad.Title = ""
	_, err = e.board.Create(ctx, bad)
	errs = append(errs, err)
	e.sim.SetFaults(0.5, 7)
	for range 5 {
		_, err = e.board.List(ctx)
		errs = append(errs, err)
	}
	e.sim.SetFaults(0, 0)

	wrong, err := New(Options{BaseURL: e.url, APIKey: ats.NewSecret("wrong-" + key), PerformAs: "u", Logger: logger})
	if err != nil {
		t.Fatal(err)
	}
	_, err = wrong.List(ctx)
	if err == nil || !strings.Contains(err.Error(), "401") {
		t.Errorf("list with a wrong key: %v, want a 401", err)
	}
	errs = append(errs, err)

	for _, err := range errs {
		if err != nil && strings.Contains(err.Error(), key) {
			t.Errorf("error shows the key: %v", err)
		}
	}
	atstest.CheckLogsHoldNo(t, logs, key, "Basic ", "Authorization")
}

// No print of the options or the board shows the API key: it is an
// ats.Secret in Options, and behind pointers in the Board.
func TestPrintingShowsNoSecret(t *testing.T) {
	t.Parallel()
	const key = "lever_print_5f4e3d2c1b0a"
	o := Options{APIKey: ats.NewSecret(key), PerformAs: "u"}
	b, err := New(o)
	if err != nil {
		t.Fatal(err)
	}
	for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q"} {
		for _, v := range []any{o, &o, b} {
			if s := fmt.Sprintf(verb, v); strings.Contains(s, key) {
				t.Errorf("%s of a %T shows the key: %s", verb, v, s)
			}
		}
	}
}
