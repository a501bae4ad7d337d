package smartrecruiterssim

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strconv"
	"strings"
)

// patchOp is one JSON Patch (RFC 6902) operation.
type patchOp struct {
	Op    string          `json:"op"`
	Path  string          `json:"path"`
	Value json.RawMessage `json:"value,omitempty"`
	From  string          `json:"from,omitempty"`
}

// applyPatch applies ops in order to doc, a decoded JSON document, and
// returns the result, or an error for the first op that cannot apply (the
// caller then keeps the document it had). add, replace, remove and test are
// supported; an add or replace of null deletes an object member, as
// SmartRecruiters says "null value indicates property deletion".
func applyPatch(doc any, ops []patchOp) (any, error) {
	for i, op := range ops {
		tokens, err := pointer(op.Path)
		if err != nil {
			return nil, fmt.Errorf("op %d: %w", i, err)
		}
		var value any
		if op.Op != "remove" {
			if len(op.Value) == 0 {
				return nil, fmt.Errorf("op %d (%s %s): no value", i, op.Op, op.Path)
			}
			if err := json.Unmarshal(op.Value, &value); err != nil {
				return nil, fmt.Errorf("op %d: value: %w", i, err)
			}
		}
		if doc, err = apply(doc, op.Op, tokens, value); err != nil {
			return nil, fmt.Errorf("op %d (%s %s): %w", i, op.Op, op.Path, err)
		}
	}
	return doc, nil
}

// pointer splits a JSON Pointer (RFC 6901) into its unescaped tokens.
func pointer(p string) ([]string, error) {
	if p == "" {
		return nil, nil
	}
	if !strings.HasPrefix(p, "/") {
		return nil, fmt.Errorf("path %q is not a JSON pointer", p)
	}
	tokens := strings.Split(p[1:], "/")
	for i, t := range tokens {
		tokens[i] = strings.ReplaceAll(strings.ReplaceAll(t, "~1", "/"), "~0", "~")
	}
	return tokens, nil
}

// apply applies one op at tokens below doc and returns the new doc.
func apply(doc any, op string, tokens []string, value any) (any, error) {
	if len(tokens) == 0 {
		switch op {
		case "add", "replace":
			return value, nil
		case "test":
			if !reflect.DeepEqual(doc, value) {
				return nil, fmt.Errorf("test failed")
			}
			return doc, nil
		}
		return nil, fmt.Errorf("cannot %s the whole document", op)
	}
	key, rest := tokens[0], tokens[1:]
	switch c := doc.(type) {
	case map[string]any:
		child, ok := c[key]
		if len(rest) > 0 {
			if !ok {
				return nil, fmt.Errorf("%q does not exist", key)
			}
			next, err := apply(child, op, rest, value)
			if err != nil {
				return nil, err
			}
			c[key] = next
			return c, nil
		}
		switch op {
		case "add", "replace":
			if op == "replace" && !ok {
				return nil, fmt.Errorf("%q does not exist", key)
			}
			if value == nil {
				delete(c, key)
			} else {
				c[key] = value
			}
		case "remove":
			if !ok {
				return nil, fmt.Errorf("%q does not exist", key)
			}
			delete(c, key)
		case "test":
			if !ok || !reflect.DeepEqual(child, value) {
				return nil, fmt.Errorf("test failed")
			}
		default:
			return nil, fmt.Errorf("unsupported op %q", op)
		}
		return c, nil
	case []any:
		return applyArray(c, op, key, rest, value)
	}
	return nil, fmt.Errorf("%q is below a value that is neither an object nor an array", key)
}

// applyArray applies one op at index key (or "-", past the end) of an
// array.
func applyArray(c []any, op, key string, rest []string, value any) (any, error) {
	i, err := strconv.Atoi(key)
	switch {
	case key == "-" && op == "add" && len(rest) == 0:
		return append(c, value), nil
	case err != nil || i < 0 || i > len(c) || (i == len(c) && (op != "add" || len(rest) > 0)):
		return nil, fmt.Errorf("index %q out of range", key)
	case len(rest) > 0:
		next, err := apply(c[i], op, rest, value)
		if err != nil {
			return nil, err
		}
		c[i] = next
		return c, nil
	}
	switch op {
	case "add":
		return append(c[:i], append([]any{value}, c[i:]...)...), nil
	case "replace":
		c[i] = value
		return c, nil
	case "remove":
		return append(c[:i], c[i+1:]...), nil
	case "test":
		if !reflect.DeepEqual(c[i], value) {
			return nil, fmt.Errorf("test failed")
		}
		return c, nil
	}
	return nil, fmt.Errorf("unsupported op %q", op)
}
