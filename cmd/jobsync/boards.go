package main

import (
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"go.uber.org/zap"

	"github.com/jobsync/jobsync/ats"
	"github.com/jobsync/jobsync/ats/atshttp"
	"github.com/jobsync/jobsync/ats/greenhouse"
	"github.com/jobsync/jobsync/ats/lever"
	"github.com/jobsync/jobsync/ats/local"
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

// openBoard builds the adapter for one configured board. Settings come from
// the config file; secrets and overrides from JOBSYNC_<BOARD>_* variables.
func (a *app) openBoard(b config.Board) (ats.Board, error) {
	log := a.log.Named(b.Name)
	switch b.Type {
	case "local":
		return local.New(b.Name, b.Dir, local.WithLogger(log))
	case "greenhouse":
		env, err := config.LoadBoardEnv(b.Name)
		if err != nil {
			return nil, err
		}
		userID, err := optionalInt(env.UserID, "JOBSYNC_"+envName(b.Name)+"_USER_ID")
		if err != nil {
			return nil, err
		}
		template := b.TemplateJobID
		if env.TemplateJobID != "" {
			if template, err = optionalInt(env.TemplateJobID, "JOBSYNC_"+envName(b.Name)+"_TEMPLATE_JOB_ID"); err != nil {
				return nil, err
			}
		}
		return greenhouse.New(greenhouse.Options{
			Name: b.Name, BaseURL: env.BaseURL, TokenURL: env.TokenURL,
			ClientID: env.ClientID, ClientSecret: env.ClientSecret, UserID: userID,
			TemplateJobID: template, CloseOpenings: b.CloseOpenings,
			HTTPClient: newHTTPClient(log), Logger: log,
		})
	case "lever":
		env, err := config.LoadBoardEnv(b.Name)
		if err != nil {
			return nil, err
		}
		// Lever sends no rate-limit headers: the board paces its own client.
		return lever.New(lever.Options{
			Name: b.Name, BaseURL: env.BaseURL, APIKey: env.APIKey, PerformAs: env.PerformAs,
			DistributionChannels: b.DistributionChannels, Logger: log,
		})
	default:
		return nil, fmt.Errorf("board %s: unknown type %q", b.Name, b.Type)
	}
}

// envName is a board name as it appears in environment variables.
func envName(board string) string {
	return strings.ToUpper(strings.ReplaceAll(board, "-", "_"))
}

func optionalInt(s, name string) (int64, error) {
	if s == "" {
		return 0, nil
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return 0, fmt.Errorf("%s: want a number, got %q", name, s)
	}
	return n, nil
}
