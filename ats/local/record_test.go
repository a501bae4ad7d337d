package local

import (
	"strings"
	"testing"

	"github.com/jobsync/jobsync/ats"
)

// FuzzParseFile: whatever a posting file holds, List reads it without error
// as a posting with the file's id, owned only with a valid marker, and
// drifted only if owned.
func FuzzParseFile(f *testing.F) {
	b := newTestBoard(f, "")
	rec := newRecord("x", testPosting(0, 0), testTime, ats.Marker{})
	ours, err := encodeRecord(rec)
	if err != nil {
		f.Fatal(err)
	}
	for _, seed := range []string{
		string(ours),
		`{"title": "Barista", "html": "<p>Coffee</p>"}`,
		`{"title": "x", "marker": "jobsync/v1 key=a hash=b fp=c", "html": "<script>x</script>"}`,
		`{"title": 1}`, `[]`, `null`, ``, `{"locations": "Remote"}`,
		strings.Replace(string(ours), `"closed_at": null`, `"closed_at": "yesterday"`, 1),
	} {
		f.Add([]byte(seed), true)
	}
	f.Fuzz(func(t *testing.T, data []byte, page bool) {
		r, e, err := listFile(b, "some-id", data, page)
		if r.ID != "some-id" || e.Rec.ID != "some-id" {
			t.Fatalf("ids %q, %q", r.ID, e.Rec.ID)
		}
		if err != nil && (r.Owned || r.Open || e.Rec.open()) {
			t.Errorf("an unreadable file lists as %+v", r)
		}
		if r.Drifted && !r.Owned {
			t.Errorf("an unowned posting lists as drifted")
		}
		if r.Owned && (r.Key == "" || r.Hash == "") {
			t.Errorf("owned posting with key %q hash %q", r.Key, r.Hash)
		}
		if rec, derr := decodeRecord(data); derr == nil {
			if _, ok := ats.ParseMarker(rec.Marker); ok != r.Owned {
				t.Errorf("marker %q: owned %v", rec.Marker, r.Owned)
			}
		}
		if (r.URL != "") != (page && err == nil) {
			t.Errorf("URL %q with page %v", r.URL, page)
		}
	})
}

func TestParseFile(t *testing.T) {
	t.Parallel()
	b := newTestBoard(t, "")
	p := testPosting(3, 0)
	ours, err := encodeRecord(newRecord("some-id", p, testTime, ats.Marker{}))
	if err != nil {
		t.Fatal(err)
	}
	copied, err := encodeRecord(newRecord("other-id", p, testTime, ats.Marker{}))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name                 string
		data                 string
		wantErr              bool
		title                string
		open, owned, drifted bool
		unproved             bool
	}{
		{name: "ours", data: string(ours), title: p.Title, open: true, owned: true},
		{name: "ours, title edited", data: strings.Replace(string(ours), `"title":"`, `"title":"Edited `, 1),
			title: "Edited " + p.Title, open: true, owned: true, drifted: true},
		// Closed by hand, not by jobsync (whose Close writes state=closed).
		{name: "ours, closed by a person", data: strings.Replace(string(ours), `"status":"open"`, `"status":"closed"`, 1),
			title: p.Title, owned: true, drifted: true},
		{name: "ours, closed by jobsync", data: strings.Replace(strings.Replace(string(ours), `"status":"open"`, `"status":"closed"`, 1), "state=open", "state=closed", 1),
			title: p.Title, owned: true},
		// Issue 18 finding 1: a record file copied under another name.
		{name: "copied from another record", data: string(copied), title: p.Title, open: true, owned: true, unproved: true},
		{name: "marker of before (no binding)", data: strings.Replace(string(ours), " id=some-id", "", 1), title: p.Title, open: true, owned: true},
		{name: "hand-made", data: `{"title": "Barista"}`, title: "Barista", open: true},
		{name: "hand-made, Closed", data: `{"title": "Barista", "status": "Closed"}`, title: "Barista"},
		{name: "marker of another tool", data: `{"title": "T", "marker": "acme/v2 id=7"}`, title: "T", open: true},
		{name: "not JSON", data: `Barista`, wantErr: true, title: "some-id.json"},
		{name: "wrong type", data: `{"title": ["a"]}`, wantErr: true, title: "some-id.json"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			r, _, err := listFile(b, "some-id", []byte(tt.data), true)
			if (err != nil) != tt.wantErr || r.Title != tt.title || r.Open != tt.open || r.Owned != tt.owned || r.Drifted != tt.drifted || r.Unproved != tt.unproved {
				t.Errorf("parseFile = %+v, %v", r, err)
			}
		})
	}
}

// listFile is the posting List makes of a file holding data.
func listFile(b *Board, id string, data []byte, page bool) (ats.Remote, entry, error) {
	e, err := b.parseFile(id, data, page, stamp{})
	return b.listed(e), e, err
}
