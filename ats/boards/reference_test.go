package boards

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/jobsync/jobsync/config"
)

// docs/config.md and docs/jobsync.schema.json are what config.Markdown and
// config.JSONSchema make of the board types jobsync ships (here, where no
// test registers others): -update rewrites them.
func TestReferenceGolden(t *testing.T) {
	t.Parallel()
	for name, got := range map[string][]byte{
		"config.md":           []byte(config.Markdown()),
		"jobsync.schema.json": config.JSONSchema(),
	} {
		path := filepath.Join("..", "..", "docs", name)
		if *update {
			if err := os.WriteFile(path, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (go test ./ats/boards -update writes it)", err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s is stale: go test ./ats/boards -update", path)
		}
	}
	if !json.Valid(config.JSONSchema()) {
		t.Error("the schema is not JSON")
	}
}
