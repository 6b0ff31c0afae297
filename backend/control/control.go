// Package control lets a command line Wheelhouse reach the running app. The
// app holds the data folder's lock while it runs, so `backup` and
// `export-json` cannot open the workspace themselves; instead they ask the
// app over a Unix socket beside the database (<data folder>/wheelhouse.sock),
// which only the same user can open: the socket file is made 0600 inside the
// data folder (0700), and on Linux the app also checks the peer's uid
// (SO_PEERCRED). One request per connection: a JSON line, then a JSON reply
// line, then for an export exactly reply.Bytes bytes of the workspace JSON.
package control

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"sync"
	"time"

	"wheelhouse/backend/clock"
	"wheelhouse/backend/errs"
)

// SocketName is the socket's file name in the data folder.
const SocketName = "wheelhouse.sock"

// SocketPath is the socket of data folder root.
func SocketPath(root string) string { return filepath.Join(root, SocketName) }

// Request is what a command asks.
type Request struct {
	Cmd            string `json:"cmd"`            // ping | backup | export-json
	Path           string `json:"path,omitempty"` // backup: the absolute file to write
	WithoutPrivate bool   `json:"withoutPrivate,omitempty"`
	Generator      string `json:"generator,omitempty"` // export-json: who asked, written in the file
}

// Reply is the app's answer.
type Reply struct {
	OK      bool   `json:"ok"`
	Error   string `json:"error,omitempty"`
	Code    string `json:"code,omitempty"`
	Bytes   int64  `json:"bytes,omitempty"` // export-json: the length of the body that follows
	Version string `json:"version,omitempty"`
}

// Handler does what the app is asked, on its open workspace.
type Handler interface {
	// Serving reports whether the app has the folder's workspace open now
	// (not while it shows the demo): when it does not, a command opens the
	// workspace itself.
	Serving() bool
	Backup(path string) error
	ExportJSON(w io.Writer, withoutPrivate bool, generator string) error
}

// Server answers the commands of one data folder.
type Server struct {
	ln      net.Listener
	path    string
	h       Handler
	log     *slog.Logger
	version string
	wg      sync.WaitGroup
}

// wall is the clock of socket deadlines: the kernel compares them with the
// real time, so they never come from a test's fake clock.
var wall clock.Clock = clock.Real{}

// MaxRequest bounds a request line.
const MaxRequest = 64 << 10

// Listen opens the socket of root. A socket file nobody answers on is left
// over from a crash and is replaced; one that answers belongs to another
// running Wheelhouse and is refused.
func Listen(root string, h Handler, version string, log *slog.Logger) (*Server, error) {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	p := SocketPath(root)
	if _, c, err := ask(root, Request{Cmd: "ping"}, time.Second); err == nil {
		c.Close()
		return nil, errs.E(errs.Conflict, "Another Wheelhouse already answers on %s.", p)
	}
	_ = os.Remove(p)
	ln, err := net.Listen("unix", p) // in the data folder (0700); 0600 below
	if err != nil {
		return nil, fmt.Errorf("control socket %s: %w", p, err)
	}
	if err := os.Chmod(p, 0o600); err != nil {
		ln.Close()
		return nil, err
	}
	s := &Server{ln: ln, path: p, h: h, log: log, version: version}
	s.wg.Add(1)
	go s.serve()
	return s, nil
}

// Close stops answering and removes the socket file.
func (s *Server) Close() error {
	err := s.ln.Close()
	s.wg.Wait()
	_ = os.Remove(s.path)
	return err
}

func (s *Server) serve() {
	defer s.wg.Done()
	for {
		c, err := s.ln.Accept()
		if err != nil {
			if !errors.Is(err, net.ErrClosed) {
				s.log.Error("control socket", "err", err)
			}
			return
		}
		s.wg.Add(1)
		go func() {
			defer s.wg.Done()
			defer c.Close()
			s.handle(c)
		}()
	}
}

