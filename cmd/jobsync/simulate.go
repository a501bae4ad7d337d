package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"go.uber.org/zap"

	"github.com/jobsync/jobsync/ats"
)

func (a *app) simulateCommand() *cobra.Command {
	var addr, board, envFile string
	var o ats.SimOptions
	names := simulatorNames()
	cmd := &cobra.Command{
		Use:   "simulate TYPE [--addr 127.0.0.1:PORT] [--board NAME]",
		Short: "Serve a local simulator of a board's API, to try jobsync with no account",
		Long: `simulate serves an in-process simulator of a job board's API on a loopback
address, with the real routes, JSON shapes, pagination, rate limits and error
bodies, and a few postings made "by hand" that jobsync must never touch. It
prints the environment to point a board at it, as KEY=VALUE lines, then
serves until interrupted. With --env-file it writes those lines to that file
instead, once it is listening (so a shell can wait for the file), and
removes the file when it stops.

Types:
` + kindList(func(k ats.Kind) bool { return k.Simulator != nil }),
		Example: `  jobsync simulate greenhouse --addr 127.0.0.1:8081 --window 1s --env-file gh.env &
  until [ -s gh.env ]; do sleep 0.1; done
  set -a; . ./gh.env; set +a
  jobsync plan --config examples/greenhouse.yaml`,
		Args:      cobra.ExactArgs(1),
		ValidArgs: names,
		RunE: func(cmd *cobra.Command, args []string) error {
			kind, ok := ats.LookupKind(args[0])
			if !ok || kind.Simulator == nil {
				return fmt.Errorf("simulate %q: want one of %s", args[0], strings.Join(names, ", "))
			}
			if err := checkSimOptions(o, addr); err != nil {
				return fmt.Errorf("simulate: %w", err)
			}
			if board == "" {
				board = kind.Name
			}
			sim, err := kind.Simulator(o)
			if err != nil {
				return fmt.Errorf("simulate %s: %w", kind.Name, err)
			}
			return a.serveSimulator(cmd.Context(), sim, addr, board, envFile)
		},
	}
	f := cmd.Flags()
	f.StringVar(&addr, "addr", "127.0.0.1:0", "address to listen on, loopback only (port 0 picks a free one)")
	f.StringVar(&board, "board", "", "board name for the printed variables (default: the type)")
	f.StringVar(&envFile, "env-file", "", "write the variables to this file once listening, instead of to stdout; removed on exit")
	f.IntVar(&o.RateLimit, "rate-limit", 0, "requests per window, or per second for a token bucket (default: the service's)")
	f.DurationVar(&o.Window, "window", 0, "the rate-limit window, where the service has one (default: the service's; 1s makes a quick demo)")
	f.Float64Var(&o.Faults, "faults", 0, "share of requests that fail, 0 to 1: errors, lost answers, dropped connections")
	f.DurationVar(&o.Latency, "latency", 0, "added to every answer")
	f.Int64Var(&o.Seed, "seed", 0, "seeds ids, tokens and fault draws")
	return cmd
}

// simulatorNames lists the board types that have a simulator.
func simulatorNames() []string {
	var out []string
	for _, k := range ats.Kinds() {
		if k.Simulator != nil {
			out = append(out, k.Name)
		}
	}
	return out
}

// kindList is the registered board types that keep, one "  name  summary"
// line each, for --help.
func kindList(keep func(ats.Kind) bool) string {
	var b strings.Builder
	for _, k := range ats.Kinds() {
		if keep(k) {
			fmt.Fprintf(&b, "  %-12s %s\n", k.Name, k.Summary)
		}
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// checkSimOptions refuses flags out of range, and an address other than
// loopback: a simulator takes well-known credentials and serves anyone who
// reaches it.
func checkSimOptions(o ats.SimOptions, addr string) error {
	switch {
	case o.RateLimit < 0:
		return fmt.Errorf("--rate-limit %d: want 0 (the service's) or more", o.RateLimit)
	case o.Window < 0:
		return fmt.Errorf("--window %s: want 0 (the service's) or more", o.Window)
	case o.Faults < 0 || o.Faults > 1:
		return fmt.Errorf("--faults %v: want a share from 0 to 1", o.Faults)
	case o.Latency < 0:
		return fmt.Errorf("--latency %s: want 0 or more", o.Latency)
	}
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("--addr %q: %w", addr, err)
	}
	if !isLoopbackHost(host) {
		return fmt.Errorf("--addr %q: want a loopback address (127.0.0.1, ::1 or localhost): a simulator accepts well-known credentials", addr)
	}
	return nil
}

func isLoopbackHost(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

func (a *app) serveSimulator(ctx context.Context, sim ats.Simulator, addr, board, envFile string) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("simulate: %w", err)
	}
	if tcp, ok := ln.Addr().(*net.TCPAddr); !ok || !tcp.IP.IsLoopback() {
		ln.Close()
		return fmt.Errorf("simulate: --addr %q listens on %s, not on loopback", addr, ln.Addr())
	}
	root := "http://" + ln.Addr().String()
	env := strings.Join(sim.Env(ats.EnvPrefix(board), root), "\n") + "\n"
	if envFile == "" {
		fmt.Fprint(a.stdout, env)
	} else {
		if err := writeFileAtomic(envFile, env); err != nil {
			ln.Close()
			return fmt.Errorf("simulate: --env-file: %w", err)
		}
		// A stale file would point the next run at a simulator that is gone.
		defer os.Remove(envFile)
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

// writeFileAtomic writes data to a temporary file beside path and renames it
// there, so that a reader waiting for path never sees half of it.
func writeFileAtomic(path, data string) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // after a successful rename, a no-op
	if _, err := tmp.WriteString(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
