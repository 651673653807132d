package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"time"

	"github.com/mattn/go-isatty"

	"corridor/model"
	"corridor/seeds"
)

// Exit codes, as documented in --help.
const (
	exitOK       = 0 // everything loaded
	exitProblems = 1 // some paths had problems (the rest was still processed), or a runtime error
	exitUsage    = 2 // bad flags or arguments
)

// usageError is a mistake in the command line; it exits with exitUsage.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

// problemsError says that some paths could not be loaded; the output was
// still written. It exits with exitProblems.
type problemsError struct{ n int }

func (e problemsError) Error() string {
	if e.n == 1 {
		return "1 path had a problem (see above)"
	}
	return fmt.Sprintf("%d paths had problems (see above)", e.n)
}

// exitCode maps run's error to the process exit code, printing it first.
func exitCode(err error, stderr io.Writer) int {
	var ue usageError
	var pe problemsError
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, flag.ErrHelp):
		return exitOK
	case errors.As(err, &ue):
		fmt.Fprintf(stderr, "corridor: %s\nRun 'corridor -h' for usage.\n", ue.msg)
		return exitUsage
	case errors.As(err, &pe):
		fmt.Fprintf(stderr, "corridor: %s\n", pe)
		return exitProblems
	}
	fmt.Fprintf(stderr, "corridor: %s\n", err)
	return exitProblems
}

// run dispatches on the first argument: a verb (extract, serve, help) or,
// for anything else, the dashboard with that argument as a flag or path.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(args) > 0 {
		switch args[0] {
		case "extract":
			return runExtract(ctx, args[1:], stdout, stderr)
		case "serve":
			return runServe(ctx, args[1:], stdout, stderr)
		case "help":
			fmt.Fprint(stdout, mainUsage)
			return nil
		}
	}
	return runTUI(ctx, args, stdin, stdout, stderr)
}

// newFlagSet returns a flag set that reports errors instead of exiting, and
// prints usage (the given text) to stdout on -h, as users expect of --help.
func newFlagSet(name, usage string, stdout io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() { fmt.Fprint(stdout, usage) }
	return fs
}

// parseFlags parses args, turning flag errors into usage errors and -h into
// flag.ErrHelp after printing the usage. The flag package itself calls Usage
// on -h and on every parse error; it is silenced during Parse so that usage
// is printed once, and only when asked for (a mistyped flag gets a one-line
// error on stderr, not the whole usage on stdout, where it would corrupt
// extract's output).
func parseFlags(fs *flag.FlagSet, args []string) error {
	usage := fs.Usage
	fs.Usage = func() {}
	err := fs.Parse(args)
	fs.Usage = usage
	switch {
	case err == nil:
		return nil
	case errors.Is(err, flag.ErrHelp):
		fs.Usage()
		return flag.ErrHelp
	}
	return usageError{err.Error()}
}

// loadCorpus loads the paths, or the embedded seeds when there are none, and
// extracts every document, on all cores (model.Stream). The corpus is the
// same, in the same order, as loading one file after another would give.
func loadCorpus(paths []string, opt model.LoadOptions) *model.Corpus {
	c, _ := loadCorpusCtx(context.Background(), paths, opt, nil)
	return c
}

// loadCorpusCtx is loadCorpus that stops when ctx is cancelled (returning
// ctx's error and no corpus) and calls progress, when not nil, after each
// batch of files.
func loadCorpusCtx(ctx context.Context, paths []string, opt model.LoadOptions, progress func(model.Progress)) (*model.Corpus, error) {
	so := model.StreamOptions{LoadOptions: opt}
	if len(paths) == 0 {
		so.Base = "seeds"
		return model.LoadCorpus(ctx, seeds.FS, seeds.Root, nil, so, progress)
	}
	return model.LoadCorpus(ctx, nil, "", paths, so, progress)
}

// streamPaths streams the paths, or the embedded seeds when there are none,
// as loadCorpusCtx loads them, handing fn the batches.
func streamPaths(ctx context.Context, paths []string, opt model.StreamOptions, fn func(model.Batch) error) error {
	if len(paths) == 0 {
		opt.Base = "seeds"
		return model.Stream(ctx, seeds.FS, seeds.Root, opt, fn)
	}
	return model.StreamPaths(ctx, paths, opt, fn)
}

// isTerminal reports whether w is a terminal: run takes io.Writers, so
// that tests can pass buffers, and only an *os.File (or anything else with a
// file descriptor) can be one.
func isTerminal(w io.Writer) bool {
	f, ok := w.(interface{ Fd() uintptr })
	return ok && isatty.IsTerminal(f.Fd())
}

// progressLine returns a progress callback that keeps one status line up to
// date on w, and a function that clears it; both do nothing (progress is
// nil) unless w is a terminal, so that logs and pipes get no control codes.
func progressLine(w io.Writer) (progress func(model.Progress), clear func()) {
	if !isTerminal(w) {
		return nil, func() {}
	}
	shown := false
	var last time.Time
	progress = func(p model.Progress) {
		// A line ten times a second is smooth enough and costs nothing.
		if time.Since(last) < 100*time.Millisecond && !p.Done {
			return
		}
		last = time.Now()
		fmt.Fprintf(w, "\r\x1b[Kcorridor: reading %s", p)
		shown = true
	}
	clear = func() {
		if shown {
			fmt.Fprint(w, "\r\x1b[K")
		}
	}
	return progress, clear
}

// writeProblems prints each load problem on its own line to w.
func writeProblems(w io.Writer, problems []model.Problem) {
	for _, p := range problems {
		fmt.Fprintf(w, "corridor: %s: %s\n", p.Path, p.Err)
	}
}

const mainUsage = `corridor: a terminal dashboard for the indicators of the China–Hong Kong–Central Asia trade corridors.

Usage:
  corridor [flags] [PATH...]          open the dashboard (no PATH: the embedded corpus)
  corridor extract [flags] [PATH...]  write indicators and events as JSON, JSONL or CSV
  corridor serve [flags] [PATH...]    serve the dashboard over SSH
  corridor help                       show this help

PATH is a .txt, .md or .html file or a folder (read recursively).
Run 'corridor extract -h' or 'corridor serve -h' for their flags.

Dashboard flags:
`
