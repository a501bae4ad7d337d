package simkit

import "strings"

// Var is one variable of a board's environment: its name after the
// board's prefix ("CLIENT_ID") and its value.
type Var struct {
	Name, Value string
}

// Env returns the KEY=VALUE lines that set vars for the board whose
// variables start with prefix ("JOBSYNC_GREENHOUSE"): each key is prefix,
// "_" and the variable's name, in the order given.
func Env(prefix string, vars ...Var) []string {
	out := make([]string, len(vars))
	for i, v := range vars {
		out[i] = prefix + "_" + v.Name + "=" + v.Value
	}
	return out
}

// BaseURL is a service's base URL on a server at root:
// BaseURL("http://127.0.0.1:8081/", "/v3") is "http://127.0.0.1:8081/v3".
func BaseURL(root, path string) string {
	return strings.TrimSuffix(root, "/") + "/" + strings.TrimPrefix(path, "/")
}
