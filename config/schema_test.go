package config_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"go.yaml.in/yaml/v3"
)

// Every example config validates against the JSON Schema editors use
// (docs/jobsync.schema.json, generated from the decoder's definitions by
// go test ./ats/boards -update), and the schema refuses what the decoder
// refuses: a misspelt top-level key and a misspelt board key.
func TestExamplesMatchTheSchema(t *testing.T) {
	t.Parallel()
	schema, err := jsonschema.NewCompiler().Compile(filepath.Join("..", "docs", "jobsync.schema.json"))
	if err != nil {
		t.Fatal(err)
	}
	files, err := filepath.Glob(filepath.Join("..", "examples", "*.yaml"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no example configs: %v", err)
	}
	for _, f := range files {
		doc := yamlAsJSON(t, f)
		if err := schema.Validate(doc); err != nil {
			t.Errorf("%s does not match the schema:\n%v", f, err)
		}
		m := doc.(map[string]any)
		m["sourcse"] = []any{}
		if schema.Validate(m) == nil {
			t.Errorf("%s: the schema accepts a misspelt top-level key", f)
		}
		delete(m, "sourcse")
		boards, _ := m["boards"].([]any)
		if len(boards) == 0 {
			continue
		}
		boards[0].(map[string]any)["concurrencyy"] = 2
		if schema.Validate(m) == nil {
			t.Errorf("%s: the schema accepts a misspelt board key", f)
		}
	}
}

// yamlAsJSON reads a YAML file as the JSON values a schema validates.
func yamlAsJSON(t *testing.T, name string) any {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	var v any
	if err := yaml.Unmarshal(data, &v); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	raw, err := json.Marshal(v) // through encoding/json: numbers and maps as jsonschema wants
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	out, err := jsonschema.UnmarshalJSON(strings.NewReader(string(raw)))
	if err != nil {
		t.Fatal(err)
	}
	return out
}
