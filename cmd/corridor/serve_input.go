package main

import (
	"errors"
	"io"
	"sync"
	"sync/atomic"
	"time"

	"github.com/charmbracelet/ssh"
)

// sessionInput is a session's keyboard: one goroutine reads the SSH channel
// and hands the bytes over, so that
//   - the time of the last input is known, and the idle timeout is based on
//     what the client typed, never on what the dashboard drew;
//   - a read can give up after a deadline (see querySession), which a read
//     straight from the channel cannot: bm.MakeRenderer asks the terminal
//     for its background colour and would otherwise wait for a keystroke
//     from a client that never answers;
//   - the end of input (the client closed the channel) can end the program,
//     which Bubble Tea does not do by itself.
type sessionInput struct {
	ch    chan []byte   // chunks read from the channel; closed at its end
	done  chan struct{} // closed by Close: the reader goroutine stops
	once  sync.Once
	buf   []byte       // the unread rest of the last chunk
	err   error        // why reading ended; written before ch is closed
	last  atomic.Int64 // UnixNano of the last input (or of the start)
	onEnd func()       // called once when the client's input ends
}

// errQueryTimeout ends a read made through querySession after its deadline.
var errQueryTimeout = errors.New("terminal did not answer in time")

// newSessionInput starts reading r; onEnd (may be nil) runs when r ends.
func newSessionInput(r io.Reader, onEnd func()) *sessionInput {
	in := &sessionInput{ch: make(chan []byte), done: make(chan struct{}), onEnd: onEnd}
	in.touch()
	go in.pump(r)
	return in
}

// pump copies r into ch. It exits at r's end or at Close; while blocked in
// r.Read it ends when the session's channel closes, which the SSH library
// does as soon as the handler returns, so no goroutine outlives a session.
func (in *sessionInput) pump(r io.Reader) {
	defer close(in.ch)
	for {
		b := make([]byte, 512)
		n, err := r.Read(b)
		if n > 0 {
			in.touch()
			select {
			case in.ch <- b[:n]:
			case <-in.done:
				return
			}
		}
		if err != nil {
			in.err = err
			if in.onEnd != nil {
				in.onEnd()
			}
			return
		}
	}
}

// touch records activity now. Window resizes call it too: a user dragging
// the window is not idle.
func (in *sessionInput) touch() { in.last.Store(time.Now().UnixNano()) }

// idleFor is the time since the last input.
func (in *sessionInput) idleFor() time.Duration {
	return time.Since(time.Unix(0, in.last.Load()))
}

// Read implements io.Reader for the program; it blocks until input arrives.
func (in *sessionInput) Read(p []byte) (int, error) { return in.read(p, nil) }

// read waits for input until timeout fires (nil: forever). Only one
// goroutine reads at a time: the renderer's query, then the program.
func (in *sessionInput) read(p []byte, timeout <-chan time.Time) (int, error) {
	if len(in.buf) == 0 {
		select {
		case b, ok := <-in.ch:
			if !ok {
				if in.err == nil || errors.Is(in.err, io.EOF) {
					return 0, io.EOF
				}
				return 0, in.err
			}
			in.buf = b
		case <-in.done:
			return 0, io.EOF
		case <-timeout:
			return 0, errQueryTimeout
		}
	}
	n := copy(p, in.buf)
	in.buf = in.buf[n:]
	return n, nil
}

// Close stops handing input over; later reads return io.EOF.
func (in *sessionInput) Close() error {
	in.once.Do(func() { close(in.done) })
	return nil
}

// querySession is the session as bm.MakeRenderer sees it: the same session,
// but its reads come from the input pump and fail after a deadline, so a
// client that does not answer the background-colour query costs at most
// that long instead of hanging the session until its first keystroke.
type querySession struct {
	ssh.Session
	in       *sessionInput
	deadline <-chan time.Time
}

// Read implements io.Reader with the query's deadline.
func (q querySession) Read(p []byte) (int, error) { return q.in.read(p, q.deadline) }
