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
	"io/fs"
	"net"
	"net/http"
	"os"
	"sync"
	"time"

	"formatlas/generator"
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
	addr string // where it listens, once it does

	mu       sync.RWMutex
	files    map[string][]byte // the last good build, by path
	base     string            // the path the last good build is published at ("/", "/atlas/")
	problems string            // errors of the latest build, "" when it was good
	version  uint64            // counts builds that changed what is served

	// draft is the site after an edit of records, until the full build
	// behind it replaces it: its pages are rendered when they are asked
	// for, their commentaries read through draftRoot. Both are written with
	// buildMu and mu held, so that either lets one read them.
	draft     *generator.Draft
	draftRoot *os.Root

	// buildMu serialises builds, from the watcher and from requests for
	// stale whole-site outputs; it guards session and stale.
	buildMu sync.Mutex
	// session is the last good build, for re-rendering one page after a
	// commentary edit, and making a draft after an edit of records.
	session *generator.Session
	// stale is set when edits were applied page by page: the whole-site
	// outputs are rebuilt when one of them is next asked for.
	stale bool

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
	s.addr = ln.Addr().String()
	srv := &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second,
		BaseContext: func(net.Listener) context.Context { return ctx }}
	var wg sync.WaitGroup
	watchErr := make(chan error, 1)
	watching := make(chan struct{})
	wg.Go(func() { watchErr <- s.watch(ctx, watching) })
	serveErr := make(chan error, 1)
	wg.Go(func() { serveErr <- srv.Serve(ln) })
	select { // an edit saved once the server is ready is seen
	case <-watching:
	case err := <-watchErr:
		watchErr <- err
	}
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

// rebuild brings what is served up to date after changes. An edit of
// commentaries alone reads just those files and re-renders just their pages.
// An edit of records (formats, lessons, countries.toml, sources.toml) loads
// and links the site again, reading and decoding again only the edited
// records, renders their pages, and serves the other pages of the new model
// as they are asked for (see applyEdit). The whole-site outputs that hold
// every page (search index, print edition, offline zip, manifest) are then
// rebuilt on request. Any other change builds the whole site again. On
// success the build replaces what is served and open pages reload; on
// failure the last good site stays and its errors are shown. changed lists
// the files that set it off.
//
// It reports whether it re-rendered pages one by one: the caller then
// builds the whole site behind them (refresh), since an edit of one page can
// break or mend a link of another, to one of its headings, and serve must
// report exactly what check reports.
func (s *Server) rebuild(changed []string) (pageByPage bool) {
	s.buildMu.Lock()
	defer s.buildMu.Unlock()
	root, err := os.OpenRoot(s.opts.SiteDir)
	if err != nil {
		s.fail(err.Error())
		return false
	}
	defer root.Close()
	fsys := root.FS()
	switch edits, commentary, ok := s.contentEdits(changed); {
	case !ok:
	case commentary && s.draft == nil: // with a draft, its pages would hide those re-rendered
		pageByPage = s.applyCommentary(edits, fsys)
	default:
		pageByPage = s.applyEdit(edits)
	}
	if pageByPage {
		s.stale = true
		return true
	}
	s.fullBuild(fsys, changed, true)
	return false
}

// refresh rebuilds the whole site if page-by-page edits left it stale: the
// watcher calls it right after them, and a request for a whole-site output
// if that has not run yet. A failed build is not tried again before the
// next change.
func (s *Server) refresh() {
	s.buildMu.Lock()
	defer s.buildMu.Unlock()
	if !s.stale {
		return
	}
	s.stale = false
	root, err := os.OpenRoot(s.opts.SiteDir)
	if err != nil {
		s.fail(err.Error())
		return
	}
	defer root.Close()
	s.fullBuild(root.FS(), nil, false)
}

// fullBuild builds the whole site; announce says whether open pages reload.
// It replaces the draft, if there is one.
func (s *Server) fullBuild(fsys fs.FS, changed []string, announce bool) {
	start := time.Now()
	session, err := generator.NewSession(fsys, generator.Options{})
	if err != nil {
		s.fail(err.Error())
		return
	}
	files := make(map[string][]byte, len(session.Files))
	for _, f := range session.Files {
		files[f.Path] = f.Data
	}
	s.mu.Lock()
	s.files, s.problems, s.base = files, "", session.SitePath()
	s.version++
	draftRoot := s.draftRoot
	s.draft, s.draftRoot = nil, nil
	s.mu.Unlock()
	if draftRoot != nil {
		draftRoot.Close()
	}
	s.session, s.stale = session, false
	if changed != nil {
		fmt.Fprintf(s.opts.Log, "formatlas serve: rebuilt in %v after %d change(s)\n", time.Since(start).Round(time.Millisecond), len(changed))
	}
	if announce {
		s.clients.send(event{name: "reload"})
	}
}

// fail keeps the last good site and shows the problems.
func (s *Server) fail(problems string) {
	s.mu.Lock()
	s.problems = problems
	none := s.files == nil
	s.mu.Unlock()
	if none {
		fmt.Fprintf(s.opts.Log, "formatlas serve: the build failed, and there is no good build to serve yet:\n%s\n", problems)
	} else {
		fmt.Fprintf(s.opts.Log, "formatlas serve: the build failed; still serving the last good site:\n%s\n", problems)
	}
	s.clients.send(event{name: "problems", data: problems})
}
