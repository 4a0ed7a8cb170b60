package serve

import (
	"bytes"
	"fmt"
	"html"
	"mime"
	"net"
	"net/http"
	"path"
	"strings"

	"formatlas/generator"
)

// Paths of the server's own files, which never reach a build's output.
const (
	eventsPath = "/_formatlas/events"
	scriptPath = "/_formatlas/reload.js"
	stylePath  = "/_formatlas/overlay.css"
)

func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if !ownHost(r.Host, s.addr) {
		http.Error(w, "formatlas serve answers only requests for "+s.addr, http.StatusForbidden)
		return
	}
	switch r.URL.Path {
	case eventsPath:
		s.events(w, r)
		return
	case scriptPath:
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		w.Write(reloadScript)
		return
	case stylePath:
		w.Header().Set("Content-Type", "text/css; charset=utf-8")
		w.Write(overlayStyle)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	name, ok := sitePath(r.URL.Path)
	if !ok {
		http.Error(w, "bad path", http.StatusBadRequest)
		return
	}
	s.mu.RLock()
	if s.base != "/" && strings.HasPrefix("/"+name, s.base) { // as published under a path, which the 404 page links from
		name = strings.TrimPrefix("/"+name, s.base)
	}
	draft := s.draft
	s.mu.RUnlock()
	data, found := s.drafted(draft, name)
	s.mu.RLock()
	if !found {
		data, found = s.files[name]
	}
	notFound := s.files[generator.NotFoundPath]
	none, problems := s.files == nil, s.problems
	s.mu.RUnlock()
	if none { // nothing built yet to fall back on: say so, and reload once it builds
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		w.WriteHeader(http.StatusServiceUnavailable)
		fmt.Fprintf(w, "<!DOCTYPE html>\n<html lang=\"en\" data-formatlas-no-build>\n<title>No good build yet</title>\n<h1>The site does not build yet</h1>\n<p>formatlas serve has no good build to show. Fix these problems and the page reloads.</p>\n<pre>%s</pre>\n<script src=\"%s\"></script>\n</html>\n", html.EscapeString(problems), scriptPath)
		return
	}
	status := http.StatusOK
	if !found {
		name, data, status = generator.NotFoundPath, notFound, http.StatusNotFound
	}
	ctype := mime.TypeByExtension(path.Ext(name))
	if ctype == "" {
		ctype = "application/octet-stream"
	}
	if strings.HasSuffix(name, ".html") {
		data = injectReload(data)
	}
	for _, h := range generator.ResponseHeaders(name) { // the published site's, so that a page breaking its policy breaks here
		w.Header().Set(h[0], h[1])
	}
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Cache-Control", "no-store") // while editing, over the published caching
	w.WriteHeader(status)
	if r.Method == http.MethodGet {
		w.Write(data)
	}
}

// drafted is the file at name of draft, the site after an edit of records
// (nil for none). When the draft has no such file (the home page, the
// whole-site outputs, the data files, a page that failed), or when the
// commentary edits applied page by page left a whole-site output stale, it
// waits for the full build behind the edit, and returns false: the caller
// then serves the build's files.
func (s *Server) drafted(draft *generator.Draft, name string) ([]byte, bool) {
	if draft != nil {
		if data, ok := draft.File(name); ok {
			return data, true
		}
	}
	if draft != nil || generator.IsWholeSite(name) {
		s.refresh()
	}
	return nil, false
}

// ownHost reports whether a request's Host names the server at addr, where
// it listens: the same port, and a loopback address, "localhost" or the
// address it listens on. Any other name is refused, so that a web page whose
// own domain name has been made to resolve to 127.0.0.1 (DNS rebinding)
// cannot read the draft site or its event stream. A server listening on
// every address (--addr 0.0.0.0:1313) answers any IP address, which no
// rebinding can forge, but still no other name.
func ownHost(host, addr string) bool {
	listenHost, listenPort, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	name, port, err := net.SplitHostPort(host)
	if err != nil { // no port: the scheme's default
		name, port = strings.Trim(host, "[]"), "80"
	}
	if port != listenPort {
		return false
	}
	ip, listenIP := net.ParseIP(name), net.ParseIP(listenHost)
	switch {
	case strings.EqualFold(name, "localhost"):
		return listenIP == nil || listenIP.IsLoopback() || listenIP.IsUnspecified()
	case ip == nil:
		return false
	case ip.IsLoopback():
		return listenIP == nil || listenIP.IsLoopback() || listenIP.IsUnspecified()
	}
	return listenIP != nil && (listenIP.IsUnspecified() || listenIP.Equal(ip))
}

// sitePath maps a URL path to a file of the build: "/" and "/x/" name their
// index.html. A path with a ".." segment, in any encoding net/http decodes, is
// refused: nothing outside the built site is ever served.
func sitePath(urlPath string) (string, bool) {
	for _, seg := range strings.Split(urlPath, "/") {
		if seg == ".." || strings.ContainsAny(seg, "\\\x00") {
			return "", false
		}
	}
	name := strings.TrimPrefix(path.Clean("/"+urlPath), "/")
	if name == "" || strings.HasSuffix(urlPath, "/") {
		name = path.Join(name, "index.html")
	}
	return name, true
}

// injectReload adds the reload script to a page, in serve mode only.
func injectReload(page []byte) []byte {
	tag := []byte(`<script src="` + scriptPath + `"></script>`)
	i := bytes.LastIndex(page, []byte("</body>"))
	if i < 0 {
		return append(page, tag...)
	}
	out := make([]byte, 0, len(page)+len(tag))
	out = append(out, page[:i]...)
	out = append(out, tag...)
	return append(out, page[i:]...)
}
