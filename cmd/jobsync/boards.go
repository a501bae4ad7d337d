package main

import (
	"fmt"
	"net/http"
	"slices"
	"strings"

	"go.uber.org/zap"

	"github.com/jobsync/jobsync/ats"
	"github.com/jobsync/jobsync/ats/atshttp"
	_ "github.com/jobsync/jobsync/ats/boards" // every board type
	"github.com/jobsync/jobsync/config"
)

// newHTTPClient builds the retrying client one board (or the page reader)
// uses for all its calls.
func newHTTPClient(log *zap.Logger) *http.Client {
	return atshttp.NewHTTPClient(atshttp.Options{Logger: log})
}

// selectBoards picks the config's boards named on the command line, or all.
func selectBoards(cfg *config.Config, names []string) ([]config.Board, error) {
	if names == nil {
		return cfg.Boards, nil
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("--board: empty board name")
	}
	var out []config.Board
	seen := map[string]bool{}
	for _, n := range names {
		if seen[n] {
			continue // naming a board twice must not sync it twice
		}
		seen[n] = true
		i := slices.IndexFunc(cfg.Boards, func(b config.Board) bool { return b.Name == n })
		if i < 0 {
			return nil, fmt.Errorf("--board %q: no such board in %s (have: %s)", n, cfg.Path, boardNames(cfg.Boards))
		}
		out = append(out, cfg.Boards[i])
	}
	return out, nil
}

func boardNames(bs []config.Board) string {
	names := make([]string, len(bs))
	for i, b := range bs {
		names[i] = b.Name
	}
	return strings.Join(names, ", ")
}

// openBoard builds the adapter for one configured board, through its
// type's ats.Kind. Settings come from the config file; secrets and
// overrides from JOBSYNC_<BOARD>_* variables.
func (a *app) openBoard(b config.Board) (ats.Board, error) {
	kind, ok := ats.LookupKind(b.Type)
	if !ok {
		return nil, fmt.Errorf("board %s: unknown type %q", b.Name, b.Type)
	}
	env, err := config.LoadBoardEnv(b)
	if err != nil {
		return nil, err
	}
	board, err := kind.Open(ats.OpenArgs{Name: b.Name, Options: b.Options, Env: env, Logger: a.log.Named(b.Name), MaxWait: a.settings.MaxWait})
	if err != nil {
		return nil, fmt.Errorf("board %s: %w", b.Name, err)
	}
	return board, nil
}
