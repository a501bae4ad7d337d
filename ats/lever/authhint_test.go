package lever

import (
	"context"
	"strings"
	"testing"

	"github.com/jobsync/jobsync/ats"
	"github.com/jobsync/jobsync/ats/lever/leversim"
)

// A refused key names the variable to fix, never the key.
func TestRefusedKeyNamesItsVariable(t *testing.T) {
	t.Parallel()
	e := newEnv(t, leversim.Options{}, func(o *Options) { o.Name = "my-lever"; o.APIKey = ats.NewSecret("wrong-key-value") })
	_, err := e.board.List(context.Background())
	if err == nil || !strings.Contains(err.Error(), "check JOBSYNC_MY_LEVER_API_KEY") || strings.Contains(err.Error(), "wrong-key-value") {
		t.Errorf("list with a wrong key: %v, want it to name JOBSYNC_MY_LEVER_API_KEY and not the key", err)
	}
}
