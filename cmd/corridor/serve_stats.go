package main

import (
	"errors"
	"expvar"
	"fmt"
	"net"
	"net/http"
	"net/http/pprof"
	"runtime"
)

// serveStats serves the server's counters as JSON at http://addr/debug/vars
// (expvar: memstats plus goroutines, sessions and handlers), for the load
// test to watch the server from outside its process, and Go's profiles at
// http://addr/debug/pprof/. Only loopback
// addresses are accepted: the counters are harmless, but a flag that opens
// a second port to the world by mistake is not. It returns a func that
// stops the listener.
func serveStats(addr string, sv *sshServer) (stop func(), err error) {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return nil, usageError{fmt.Sprintf("-stats-addr %q: want host:port", addr)}
	}
	if ip := net.ParseIP(host); host != "localhost" && (ip == nil || !ip.IsLoopback()) {
		return nil, usageError{fmt.Sprintf("-stats-addr %q: only loopback addresses (127.0.0.1, ::1, localhost)", addr)}
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("stats: %w", err)
	}
	vars := map[string]expvar.Func{
		"goroutines": func() any { return runtime.NumGoroutine() },
		"sessions":   func() any { return sv.active.Load() },
		"handlers":   func() any { return sv.handlersLive.Load() },
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/debug/vars", func(w http.ResponseWriter, r *http.Request) {
		// expvar's own handler, plus our counters without publishing them
		// globally (tests build several servers in one process).
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		fmt.Fprintf(w, "{\n")
		for k, f := range vars {
			fmt.Fprintf(w, "%q: %s,\n", k, f.String())
		}
		first := true
		expvar.Do(func(kv expvar.KeyValue) {
			if !first {
				fmt.Fprintf(w, ",\n")
			}
			first = false
			fmt.Fprintf(w, "%q: %s", kv.Key, kv.Value)
		})
		fmt.Fprintf(w, "\n}\n")
	})
	// Go's profiles, for finding what a slow server spends its time on.
	mux.HandleFunc("/debug/pprof/", pprof.Index)
	mux.HandleFunc("/debug/pprof/profile", pprof.Profile)
	mux.HandleFunc("/debug/pprof/trace", pprof.Trace)
	hs := &http.Server{Handler: mux}
	go func() {
		if err := hs.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			sv.log.Warn("stats", "err", err)
		}
	}()
	sv.log.Info("stats", "url", "http://"+ln.Addr().String()+"/debug/vars")
	return func() { _ = hs.Close() }, nil
}
