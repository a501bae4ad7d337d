package atstest

import (
	"cmp"
	"context"
	"fmt"
	"html"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/jobsync/jobsync/ats"
	"github.com/jobsync/jobsync/posting"
)

// MemBoard is an ats.Board held in memory, for tests of the engine and the
// CLI. It keeps to the Board contract exactly, records every call, and can
// inject faults. It implements ats.Concurrent and ats.Finder. Safe for
// concurrent use.
type MemBoard struct {
	name string

	mu     sync.Mutex
	posts  map[string]*memPost
	nextID int
	calls  []Call
	conc   int
	faults faults
	hook   func(Call) error
}

// memPost is a posting as the board stores it.
type memPost struct {
	id         string
	title      string
	html       string
	locations  []string
	department string
	open       bool
	marker     string // "" for a posting jobsync does not own
}

// Call is one call a MemBoard received: its method ("List", "Find",
// "Create", "Update", "Close"), the posting id (Update, Close, and a
// successful Create) and the key (Create, Update, Find).
type Call struct {
	Method string
	ID     string
	Key    string
}

var (
	_ ats.Board      = (*MemBoard)(nil)
	_ ats.Concurrent = (*MemBoard)(nil)
	_ ats.Finder     = (*MemBoard)(nil)
)

// NewMemBoard returns an empty board named name that takes 4 writes at once.
func NewMemBoard(name string) *MemBoard {
	return &MemBoard{name: name, posts: make(map[string]*memPost), conc: 4}
}

// Name returns the board's name.
func (m *MemBoard) Name() string { return m.name }

// MaxConcurrency returns how many writes the board takes at once.
func (m *MemBoard) MaxConcurrency() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.conc
}

// SetMaxConcurrency changes what MaxConcurrency returns.
func (m *MemBoard) SetMaxConcurrency(n int) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.conc = n
}

// List returns copies of every posting, ordered by id.
func (m *MemBoard) List(ctx context.Context) ([]ats.Remote, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.calls = append(m.calls, Call{Method: "List"})
	if err := m.readFault(ctx, "list"); err != nil {
		return nil, err
	}
	return m.remotes(func(*memPost) bool { return true }), nil
}

// Find returns copies of the postings whose marker names key.
func (m *MemBoard) Find(ctx context.Context, key string) ([]ats.Remote, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.calls = append(m.calls, Call{Method: "Find", Key: key})
	if err := m.readFault(ctx, "find "+key); err != nil {
		return nil, err
	}
	return m.remotes(func(p *memPost) bool {
		mk, _ := ats.ParseMarker(p.marker)
		return ats.Owns(mk) && mk.Key == key
	}), nil
}

// Create stores p as a new open posting with jobsync's marker.
func (m *MemBoard) Create(ctx context.Context, p posting.Posting) (ats.Remote, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	call := len(m.calls)
	m.calls = append(m.calls, Call{Method: "Create", Key: p.Key})
	if err := m.hooked(m.calls[call]); err != nil {
		return ats.Remote{}, err
	}
	mode, err := m.writeFault(ctx, "create "+p.Key)
	if err != nil && mode != lostResponse {
		return ats.Remote{}, err
	}
	m.nextID++
	mp := &memPost{id: strconv.Itoa(m.nextID), open: true}
	mp.set(p)
	m.posts[mp.id] = mp
	m.calls[call].ID = mp.id
	if err != nil {
		return ats.Remote{}, err
	}
	return mp.remote(), nil
}

// Update replaces the owned posting id's content with p, rewrites its marker
// and opens it.
func (m *MemBoard) Update(ctx context.Context, id string, p posting.Posting) (ats.Remote, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.calls = append(m.calls, Call{Method: "Update", ID: id, Key: p.Key})
	mp, err := m.owned(id, "update")
	if err != nil {
		return ats.Remote{}, err
	}
	if err := m.hooked(m.calls[len(m.calls)-1]); err != nil {
		return ats.Remote{}, err
	}
	mode, err := m.writeFault(ctx, "update "+id)
	if err != nil && mode != lostResponse {
		return ats.Remote{}, err
	}
	mp.set(p)
	mp.open = true
	if err != nil {
		return ats.Remote{}, err
	}
	return mp.remote(), nil
}

// Close closes the owned posting id; closing it again is not an error.
func (m *MemBoard) Close(ctx context.Context, id string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.calls = append(m.calls, Call{Method: "Close", ID: id})
	mp, err := m.owned(id, "close")
	if err != nil {
		return err
	}
	if err := m.hooked(m.calls[len(m.calls)-1]); err != nil {
		return err
	}
	mode, err := m.writeFault(ctx, "close "+id)
	if err != nil && mode != lostResponse {
		return err
	}
	mp.open = false
	return err
}

