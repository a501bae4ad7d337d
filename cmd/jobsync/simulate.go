package main

import (
	"context"
	"errors"
	"fmt"
	"go.uber.org/zap"
	"net"
	"net/http"
	"time"

	"github.com/spf13/cobra"

	"github.com/jobsync/jobsync/ats"
	"github.com/jobsync/jobsync/ats/greenhouse/greenhousesim"
	"github.com/jobsync/jobsync/ats/lever/leversim"
)

func (a *app) simulateCommand() *cobra.Command {
	var addr, board string
	var limit int
	var window time.Duration
	cmd := &cobra.Command{
		Use:   "simulate greenhouse|lever [--addr 127.0.0.1:PORT] [--board NAME]",
		Short: "Serve a local simulator of an ATS API, to try jobsync with no account",
		Long: `simulate serves an in-process simulator of the Greenhouse Harvest v3 or the
Lever API on a local address, with the real routes, JSON shapes, pagination,
rate limits and error bodies, and a few postings made "by hand" that jobsync
must never touch. It prints the environment to point a board at it, as
KEY=VALUE lines, then serves until interrupted.`,
		Example: `  jobsync simulate greenhouse --addr 127.0.0.1:8081 --window 1s > gh.env &
  set -a; . ./gh.env; set +a
  jobsync plan --config examples/greenhouse.yaml`,
		Args:      cobra.ExactArgs(1),
		ValidArgs: []string{"greenhouse", "lever"},
		RunE: func(cmd *cobra.Command, args []string) error {
			if board == "" {
				board = args[0]
			}
			var sim ats.Simulator
			switch args[0] {
			case "greenhouse":
				sim = greenhousesim.New(greenhousesim.Options{RateLimit: limit, Window: window})
			case "lever":
				sim = leversim.New(leversim.Options{Rate: float64(limit)})
			default:
				return fmt.Errorf("simulate %q: want greenhouse or lever", args[0])
			}
			return a.serveSimulator(cmd.Context(), sim, addr, board)
		},
	}
	cmd.Flags().StringVar(&addr, "addr", "127.0.0.1:0", "address to listen on (loopback; port 0 picks a free one)")
	cmd.Flags().StringVar(&board, "board", "", "board name for the printed variables (default: the simulator's name)")
	cmd.Flags().IntVar(&limit, "rate-limit", 0, "greenhouse: requests per window (default 50); lever: requests per second (default 10)")
	cmd.Flags().DurationVar(&window, "window", 0, "greenhouse: the rate-limit window (default 30s; 1s makes a quick demo)")
	return cmd
}

func (a *app) serveSimulator(ctx context.Context, sim ats.Simulator, addr, board string) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("simulate: %w", err)
	}
	root := "http://" + ln.Addr().String()
	for _, kv := range sim.Env(ats.EnvPrefix(board), root) {
		fmt.Fprintln(a.stdout, kv)
	}
	srv := &http.Server{Handler: sim, ReadHeaderTimeout: 10 * time.Second}
	go func() {
		<-ctx.Done()
		shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = srv.Shutdown(shutdown)
	}()
	a.log.Info("simulator serving", zap.String("url", root))
	if err := srv.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("simulate: %w", err)
	}
	return nil
}
