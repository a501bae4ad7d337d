package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/mattn/go-isatty"
	"github.com/spf13/cobra"
	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"

	"github.com/jobsync/jobsync/ats"
	"github.com/jobsync/jobsync/config"
)

// app is what every subcommand shares: where output goes and how to log.
type app struct {
	stdout, stderr io.Writer
	settings       config.Settings
	logLevel       string
	logFormat      string
	noColor        bool
	log            *zap.Logger

	// boardFor builds a configured board; tests swap in a recording board.
	boardFor func(config.Board) (ats.Board, error)
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	return newApp(stdout, stderr).execute(ctx, args)
}

func newApp(stdout, stderr io.Writer) *app {
	a := &app{stdout: stdout, stderr: stderr, log: zap.NewNop()}
	a.boardFor = a.openBoard
	return a
}

// execute runs one command line and returns the exit code.
func (a *app) execute(ctx context.Context, args []string) int {
	root := a.rootCommand()
	root.SetArgs(args)
	root.SetOut(a.stdout)
	root.SetErr(a.stderr)
	err := root.ExecuteContext(ctx)
	_ = a.log.Sync()
	return exitCode(err, a.stderr)
}

func (a *app) rootCommand() *cobra.Command {
	root := &cobra.Command{
		Use:   "jobsync",
		Short: "Publish job postings from handbook pages to job boards",
		Long: `jobsync reads job-family pages from a handbook (markdown with front matter,
levels with job grades, specialties), composes the postings a company
advertises, and keeps job boards in sync with them: it creates, updates and
closes only the postings it owns, and shows the plan before it writes.

Board types (a board's type: in the config):
` + kindList(func(ats.Kind) bool { return true }),
		Example: `  jobsync parse testdata/product-manager.md
  jobsync compose testdata/product-manager.md --format md --out out/postings
  jobsync plan --config examples/jobsync.yaml
  jobsync sync --config examples/jobsync.yaml`,
		Version:           currentVersion().String(),
		SilenceUsage:      true,
		SilenceErrors:     true,
		PersistentPreRunE: func(cmd *cobra.Command, _ []string) error { return a.setup() },
	}
	root.SetVersionTemplate("{{.Version}}\n")
	f := root.PersistentFlags()
	f.StringVar(&a.logLevel, "log-level", "", "log level: debug, info, warn, error (env JOBSYNC_LOG_LEVEL; default info)")
	f.StringVar(&a.logFormat, "log-format", "", "log format: console or json (env JOBSYNC_LOG_FORMAT; default console on a terminal, json otherwise)")
	f.BoolVar(&a.noColor, "no-color", false, "no colour in human output (also NO_COLOR)")
	root.AddCommand(
		a.parseCommand(), a.lintCommand(), a.composeCommand(),
		a.planCommand(), a.syncCommand(), a.simulateCommand(), a.versionCommand(),
		a.initCommand(),
	)
	a.addCompletions(root)
	return root
}

// setup reads the environment and builds the logger, once per run.
func (a *app) setup() error {
	s, err := config.LoadSettings()
	if err != nil {
		return err
	}
	a.settings = s
	if a.logLevel == "" {
		a.logLevel = s.LogLevel
	}
	if a.logFormat == "" {
		a.logFormat = s.LogFormat
	}
	if os.Getenv("NO_COLOR") != "" {
		a.noColor = true
	}
	log, err := newLogger(a.stderr, a.logLevel, a.logFormat, a.colorOn(a.stderr))
	if err != nil {
		return err
	}
	a.log = log
	return nil
}

// newLogger logs to w: for people on a terminal, as JSON lines elsewhere
// (CI), in colour only when color says so (--no-color and NO_COLOR turn it
// off). JSON times are RFC 3339 (ISO 8601) in UTC, to the millisecond.
func newLogger(w io.Writer, level, format string, color bool) (*zap.Logger, error) {
	lvl := zapcore.InfoLevel
	if level != "" {
		if err := lvl.Set(level); err != nil {
			return nil, fmt.Errorf("--log-level %q: want debug, info, warn or error", level)
		}
	}
	if format == "" {
		format = "json"
		if isTerminal(w) {
			format = "console"
		}
	}
	var enc zapcore.Encoder
	switch format {
	case "console":
		cfg := zap.NewDevelopmentEncoderConfig()
		cfg.EncodeTime = zapcore.TimeEncoderOfLayout("15:04:05")
		if color {
			cfg.EncodeLevel = zapcore.CapitalColorLevelEncoder
		}
		enc = zapcore.NewConsoleEncoder(cfg)
	case "json":
		cfg := zap.NewProductionEncoderConfig()
		cfg.EncodeTime = zapcore.TimeEncoderOfLayout("2006-01-02T15:04:05.000Z07:00")
		enc = zapcore.NewJSONEncoder(cfg)
	default:
		return nil, fmt.Errorf("--log-format %q: want console or json", format)
	}
	// Lock: boards write from several goroutines, and w may be any writer.
	core := zapcore.NewCore(enc, zapcore.Lock(zapcore.AddSync(w)), lvl)
	return zap.New(omitEmpty{core}, zap.WithClock(utcClock{})), nil
}

// utcClock stamps log entries in UTC, so that JSON logs from machines in
// different zones read alike.
type utcClock struct{}

func (utcClock) Now() time.Time                         { return time.Now().UTC() }
func (utcClock) NewTicker(d time.Duration) *time.Ticker { return time.NewTicker(d) }

// omitEmpty drops string fields with no value, such as the reason of an
// update that has none: a log line says only what is known.
type omitEmpty struct{ zapcore.Core }

func (c omitEmpty) With(fields []zapcore.Field) zapcore.Core {
	return omitEmpty{c.Core.With(nonEmpty(fields))}
}

func (c omitEmpty) Check(e zapcore.Entry, ce *zapcore.CheckedEntry) *zapcore.CheckedEntry {
	if c.Enabled(e.Level) {
		return ce.AddCore(e, c)
	}
	return ce
}

func (c omitEmpty) Write(e zapcore.Entry, fields []zapcore.Field) error {
	return c.Core.Write(e, nonEmpty(fields))
}

func nonEmpty(fields []zapcore.Field) []zapcore.Field {
	out := fields[:0:0]
	for _, f := range fields {
		if f.Type == zapcore.StringType && f.String == "" {
			continue
		}
		out = append(out, f)
	}
	return out
}

// isTerminal reports whether w is a terminal, for colour and progress bars.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && (isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd()))
}

// colorOn reports whether human output to w may use colour.
func (a *app) colorOn(w io.Writer) bool {
	return !a.noColor && isTerminal(w)
}
