// Package serve is formatlas's development server: it builds the site into
// memory, serves it over HTTP on loopback, watches content/, templates/ and
// static/, rebuilds on change, and reloads open pages through server-sent
// events. A build that fails keeps the last good site served and shows its
// errors over the page until a fix removes them. Nothing is written to disk.
package serve

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"sync"
	"time"

	"formatlas/generator"
	"formatlas/generator/render"
)

// Options configures a Server.
type Options struct {
	SiteDir  string        // the site directory
	Addr     string        // host:port to listen on; default 127.0.0.1:1313
	Log      io.Writer     // where rebuilds and errors are reported
	Debounce time.Duration // quiet time after a change before rebuilding; default 100ms
}

// Server holds the last good build and the problems of the latest one.
type Server struct {
	opts Options

	mu       sync.RWMutex
	files    map[string][]byte // the last good build, by path
	problems string            // errors of the latest build, "" when it was good
	version  uint64            // counts builds that changed what is served

	clients clients
}

// New makes a server; Run starts it.
func New(opts Options) *Server {
	if opts.Addr == "" {
		opts.Addr = "127.0.0.1:1313"
	}
	if opts.Log == nil {
		opts.Log = io.Discard
	}
	if opts.Debounce == 0 {
		opts.Debounce = 100 * time.Millisecond
	}
	return &Server{opts: opts, clients: clients{subs: map[chan event]bool{}}}
}

// Run builds the site, listens, and serves and rebuilds until ctx ends. ready
// is called with the address once the server accepts connections. It returns
// after every goroutine it started has ended.
func (s *Server) Run(ctx context.Context, ready func(addr string)) error {
	s.rebuild(nil)
	ln, err := net.Listen("tcp", s.opts.Addr)
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second,
		BaseContext: func(net.Listener) context.Context { return ctx }}
	var wg sync.WaitGroup
	watchErr := make(chan error, 1)
	wg.Go(func() { watchErr <- s.watch(ctx) })
	serveErr := make(chan error, 1)
	wg.Go(func() { serveErr <- srv.Serve(ln) })
	if ready != nil {
		ready(ln.Addr().String())
	}
	fmt.Fprintf(s.opts.Log, "formatlas serve: http://%s/ (Ctrl-C stops)\n", ln.Addr())
	var runErr error
	select {
	case <-ctx.Done():
	case runErr = <-watchErr:
	case runErr = <-serveErr:
	}
	s.clients.closeAll()
	shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdown); err != nil && runErr == nil {
		runErr = err
	}
	wg.Wait()
	if errors.Is(runErr, http.ErrServerClosed) || errors.Is(runErr, context.Canceled) {
		runErr = nil
	}
	return runErr
}

// rebuild builds the whole site in memory. On success it replaces what is
// served and tells open pages to reload; on failure it keeps the last good
// site and shows the errors. changed lists the files that set it off.
func (s *Server) rebuild(changed []string) {
	start := time.Now()
	root, err := os.OpenRoot(s.opts.SiteDir)
	var files []render.File
	if err == nil {
		var r *generator.Result
		r, err = generator.Check(root.FS(), generator.Options{})
		root.Close()
		if r != nil {
			files = r.Files
		}
	}
	s.mu.Lock()
	if err != nil {
		s.problems = err.Error()
		s.mu.Unlock()
		fmt.Fprintf(s.opts.Log, "formatlas serve: the build failed; still serving the last good site:\n%s\n", err)
		s.clients.send(event{name: "problems", data: err.Error()})
		return
	}
	s.files = make(map[string][]byte, len(files))
	for _, f := range files {
		s.files[f.Path] = f.Data
	}
	s.problems = ""
	s.version++
	s.mu.Unlock()
	if changed != nil {
		fmt.Fprintf(s.opts.Log, "formatlas serve: rebuilt in %v after %d change(s)\n", time.Since(start).Round(time.Millisecond), len(changed))
	}
	s.clients.send(event{name: "reload"})
}