// SetWriteHook makes every later Create, Update and Close of a posting the
// board holds call hook first (with the board locked: hook must not call the
// board); an error from hook fails the write before it happens. It is how a
// test fails one chosen write. Nil removes the hook.
func (m *MemBoard) SetWriteHook(hook func(Call) error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.hook = hook
}

func (m *MemBoard) hooked(c Call) error {
	if m.hook == nil {
		return nil
	}
	if err := m.hook(c); err != nil {
		what := c.ID
		if c.Method == "Create" {
			what = c.Key
		}
		return fmt.Errorf("memboard: %s %s: %w", strings.ToLower(c.Method), what, err)
	}
	return nil
}

// Calls returns a copy of the calls received so far, in order.
func (m *MemBoard) Calls() []Call {
	m.mu.Lock()
	defer m.mu.Unlock()
	return slices.Clone(m.calls)
}

// WriteCalls counts the Create, Update and Close calls received so far,
// failed ones included.
func (m *MemBoard) WriteCalls() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	n := 0
	for _, c := range m.calls {
		switch c.Method {
		case "Create", "Update", "Close":
			n++
		}
	}
	return n
}

// AddUnowned puts an open posting without a marker on the board, as a person
// would, and returns its id.
func (m *MemBoard) AddUnowned(title string) string {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.nextID++
	mp := &memPost{
		id:    strconv.Itoa(m.nextID),
		title: title,
		html:  "<p>" + html.EscapeString(title) + ": a role posted by hand.</p>",
		open:  true,
	}
	m.posts[mp.id] = mp
	return mp.id
}

// EditText replaces the text of posting id as a person would, keeping its
// marker. It reports whether the board holds id.
func (m *MemBoard) EditText(id, text string) bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	mp, ok := m.posts[id]
	if ok {
		mp.html = "<p>" + html.EscapeString(text) + "</p>"
	}
	return ok
}

// Harness returns the conformance harness for this board.
func (m *MemBoard) Harness() *Harness {
	return &Harness{
		Board:   m,
		Another: func(testing.TB) ats.Board { return m },
		AddUnowned: func(_ testing.TB, title string) string {
			return m.AddUnowned(title)
		},
		EditText: func(t testing.TB, id, text string) {
			if !m.EditText(id, text) {
				t.Fatalf("memboard: edit text: no posting %s", id)
			}
		},
		SetFaults: m.SetFaults,
	}
}

// owned returns the stored posting id if jobsync owns it.
func (m *MemBoard) owned(id, op string) (*memPost, error) {
	mp, ok := m.posts[id]
	if !ok {
		return nil, fmt.Errorf("memboard: %s %s: %w", op, id, ats.ErrNotFound)
	}
	if mk, _ := ats.ParseMarker(mp.marker); !ats.Owns(mk) {
		return nil, fmt.Errorf("memboard: %s %s: %w", op, id, ats.ErrNotOwned)
	}
	return mp, nil
}

// remotes returns copies of the postings keep selects, ordered by id.
func (m *MemBoard) remotes(keep func(*memPost) bool) []ats.Remote {
	rs := make([]ats.Remote, 0, len(m.posts))
	for _, mp := range m.posts {
		if keep(mp) {
			rs = append(rs, mp.remote())
		}
	}
	slices.SortFunc(rs, func(a, b ats.Remote) int {
		ai, _ := strconv.Atoi(a.ID)
		bi, _ := strconv.Atoi(b.ID)
		return cmp.Compare(ai, bi)
	})
	return rs
}

// set stores p's content and marker.
func (mp *memPost) set(p posting.Posting) {
	mp.title, mp.html = p.Title, p.HTML
	mp.locations = slices.Clone(p.Locations)
	mp.department = p.Department
	old, _ := ats.ParseMarker(mp.marker)
	m := ats.NewMarker(p, ats.Fingerprint(p.Title, p.HTML)).Bound(mp.id).Continuing(old)
	m.Attrs = ats.AttrFingerprint(p.Locations, p.Department)
	mp.marker = m.String()
}

// remote is the posting as List reports it: a copy.
func (mp *memPost) remote() ats.Remote {
	r := ats.Remote{
		ID:         mp.id,
		Title:      mp.title,
		Locations:  slices.Clone(mp.locations),
		Department: mp.department,
		Body:       ats.HTMLText(mp.html),
		URL:        "mem://postings/" + mp.id,
		Open:       mp.open,
	}
	mk, _ := ats.ParseMarker(mp.marker)
	r.SetOwner(mk, func() string { return ats.Fingerprint(mp.title, mp.html) })
	return r
}