func (s *Server) handle(c net.Conn) {
	if err := samePeer(c); err != nil {
		s.log.Warn("control socket: refused a peer", "err", err)
		writeReply(c, Reply{Error: "Refused: only the user running Wheelhouse may ask it.", Code: string(errs.Unavailable)})
		return
	}
	_ = c.SetReadDeadline(wall.Now().Add(10 * time.Second))
	line, err := bufio.NewReader(io.LimitReader(c, MaxRequest)).ReadBytes('\n')
	if err != nil {
		writeReply(c, Reply{Error: "The request was incomplete.", Code: string(errs.Invalid)})
		return
	}
	_ = c.SetReadDeadline(time.Time{})
	var req Request
	if err := json.Unmarshal(line, &req); err != nil {
		writeReply(c, Reply{Error: "The request was not understood.", Code: string(errs.Invalid)})
		return
	}
	fail := func(err error) { writeReply(c, Reply{Error: errs.MessageOf(err), Code: string(errs.CodeOf(err))}) }
	switch req.Cmd {
	case "ping":
		writeReply(c, Reply{OK: s.h.Serving(), Version: s.version})
	case "backup":
		if !filepath.IsAbs(req.Path) {
			fail(errs.E(errs.Invalid, "The backup path must be absolute."))
			return
		}
		if err := s.h.Backup(req.Path); err != nil {
			fail(err)
			return
		}
		writeReply(c, Reply{OK: true})
	case "export-json":
		var buf bytes.Buffer
		if err := s.h.ExportJSON(&buf, req.WithoutPrivate, req.Generator); err != nil {
			fail(err)
			return
		}
		if writeReply(c, Reply{OK: true, Bytes: int64(buf.Len())}) == nil {
			_, _ = c.Write(buf.Bytes())
		}
	default:
		fail(errs.E(errs.Invalid, "Unknown request %q.", req.Cmd))
	}
}

func writeReply(c net.Conn, r Reply) error {
	b, _ := json.Marshal(r)
	_ = c.SetWriteDeadline(wall.Now().Add(time.Minute))
	_, err := c.Write(append(b, '\n'))
	return err
}

// Available reports whether a running Wheelhouse answers on root's socket
// and has its workspace open.
func Available(root string) bool {
	r, _, err := ask(root, Request{Cmd: "ping"}, time.Second)
	return err == nil && r.OK
}

// ask sends req and reads the reply line; the connection is returned open
// (with its buffered reader) for a body to follow.
func ask(root string, req Request, timeout time.Duration) (Reply, *conn, error) {
	c, err := net.DialTimeout("unix", SocketPath(root), timeout)
	if err != nil {
		return Reply{}, nil, err
	}
	b, _ := json.Marshal(req)
	if _, err := c.Write(append(b, '\n')); err != nil {
		c.Close()
		return Reply{}, nil, err
	}
	br := bufio.NewReader(c)
	line, err := br.ReadBytes('\n')
	if err != nil {
		c.Close()
		return Reply{}, nil, fmt.Errorf("the running Wheelhouse did not answer: %w", err)
	}
	var r Reply
	if err := json.Unmarshal(line, &r); err != nil {
		c.Close()
		return Reply{}, nil, fmt.Errorf("the running Wheelhouse answered something else: %w", err)
	}
	return r, &conn{c, br}, nil
}

type conn struct {
	net.Conn
	r *bufio.Reader
}

func replyErr(r Reply) error {
	return &errs.Error{Code: errs.Code(r.Code), Message: r.Error}
}

// Backup asks the running app of root to write a backup to path (made
// absolute here).
func Backup(root, path string) error {
	abs, err := filepath.Abs(path)
	if err != nil {
		return err
	}
	r, c, err := ask(root, Request{Cmd: "backup", Path: abs}, 5*time.Second)
	if err != nil {
		return errs.E(errs.Unavailable, "Cannot reach the running Wheelhouse: %v", err)
	}
	c.Close()
	if !r.OK {
		return replyErr(r)
	}
	return nil
}

// ExportJSON asks the running app of root for the workspace JSON and copies
// it to w; a short body is an error (nothing half-written is reported as
// done).
func ExportJSON(root string, w io.Writer, withoutPrivate bool, generator string) error {
	r, c, err := ask(root, Request{Cmd: "export-json", WithoutPrivate: withoutPrivate, Generator: generator}, 5*time.Second)
	if err != nil {
		return errs.E(errs.Unavailable, "Cannot reach the running Wheelhouse: %v", err)
	}
	defer c.Close()
	if !r.OK {
		return replyErr(r)
	}
	n, err := io.CopyN(w, c.r, r.Bytes)
	if err != nil || n != r.Bytes {
		return errs.E(errs.Unavailable, "The running Wheelhouse stopped after %d of %d bytes: %v", n, r.Bytes, err)
	}
	return nil
}
