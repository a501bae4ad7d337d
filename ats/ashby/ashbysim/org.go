package ashbysim

import "strconv"

// routes are the API methods the simulator serves.
func routes() map[string]route {
	read := func(fn func(s *Server, c *call) (any, *apiError)) route { return route{fn: fn} }
	write := func(fn func(s *Server, c *call) (any, *apiError)) route { return route{write: true, fn: fn} }
	return map[string]route{
		"location.list":                  read((*Server).locationList),
		"department.list":                read((*Server).departmentList),
		"customField.list":               read((*Server).customFieldList),
		"job.list":                       read((*Server).jobList),
		"job.info":                       read((*Server).jobInfo),
		"job.create":                     write((*Server).jobCreate),
		"job.update":                     write((*Server).jobUpdate),
		"job.setStatus":                  write((*Server).jobSetStatus),
		"job.updateCompensation":         write((*Server).jobUpdateCompensation),
		"jobPosting.list":                read((*Server).postingList),
		"jobPosting.info":                read((*Server).postingInfo),
		"jobPosting.create":              write((*Server).postingCreate),
		"jobPosting.update":              write((*Server).postingUpdate),
		"jobPosting.setStatus":           write((*Server).postingSetStatus),
		"jobPosting.setCustomFieldValue": write((*Server).postingSetField),
	}
}

// page is a page of a paged list.
type page struct {
	items     any
	more      bool
	next      string
	syncToken string // on the last page
}

// cursor is where a handed-out cursor points: a list and an offset in it.
type cursor struct {
	list   string
	offset int
}

// pageArgs are the paging fields of a list's body.
type pageArgs struct {
	Cursor    string `json:"cursor,omitempty"`
	Limit     int    `json:"limit,omitempty"`
	SyncToken string `json:"syncToken,omitempty"`
}

// paged serves the page of items that args ask for, of at most size items
// (and at most args.Limit); list names the list, so a cursor serves only
// the list it came from.
func paged[T any](s *Server, list string, items []T, args pageArgs, size int) (page, *apiError) {
	offset := 0
	if args.Cursor != "" {
		c, ok := s.cursors[args.Cursor]
		if !ok || c.list != list {
			return page{}, &apiError{code: "invalid_next_cursor", msg: "The cursor cannot be decoded: start the list again without one"}
		}
		offset = c.offset
	}
	if args.Limit < 0 || args.Limit > 100 {
		return page{}, invalid("limit must be between 1 and 100")
	}
	if args.Limit > 0 {
		size = min(size, args.Limit)
	}
	end := min(offset+size, len(items))
	p := page{items: append([]T{}, items[min(offset, end):end]...)}
	if end < len(items) {
		p.more, p.next = true, s.token()
		s.cursors[p.next] = cursor{list: list, offset: end}
	} else {
		p.syncToken = s.token()
	}
	return p, nil
}

// token is a new opaque cursor or sync token.
func (s *Server) token() string {
	const letters = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"
	b := make([]byte, 9)
	for i := range b {
		b[i] = letters[s.rng.IntN(len(letters))]
	}
	return string(b) + strconv.Itoa(len(s.cursors))
}

type orgListRequest struct {
	pageArgs
	IncludeArchived          bool `json:"includeArchived,omitempty"`
	IncludeLocationHierarchy bool `json:"includeLocationHierarchy,omitempty"`
}

func (s *Server) locationList(c *call) (any, *apiError) {
	var req orgListRequest
	if err := c.decode(&req); err != nil {
		return nil, err
	}
	var out []Location
	for _, l := range s.locations {
		if !l.IsArchived || req.IncludeArchived {
			out = append(out, *l)
		}
	}
	return paged(s, c.name, out, req.pageArgs, s.o.PageSize)
}

func (s *Server) departmentList(c *call) (any, *apiError) {
	var req orgListRequest
	if err := c.decode(&req); err != nil {
		return nil, err
	}
	var out []Department
	for _, d := range s.departments {
		if !d.IsArchived || req.IncludeArchived {
			out = append(out, *d)
		}
	}
	return paged(s, c.name, out, req.pageArgs, s.o.PageSize)
}

func (s *Server) customFieldList(c *call) (any, *apiError) {
	var req orgListRequest
	if err := c.decode(&req); err != nil {
		return nil, err
	}
	var out []FieldDef
	for _, f := range s.fields {
		if !f.IsArchived || req.IncludeArchived {
			out = append(out, *f)
		}
	}
	return paged(s, c.name, out, req.pageArgs, s.o.PageSize)
}

// location returns the location id, or nil.
func (s *Server) location(id string) *Location {
	for _, l := range s.locations {
		if l.ID == id {
			return l
		}
	}
	return nil
}

// department returns the department id, or nil.
func (s *Server) department(id string) *Department {
	for _, d := range s.departments {
		if d.ID == id {
			return d
		}
	}
	return nil
}

// field returns the custom field definition id, or nil.
func (s *Server) field(id string) *FieldDef {
	for _, f := range s.fields {
		if f.ID == id {
			return f
		}
	}
	return nil
}
