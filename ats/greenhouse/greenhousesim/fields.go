package greenhousesim

import (
	"fmt"
	"net/http"
	"slices"
	"strings"
	"unicode"
)

// listFields is GET /v3/custom_fields.
func (s *Server) listFields(w http.ResponseWriter, r *http.Request) {
	lq, ok := s.parseList(w, r, "ids", "field_type", "name_key", "active")
	if !ok {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []*CustomField
	for _, f := range s.fields {
		if lq.matchIDs("ids", f.ID) && lq.matchBool("active", f.Active) &&
			(lq.filters.Get("field_type") == "" || lq.filters.Get("field_type") == f.FieldType) &&
			(lq.filters.Get("name_key") == "" || lq.filters.Get("name_key") == f.NameKey) {
			out = append(out, f)
		}
	}
	writePage(s, w, r, lq, out, func(f *CustomField) int64 { return f.ID })
}

// createFieldBody is POST /v3/custom_fields's body.
type createFieldBody struct {
	Name                *string  `json:"name"`
	FieldType           *string  `json:"field_type"`
	ValueType           *string  `json:"value_type"`
	Private             *bool    `json:"private"`
	Required            *bool    `json:"required"`
	Description         *string  `json:"description"`
	ExposeInJobBoardAPI *bool    `json:"expose_in_job_board_api"`
	APIOnly             *bool    `json:"api_only"`
	Options             []string `json:"custom_field_options"`
}

var (
	fieldTypes = []string{"job", "opening", "offer", "candidate", "application", "rejection_question", "referral_question", "user_attribute"}
	valueTypes = []string{"short_text", "long_text", "yes_no", "single_select", "multi_select", "currency",
		"currency_range", "number", "number_range", "date", "url", "user"}
)

// createField is POST /v3/custom_fields. Its name_key is made from its name
// (lower case, other characters "_").
func (s *Server) createField(w http.ResponseWriter, r *http.Request) {
	var b createFieldBody
	if !decodeStrict(w, r, &b) {
		return
	}
	switch {
	case b.Name == nil || strings.TrimSpace(*b.Name) == "":
		unprocessable(w, "name", "Missing required field: name")
		return
	case b.FieldType == nil || !slices.Contains(fieldTypes, *b.FieldType):
		unprocessable(w, "field_type", "Must be one of: "+strings.Join(fieldTypes, ", "))
		return
	case b.ValueType == nil || !slices.Contains(valueTypes, *b.ValueType):
		unprocessable(w, "value_type", "Must be one of: "+strings.Join(valueTypes, ", "))
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	key := nameKey(*b.Name)
	if s.fieldByKey(*b.FieldType, key) != nil {
		unprocessable(w, "name", fmt.Sprintf("Name has already been taken (name_key %s)", key))
		return
	}
	now := s.now()
	f := &CustomField{ID: s.nextID("field"), Name: *b.Name, NameKey: key, FieldType: *b.FieldType,
		ValueType: *b.ValueType, Active: true, Description: b.Description, options: b.Options,
		CreatedAt: now, UpdatedAt: now}
	f.Private = b.Private != nil && *b.Private
	f.Required = b.Required != nil && *b.Required
	f.APIOnly = b.APIOnly != nil && *b.APIOnly
	f.ExposeInJobBoardAPI = b.ExposeInJobBoardAPI != nil && *b.ExposeInJobBoardAPI
	s.fields[f.ID] = f
	writeJSON(w, http.StatusCreated, f)
}

// fieldByKey returns the field definition of a type with a name_key.
func (s *Server) fieldByKey(fieldType, key string) *CustomField {
	for _, f := range s.fields {
		if f.FieldType == fieldType && f.NameKey == key {
			return f
		}
	}
	return nil
}

// nameKey makes a name_key from a field name: "JobSync marker" →
// "jobsync_marker".
func nameKey(name string) string {
	var b strings.Builder
	us := false
	for _, r := range strings.ToLower(strings.TrimSpace(name)) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if us && b.Len() > 0 {
				b.WriteByte('_')
			}
			us = false
			b.WriteRune(r)
			continue
		}
		us = true
	}
	return b.String()
}
