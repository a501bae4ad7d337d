package local

import (
	"fmt"

	"github.com/jobsync/jobsync/ats"
)

func init() {
	ats.Register(ats.Kind{
		Name:    "local",
		Summary: "a folder of JSON records and HTML pages, no credentials",
		Options: func() any { return new(Config) },
		Open:    open,
		Preview: true, // a folder is where a preview of every level × specialty goes
		Facts: ats.Facts{
			Create:    "a JSON record and an HTML page",
			Update:    "rewritten in place (atomic)",
			Close:     "marked closed, files kept, dropped from `index.html`",
			Marker:    "`marker` field of the record",
			RateLimit: "none; a lock per folder",
		},
	})
}

// Config is a local board's keys in the config file.
type Config struct {
	Dir ats.Path `yaml:"dir" required:"true" doc:"the folder the board is kept in"`
}

func open(a ats.OpenArgs) (ats.Board, error) {
	c, err := ats.Decoded[Config](a.Options)
	if err != nil {
		return nil, fmt.Errorf("options: %w", err)
	}
	return New(a.Name, string(c.Dir), WithLogger(a.Logger))
}
