package greenhouse

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"go.uber.org/zap"

	"github.com/jobsync/jobsync/ats"
	"github.com/jobsync/jobsync/ats/atstest"
	"github.com/jobsync/jobsync/ats/greenhouse/greenhousesim"
)

// TestSecretsNeverLeak runs every kind of call, failures and retries
// included, with debug logging through the shared client, and finds the
// client secret and the access tokens in neither the logs nor the errors.
func TestSecretsNeverLeak(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	log, buf := atstest.Logger(zap.DebugLevel)
	secret := "cs_live_9f8e7d6c5b4a39281706"
	e := setup(t, greenhousesim.Options{RateLimit: 100000, ClientSecret: secret}, func(o *Options) {
		o.Logger = log
		o.HTTP = fastHTTP(log, nil)
	})
	var errs []error
	keep := func(err error) {
		if err != nil {
			errs = append(errs, err)
		}
	}
	ps := samples(3)
	for _, p := range ps {
		_, err := e.board.Create(ctx, p)
		keep(err)
	}
	rs, err := e.board.List(ctx)
	keep(err)
	o := owned(rs)
	_, err = e.board.Update(ctx, o[ps[0].Key].ID, ps[1]) // wrong key: refused
	keep(err)
	_, err = e.board.Update(ctx, o[ps[0].Key].ID, ps[0])
	keep(err)
	keep(e.board.Close(ctx, o[ps[1].Key].ID))
	_, err = e.board.Find(ctx, ps[2].Key)
	keep(err)
	keep(e.board.Close(ctx, "987654321"))
	e.sim.ExpireTokens() // a 401, a refresh and a retry
	_, err = e.board.List(ctx)
	keep(err)
	e.sim.SetFaults(0.5, 7) // retries, lost answers
	for i := range 4 {
		_, err := e.board.Create(ctx, samples(8)[4+i])
		keep(err)
	}
	e.sim.SetFaults(0, 0)

	// A board with a bad template (a 422) and one with a bad secret (a 401 from
	// the token endpoint), logging to the same place.
	bad := setup(t, greenhousesim.Options{ClientSecret: secret}, func(o *Options) {
		o.TemplateJobID, o.Logger, o.HTTP = 1, log, fastHTTP(log, nil)
	})
	bad.board.templateOK = true // reach POST /jobs and its 422
	_, err = bad.board.Create(ctx, ps[0])
	keep(err)
	wrong := setup(t, greenhousesim.Options{ClientSecret: secret}, func(o *Options) {
		o.ClientSecret, o.Logger, o.HTTP = ats.NewSecret(secret+"-rotated"), log, fastHTTP(log, nil)
	})
	_, err = wrong.board.List(ctx)
	keep(err)

	if len(errs) < 4 {
		t.Errorf("only %d errors met; the test wants failures to inspect", len(errs))
	}
	logs := buf.String()
	if !strings.Contains(logs, "performing request") {
		t.Errorf("the debug log holds no request lines:\n%s", logs)
	}
	tokens := append(e.sim.AccessTokens(), bad.sim.AccessTokens()...)
	if len(tokens) < 2 {
		t.Fatalf("%d tokens issued", len(tokens))
	}
	for _, s := range append([]string{secret}, tokens...) {
		if strings.Contains(logs, s) {
			t.Errorf("the logs hold a credential %.8s…", s)
		}
		for _, err := range errs {
			if strings.Contains(err.Error(), s) {
				t.Errorf("error %q holds a credential", err)
			}
		}
	}
}

// No print of the options or the board shows the client secret: it is an
// ats.Secret in Options, and behind pointers in the Board.
func TestPrintingShowsNoSecret(t *testing.T) {
	t.Parallel()
	const secret = "cs_print_5f4e3d2c1b0a"
	o := Options{ClientID: "id", ClientSecret: ats.NewSecret(secret), UserID: 1, TemplateJobID: 2}
	b, err := New(o)
	if err != nil {
		t.Fatal(err)
	}
	for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q"} {
		for _, v := range []any{o, &o, b} {
			if s := fmt.Sprintf(verb, v); strings.Contains(s, secret) {
				t.Errorf("%s of a %T shows the secret: %s", verb, v, s)
			}
		}
	}
}
