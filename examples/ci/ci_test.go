// Package ci holds jobsync's CI templates (github-actions.yml,
// gitlab-ci.yml); its test checks them. .ci/run also lints the GitHub
// workflow with actionlint.
package ci

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"go.yaml.in/yaml/v3"
)

// The GitLab template is valid against GitLab's own CI schema (vendored in
// testdata/ci, see its SOURCE.md), with the jobs the README promises.
func TestGitLabTemplateMatchesGitLabsSchema(t *testing.T) {
	t.Parallel()
	schemaFile := filepath.Join("..", "..", "testdata", "ci", "gitlab-ci.schema.json")
	c := jsonschema.NewCompiler()
	schema, err := c.Compile(schemaFile)
	if err != nil {
		t.Fatal(err)
	}
	doc := yamlAsJSON(t, "gitlab-ci.yml")
	if err := schema.Validate(doc); err != nil {
		t.Fatalf("gitlab-ci.yml does not match GitLab's CI schema:\n%v", err)
	}
	jobs := doc.(map[string]any)
	for job, wants := range map[string][]string{
		"plan":  {"--out", "--markdown", "--detailed-exitcode", "/notes"},
		"apply": {"jobsync sync --plan", "jobsync sync --board"},
		"drift": {"--detailed-exitcode"},
	} {
		j, ok := jobs[job].(map[string]any)
		if !ok {
			t.Errorf("no job %s", job)
			continue
		}
		script, _ := json.Marshal(j["script"])
		for _, w := range wants {
			if !strings.Contains(string(script), w) {
				t.Errorf("job %s: its script lacks %q", job, w)
			}
		}
		if job != "plan" && j["resource_group"] == nil {
			t.Errorf("job %s writes or checks the board without a resource_group", job)
		}
	}
	// A schema that catches nothing would pass anything: a misspelt key fails.
	jobs["plan"].(map[string]any)["scirpt"] = []any{"true"}
	if err := schema.Validate(jobs); err == nil {
		t.Errorf("the schema accepts a job with a misspelt key")
	}
}

// The GitHub workflow has a job per event, serialised per board where it
// writes or checks. actionlint, in .ci/run, checks the rest.
func TestGitHubTemplateJobs(t *testing.T) {
	t.Parallel()
	doc := yamlAsJSON(t, "github-actions.yml").(map[string]any)
	jobs := doc["jobs"].(map[string]any)
	for job, wants := range map[string][]string{
		"plan":  {"--out", "--markdown", "--detailed-exitcode", "gh pr comment", "upload-artifact"},
		"apply": {"jobsync sync --plan", "jobsync sync --board", "gh run download"},
		"drift": {"--detailed-exitcode"},
	} {
		j, ok := jobs[job].(map[string]any)
		if !ok {
			t.Errorf("no job %s", job)
			continue
		}
		steps, _ := json.Marshal(j["steps"])
		for _, w := range wants {
			if !strings.Contains(string(steps), w) {
				t.Errorf("job %s: its steps lack %q", job, w)
			}
		}
		if c, _ := j["concurrency"].(map[string]any); job != "plan" && !strings.Contains(c["group"].(string), "matrix.board") {
			t.Errorf("job %s: concurrency %v, want a group per board", job, j["concurrency"])
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
	// Through encoding/json, so numbers and maps are as jsonschema wants.
	raw, err := json.Marshal(v)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	out, err := jsonschema.UnmarshalJSON(strings.NewReader(string(raw)))
	if err != nil {
		t.Fatal(err)
	}
	return out
}
