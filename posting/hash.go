package posting

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
)

// hashVersion starts every hashed encoding, so that a change of what the hash
// covers is a change of every hash, never a silent collision.
const hashVersion = "jobsync-posting/v1"

// ContentHash returns the hex SHA-256 of everything p publishes: title,
// grade, locations, department, employment type, workplace, pay, source URL,
// markdown and HTML. It leaves out Key, the family, level and specialty keys
// and Boards, which say where and as what a posting is published, not what.
// The encoding is length-prefixed and in a fixed order, so equal postings hash
// equal in every run.
func (p *Posting) ContentHash() string {
	var buf []byte
	return p.contentHash(&buf)
}

// contentHash is ContentHash with a scratch buffer to encode into, so that a
// caller hashing many postings allocates once.
func (p *Posting) contentHash(buf *[]byte) string {
	e := hashEncoder{buf: (*buf)[:0]}
	e.str(hashVersion)
	e.str(p.Title)
	e.str(p.Grade.String())
	e.strs(p.Locations)
	e.str(p.Department)
	e.str(p.EmploymentType)
	e.str(p.Workplace)
	if p.Pay != nil {
		e.str("pay")
		e.int(p.Pay.Min)
		e.int(p.Pay.Max)
		e.str(p.Pay.Currency)
		e.str(p.Pay.Interval)
	} else {
		e.str("")
	}
	e.str(p.SourceURL)
	e.str(p.Markdown)
	e.str(p.HTML)
	sum := sha256.Sum256(e.buf)
	*buf = e.buf
	return hex.EncodeToString(sum[:])
}

// hashEncoder appends values with their lengths, so that no two different
// postings encode to the same bytes.
type hashEncoder struct{ buf []byte }

func (e *hashEncoder) str(s string) {
	e.buf = binary.AppendUvarint(e.buf, uint64(len(s)))
	e.buf = append(e.buf, s...)
}

func (e *hashEncoder) strs(ss []string) {
	e.buf = binary.AppendUvarint(e.buf, uint64(len(ss)))
	for _, s := range ss {
		e.str(s)
	}
}

func (e *hashEncoder) int(n int64) {
	e.buf = binary.AppendVarint(e.buf, n)
}
