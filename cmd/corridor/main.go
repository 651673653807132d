// Command corridor is a terminal dashboard for the indicators of the trade
// corridors linking mainland China, Hong Kong and Central Asia.
//
//	corridor [flags] [PATH...]          open the dashboard
//	corridor extract [flags] [PATH...]  write indicators and events as JSON/CSV
//	corridor serve [flags] [PATH...]    serve the dashboard over SSH
//
// With no PATH, the embedded corpus of five seed articles is used. This file
// is wiring only: run does the work and returns an error that maps to an
// exit code.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(exitCode(err, os.Stderr))
}
