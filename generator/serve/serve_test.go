package serve

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"formatlas/generator"
)

const repoRoot = "../.."

// fixtureSite writes the fixture site (testdata/site-small with the
// repository's templates and static files) into a fresh directory.
func fixtureSite(t testing.TB) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "site")
	copyDir(t, filepath.Join(repoRoot, "testdata", "site-small", "content"), filepath.Join(dir, "content"))
	copyDir(t, filepath.Join(repoRoot, "templates"), filepath.Join(dir, "templates"))
	copyDir(t, filepath.Join(repoRoot, "static"), filepath.Join(dir, "static"))
	return dir
}

func copyDir(t testing.TB, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// start runs a server over dir on a free loopback port until the test ends,
// and checks then that it stopped cleanly.
func start(t *testing.T, dir string) string {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	addr := make(chan string, 1)
	done := make(chan error, 1)
	s := New(Options{SiteDir: dir, Addr: "127.0.0.1:0", Debounce: 50 * time.Millisecond})
	go func() { done <- s.Run(ctx, func(a string) { addr <- a }) }()
	var base string
	select {
	case a := <-addr:
		base = "http://" + a
	case err := <-done:
		t.Fatalf("serve: %v", err)
	}
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("serve stopped with %v", err)
			}
		case <-time.After(10 * time.Second):
			t.Error("serve did not stop within 10s")
		}
	})
	return base
}

func get(t *testing.T, url string) (int, string, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, resp.Header.Get("Content-Type"), string(body)
}

// eventually polls check until it returns "" or the bound passes.
func eventually(t *testing.T, what string, check func() string) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	last := ""
	for time.Now().Before(deadline) {
		if last = check(); last == "" {
			return
		}
		time.Sleep(30 * time.Millisecond)
	}
	t.Fatalf("%s: not within 10s: %s", what, last)
}

func write(t *testing.T, dir, name, data string) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(name)), []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestServeBasics(t *testing.T) {
	base := start(t, fixtureSite(t))
	cases := []struct{ path, ctype, contains string }{
		{"/", "text/html; charset=utf-8", "Fixture Atlas"},
		{"/formats/jef.html", "text/html; charset=utf-8", "Joint Expeditionary Force"},
		{"/countries/", "text/html; charset=utf-8", "Countries"},
		{"/favicon.svg", "image/svg+xml", "<svg"},
		{"/search-index.js", "text/javascript; charset=utf-8", "formatlasIndex"},
		{"/sitemap.xml", "text/xml; charset=utf-8", "<urlset"},
		{"/_formatlas/reload.js", "text/javascript; charset=utf-8", "EventSource"},
	}
	for _, c := range cases {
		code, ctype, body := get(t, base+c.path)
		if code != 200 || ctype != c.ctype || !strings.Contains(body, c.contains) {
			t.Errorf("GET %s: %d %q, body has %q: %v", c.path, code, ctype, c.contains, strings.Contains(body, c.contains))
		}
	}
	if _, _, body := get(t, base+"/"); !strings.Contains(body, `<script src="/_formatlas/reload.js"></script></body>`) {
		t.Error("pages are served without the reload script")
	}
	code, _, body := get(t, base+"/no/such/page.html")
	if code != 404 || !strings.Contains(body, "Page not found") {
		t.Errorf("a missing page: %d, want 404 and the site's 404.html", code)
	}
}

// TestServeRefusesEscapes sends raw requests whose paths climb out of the
// site, plainly and percent-encoded: each gets 400, never a file.
func TestServeRefusesEscapes(t *testing.T) {
	base := start(t, fixtureSite(t))
	for _, p := range []string{"/../go.mod", "/%2e%2e/go.mod", "/formats/%2E%2E/%2e%2e/go.mod", "/..%2fgo.mod", "/formats/..\\..\\go.mod"} {
		if status := rawStatus(t, base, p, strings.TrimPrefix(base, "http://")); !strings.Contains(status, " 400 ") {
			t.Errorf("GET %s: %q, want 400", p, status)
		}
	}
}

// rawStatus sends a GET for path with the Host header host and returns the
// status line.
func rawStatus(t *testing.T, base, path, host string) string {
	t.Helper()
	conn, err := net.Dial("tcp", strings.TrimPrefix(base, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	io.WriteString(conn, "GET "+path+" HTTP/1.1\r\nHost: "+host+"\r\nConnection: close\r\n\r\n")
	status, _ := bufio.NewReader(conn).ReadString('\n')
	return strings.TrimSpace(status)
}

// TestServeAnswersOnlyItsOwnHost refuses a request whose Host is another
// name than the loopback address and port it serves, as a page of another
// site would send after rebinding its name to 127.0.0.1: neither pages nor
// the event stream are given to it.
func TestServeAnswersOnlyItsOwnHost(t *testing.T) {
	base := start(t, fixtureSite(t))
	addr := strings.TrimPrefix(base, "http://")
	_, port, _ := net.SplitHostPort(addr)
	for _, tc := range []struct {
		host string
		ok   bool
	}{
		{addr, true},
		{"localhost:" + port, true},
		{"LOCALHOST:" + port, true},
		{"[::1]:" + port, true},
		{"127.0.0.2:" + port, true}, // loopback too
		{"attacker.example:" + port, false},
		{"localhost.attacker.example:" + port, false},
		{"127.0.0.1.nip.io:" + port, false},
		{"127.0.0.1:1", false},
		{"192.168.1.10:" + port, false},
		{"", false},
		{"127.0.0.1", false}, // port 80
	} {
		for _, path := range []string{"/", "/formats/jef.html", "/_formatlas/events", "/_formatlas/reload.js"} {
			status := rawStatus(t, base, path, tc.host)
			if ok := strings.Contains(status, " 200 "); ok != tc.ok || !ok && !strings.Contains(status, " 403 ") {
				t.Errorf("GET %s with Host %q: %q, want ok %v (else 403)", path, tc.host, status, tc.ok)
			}
		}
	}
}

// TestOwnHostListeningEverywhere: a server on every address answers IP
// addresses, not names but localhost.
func TestOwnHostListeningEverywhere(t *testing.T) {
	for host, want := range map[string]bool{
		"192.168.1.10:1313": true, "127.0.0.1:1313": true, "localhost:1313": true,
		"evil.example:1313": false, "192.168.1.10:80": false,
	} {
		if got := ownHost(host, "0.0.0.0:1313"); got != want {
			t.Errorf("ownHost(%q, 0.0.0.0:1313) = %v, want %v", host, got, want)
		}
	}
	if ownHost("127.0.0.1:1313", "192.168.1.10:1313") || !ownHost("192.168.1.10:1313", "192.168.1.10:1313") {
		t.Error("a server on one LAN address answers another")
	}
}

// TestServeFileNameWithCarriageReturn: a file whose name holds carriage
// returns and a line that looks like an event is reported once, quoted, and
// no open page is told to reload.
func TestServeFileNameWithCarriageReturn(t *testing.T) {
	dir := fixtureSite(t)
	base := start(t, dir)
	evs, stop := events(t, base)
	defer stop()
	if ev := next(t, evs); ev[0] != "ok" {
		t.Fatalf("first event %v, want ok", ev)
	}
	write(t, dir, "content/formats/bad\r\revent: reload\r\rname.toml", "name = 1\n")
	ev := next(t, evs)
	if ev[0] != "problems" || strings.Contains(ev[1], "\r") || !strings.Contains(ev[1], `"content/formats/bad\r\revent: reload\r\rname.toml"`) {
		t.Fatalf("after the file: %q, want problems naming it quoted", ev)
	}
	select {
	case ev := <-evs:
		t.Errorf("a second event %q", ev)
	case <-time.After(time.Second):
	}
}

// events reads the server-sent events of a page, one name and data a time.
func events(t *testing.T, base string) (<-chan [2]string, func()) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	req, _ := http.NewRequestWithContext(ctx, "GET", base+"/_formatlas/events", nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	ch := make(chan [2]string, 16)
	go func() {
		defer resp.Body.Close()
		defer close(ch)
		sc := bufio.NewScanner(resp.Body)
		var name string
		var data []string
		for sc.Scan() {
			line := sc.Text()
			switch {
			case strings.HasPrefix(line, "event: "):
				name = strings.TrimPrefix(line, "event: ")
			case strings.HasPrefix(line, "data: "):
				data = append(data, strings.TrimPrefix(line, "data: "))
			case line == "":
				ch <- [2]string{name, strings.Join(data, "\n")}
				name, data = "", nil
			}
		}
	}()
	return ch, cancel
}

func next(t *testing.T, ch <-chan [2]string) [2]string {
	t.Helper()
	select {
	case ev := <-ch:
		return ev
	case <-time.After(10 * time.Second):
		t.Fatal("no event within 10s")
	}
	return [2]string{}
}

// TestServeEditBreakFix edits a record, breaks it and fixes it, and adds and
// removes a format, checking what is served and what open pages are told.
func TestServeEditBreakFix(t *testing.T) {
	dir := fixtureSite(t)
	base := start(t, dir)
	evs, stop := events(t, base)
	defer stop()
	if ev := next(t, evs); ev[0] != "ok" {
		t.Fatalf("first event %v, want ok", ev)
	}
	jef, _ := os.ReadFile(filepath.Join(dir, "content", "formats", "jef.toml"))

	write(t, dir, "content/formats/jef.toml", strings.Replace(string(jef), "A UK-led high-readiness force.", "An edited summary.", 1))
	if ev := next(t, evs); ev[0] != "reload" {
		t.Fatalf("after an edit: %v, want reload", ev)
	}
	eventually(t, "the edit", func() string {
		if _, _, body := get(t, base+"/formats/jef.html"); !strings.Contains(body, "An edited summary.") {
			return "old page"
		}
		return ""
	})

	write(t, dir, "content/formats/jef.toml", "name = \"JEF\"\ncategory = [\n")
	ev := next(t, evs)
	if ev[0] != "problems" || !strings.Contains(ev[1], "content/formats/jef.toml:2:13: unexpected EOF") {
		t.Fatalf("after a break: %v, want problems at content/formats/jef.toml:2:13", ev)
	}
	if _, _, body := get(t, base+"/formats/jef.html"); !strings.Contains(body, "An edited summary.") {
		t.Error("the last good page is not served while the build is broken")
	}
	late, stopLate := events(t, base) // a page opened while broken sees the problems at once
	if ev := next(t, late); ev[0] != "problems" {
		t.Errorf("a new page while broken got %v", ev)
	}
	stopLate()

	write(t, dir, "content/formats/jef.toml", string(jef))
	if ev := next(t, evs); ev[0] != "reload" {
		t.Fatalf("after the fix: %v, want reload", ev)
	}
	fixed, stopFixed := events(t, base)
	if ev := next(t, fixed); ev[0] != "ok" {
		t.Errorf("after the fix a page gets %v, want ok (no overlay)", ev)
	}
	stopFixed()

	write(t, dir, "content/formats/added.toml", "name = \"Added Format\"\ncategory = \"minilateral\"\nstatus = \"active\"\nsources = [\"fixture\"]\n")
	eventually(t, "the added format", func() string {
		if code, _, body := get(t, base+"/formats/added.html"); code != 200 || !strings.Contains(body, "Added Format") {
			return "not served"
		}
		return ""
	})
	os.Remove(filepath.Join(dir, "content", "formats", "added.toml"))
	eventually(t, "the removed format", func() string {
		if code, _, _ := get(t, base+"/formats/added.html"); code != 404 {
			return "still served"
		}
		return ""
	})
	write(t, dir, "content/pages/contact.md", "+++\ntitle = \"Contact\"\n+++\nWrite to us.\n")
	eventually(t, "the added page", func() string {
		if code, _, _ := get(t, base+"/pages/contact.html"); code != 200 {
			return "not served"
		}
		return ""
	})
	os.MkdirAll(filepath.Join(dir, "static", "img"), 0o755) // a new folder is watched too
	write(t, dir, "static/img/map.svg", `<svg xmlns="http://www.w3.org/2000/svg"/>`)
	eventually(t, "the file in a new folder", func() string {
		if code, _, _ := get(t, base+"/img/map.svg"); code != 200 {
			return "not served"
		}
		return ""
	})
}

// TestServeStopsCleanly starts and stops a server and checks that its
// goroutines are gone.
func TestServeStopsCleanly(t *testing.T) {
	before := runtime.NumGoroutine()
	t.Run("serve", func(t *testing.T) {
		base := start(t, fixtureSite(t))
		evs, stop := events(t, base)
		next(t, evs)
		stop()
	})
	http.DefaultClient.CloseIdleConnections()
	deadline := time.Now().Add(5 * time.Second)
	for runtime.NumGoroutine() > before && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	if n := runtime.NumGoroutine(); n > before {
		buf := make([]byte, 1<<16)
		t.Errorf("%d goroutines after stopping, %d before:\n%s", n, before, buf[:runtime.Stack(buf, true)])
	}
}

// syncBuffer is a log the server writes while the test reads it.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// TestServeCommentaryEdit edits a commentary: only its page is re-rendered
// at once, the search index catches up when it is asked for, and a broken
// cross-reference shows as a problem until it is fixed.
func TestServeCommentaryEdit(t *testing.T) {
	dir := fixtureSite(t)
	var log syncBuffer
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	addr := make(chan string, 1)
	done := make(chan error, 1)
	s := New(Options{SiteDir: dir, Addr: "127.0.0.1:0", Debounce: 50 * time.Millisecond, Log: &log})
	go func() { done <- s.Run(ctx, func(a string) { addr <- a }) }()
	base := "http://" + <-addr
	defer func() { cancel(); <-done }()
	evs, stop := events(t, base)
	defer stop()
	next(t, evs)

	md, _ := os.ReadFile(filepath.Join(dir, "content", "formats", "jef.md"))
	write(t, dir, "content/formats/jef.md", string(md)+"\nA sentence about zeppelins.\n")
	if ev := next(t, evs); ev[0] != "reload" {
		t.Fatalf("after a commentary edit: %v", ev)
	}
	if _, _, body := get(t, base+"/formats/jef.html"); !strings.Contains(body, "zeppelins") {
		t.Error("the edited page is not served")
	}
	if !strings.Contains(log.String(), "re-rendered 1 page(s)") || strings.Contains(log.String(), "rebuilt in") {
		t.Errorf("a commentary edit did not re-render just its page:\n%s", log.String())
	}
	if _, _, idx := get(t, base+"/search-index.js"); !strings.Contains(idx, "zeppelins") {
		t.Error("the search index was not refreshed on request")
	}

	write(t, dir, "content/formats/jef.md", string(md)+"\nSee [the nowhere](format:nowhere).\n")
	ev := next(t, evs)
	if ev[0] != "problems" || !strings.Contains(ev[1], `content/formats/jef.md:`) || !strings.Contains(ev[1], `unknown format "nowhere"`) {
		t.Fatalf("a broken cross-reference: %v", ev)
	}
	if _, _, body := get(t, base+"/formats/jef.html"); !strings.Contains(body, "zeppelins") {
		t.Error("the last good page is not served after a broken edit")
	}
	write(t, dir, "content/formats/jef.md", string(md))
	if ev := next(t, evs); ev[0] != "reload" {
		t.Fatalf("after the fix: %v", ev)
	}
}

// TestServeNamedPipe starts with a named pipe among the records and adds
// another while serving: each is a problem at its path, and the server still
// answers and stops (reading one would block it for good).
func TestServeNamedPipe(t *testing.T) {
	dir := fixtureSite(t)
	if err := syscall.Mkfifo(filepath.Join(dir, "content", "formats", "pipe.toml"), 0o644); err != nil {
		t.Fatal(err)
	}
	base := start(t, dir)
	evs, stop := events(t, base)
	defer stop()
	if ev := next(t, evs); ev[0] != "problems" || !strings.Contains(ev[1], "content/formats/pipe.toml:1:1: a named pipe, not a file") {
		t.Fatalf("first event %q, want the pipe as a problem", ev)
	}
	if err := syscall.Mkfifo(filepath.Join(dir, "content", "formats", "jef.md.new"), 0o644); err != nil {
		t.Fatal(err)
	}
	if ev := next(t, evs); ev[0] != "problems" || !strings.Contains(ev[1], "content/formats/jef.md.new:1:1: unexpected file") {
		t.Fatalf("after a second pipe: %q", ev)
	}
	if code, _, _ := get(t, base+"/_formatlas/reload.js"); code != 200 {
		t.Errorf("the server does not answer: %d", code)
	}
}

// checkProblems is what check reports on the site directory now, "" when
// it is fine.
func checkProblems(t *testing.T, dir string) string {
	t.Helper()
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	if _, err := generator.Check(root.FS(), generator.Options{}); err != nil {
		return err.Error()
	}
	return ""
}

// servedProblems is what the event stream says of the site now: the
// problems, or "" when a page would show none.
func servedProblems(t *testing.T, base string) string {
	t.Helper()
	evs, stop := events(t, base)
	defer stop()
	ev := next(t, evs)
	if ev[0] == "ok" {
		return ""
	}
	return ev[1]
}

// agree waits until serve reports exactly what check reports, and that
// this is want ("" for no problem, else a part of the problems).
func agree(t *testing.T, dir, base, want string) {
	t.Helper()
	eventually(t, "serve agreeing with check", func() string {
		checked, served := checkProblems(t, dir), servedProblems(t, base)
		switch {
		case served != checked:
			return fmt.Sprintf("serve says %q, check %q", served, checked)
		case want == "" && checked != "" || !strings.Contains(checked, want):
			return fmt.Sprintf("check says %q, want %q", checked, want)
		}
		return ""
	})
}

// TestServeAgreesWithCheck edits commentaries so that a link of another
// page to one of their headings breaks and mends, and replaces content/
// with a new folder: after each, serve reports exactly what check reports.
func TestServeAgreesWithCheck(t *testing.T) {
	dir := fixtureSite(t)
	write(t, dir, "content/lessons/speed.md", "See the [JEF's purpose](format:jef#purpose).\n")
	base := start(t, dir)
	agree(t, dir, base, "")
	jef, _ := os.ReadFile(filepath.Join(dir, "content", "formats", "jef.md"))

	// a heading that another page links to is renamed: check fails
	write(t, dir, "content/formats/jef.md", strings.Replace(string(jef), "## Purpose", "## Aims", 1))
	agree(t, dir, base, `content/lessons/speed.md:1:25: link format:jef#purpose: no element with id "purpose" in formats/jef.html`)
	write(t, dir, "content/formats/jef.md", string(jef))
	agree(t, dir, base, "")

	// a new heading, and then a link to it from another page: no false error
	write(t, dir, "content/formats/jef.md", string(jef)+"\n## Later\n\nMore.\n")
	agree(t, dir, base, "")
	write(t, dir, "content/lessons/speed.md", "See [later](format:jef#later).\n")
	agree(t, dir, base, "")

	// both at once, in one debounce: the link to the new heading is no false error
	write(t, dir, "content/formats/jef.md", string(jef)+"\n## Later\n\nMore.\n\n## Sooner\n\nLess.\n")
	write(t, dir, "content/lessons/speed.md", "See [later](format:jef#later) and [sooner](format:jef#sooner).\n")
	eventually(t, "both edits", func() string {
		_, _, lesson := get(t, base+"/lessons/speed.html")
		_, _, format := get(t, base+"/formats/jef.html")
		if !strings.Contains(lesson, "jef.html#sooner") || !strings.Contains(format, `id="sooner"`) {
			return "not served"
		}
		return ""
	})
	agree(t, dir, base, "")
	write(t, dir, "content/formats/jef.md", string(jef)+"\n## Later\n\nMore.\n")
	write(t, dir, "content/lessons/speed.md", "See [later](format:jef#later).\n")
	agree(t, dir, base, "")

	// content/ replaced by a new folder, then edited there
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.Rename(filepath.Join(dir, "content"), filepath.Join(dir, "content.old")))
	copyDir(t, filepath.Join(dir, "content.old"), filepath.Join(dir, "content"))
	must(os.RemoveAll(filepath.Join(dir, "content.old")))
	time.Sleep(200 * time.Millisecond) // the swap's own rebuild
	write(t, dir, "content/formats/jef.md", string(jef)+"\n## Later\n\nMore.\n\n## Replaced\n\nIn the new folder.\n")
	eventually(t, "the edit in the new content/", func() string {
		if _, _, body := get(t, base+"/formats/jef.html"); !strings.Contains(body, "In the new folder.") {
			return "not served"
		}
		return ""
	})
	agree(t, dir, base, "")
}

// TestServeSendsTheSiteHeaders: serve sends the headers the build writes to
// _headers, so that a page that breaks the Content-Security-Policy breaks
// while it is edited; only caching is its own.
func TestServeSendsTheSiteHeaders(t *testing.T) {
	base := start(t, fixtureSite(t))
	_, _, headers := get(t, base+"/_headers")
	resp, err := http.Get(base + "/formats/jef.html")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	csp := resp.Header.Get("Content-Security-Policy")
	if csp == "" || !strings.Contains(headers, "Content-Security-Policy: "+csp+"\n") {
		t.Errorf("the page's policy %q is not the one in _headers:\n%s", csp, headers)
	}
	if resp.Header.Get("X-Content-Type-Options") != "nosniff" || resp.Header.Get("Cache-Control") != "no-store" {
		t.Errorf("headers %v", resp.Header)
	}
}

// TestServeBeforeAnyGoodBuild: a site that does not build when serve starts
// gets a page that says there is no good build yet, with the problems, and
// the site once it is fixed.
func TestServeBeforeAnyGoodBuild(t *testing.T) {
	dir := fixtureSite(t)
	good, err := os.ReadFile(filepath.Join(dir, "content", "site.toml"))
	if err != nil {
		t.Fatal(err)
	}
	write(t, dir, "content/site.toml", string(good)+"\nno_such_key = 1\n")
	base := start(t, dir)
	code, ctype, body := get(t, base+"/formats/jef.html")
	if code != http.StatusServiceUnavailable || ctype != "text/html; charset=utf-8" ||
		!strings.Contains(body, "The site does not build yet") || !strings.Contains(body, "no_such_key") || !strings.Contains(body, `<script src="/_formatlas/reload.js">`) {
		t.Errorf("before any good build: %d %q\n%s", code, ctype, body)
	}
	write(t, dir, "content/site.toml", string(good))
	eventually(t, "the fixed site is served", func() string {
		if code, _, body := get(t, base+"/formats/jef.html"); code != 200 || !strings.Contains(body, "Joint Expeditionary Force") {
			return fmt.Sprintf("%d", code)
		}
		return ""
	})
}

// TestServeUnderItsPath: the fixture is published under /atlas/, so its
// 404 page links from there; serve answers those links too.
func TestServeUnderItsPath(t *testing.T) {
	base := start(t, fixtureSite(t))
	_, _, page := get(t, base+"/no/such/page.html")
	m := regexp.MustCompile(`href="(/atlas/assets/style\.[0-9a-f]{8}\.css)"`).FindStringSubmatch(page)
	if m == nil {
		t.Fatalf("the 404 page links no stylesheet under /atlas/:\n%s", page)
	}
	for path, ctype := range map[string]string{m[1]: "text/css; charset=utf-8", "/atlas/index.html": "text/html; charset=utf-8", "/atlas/formats/jef.html": "text/html; charset=utf-8"} {
		if code, got, _ := get(t, base+path); code != 200 || got != ctype {
			t.Errorf("GET %s: %d %q", path, code, got)
		}
	}
}

// built is a full build of the site directory as it is now, by path.
func built(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	r, err := generator.Check(root.FS(), generator.Options{})
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{}
	for _, f := range r.Files {
		files[f.Path] = f.Data
	}
	return files
}

// served is what s serves at path, through its handler: the status and
// the body, with the reload script taken out of a page.
func served(t *testing.T, s *Server, path string) (int, []byte) {
	w := httptest.NewRecorder()
	s.ServeHTTP(w, httptest.NewRequest("GET", "http://"+s.addr+"/"+path, nil))
	body := w.Body.Bytes()
	if strings.HasSuffix(path, ".html") {
		body = bytes.Replace(body, []byte(`<script src="`+scriptPath+`"></script>`), nil, 1)
	}
	return w.Code, body
}

// TestServeRecordEdit edits a record (a summary, and a new member) as the
// watcher reports it, without the full build that the watcher runs behind
// it: the edited page, and the other pages the edit changes, a member
// country's and the matrix among them, are served from the draft, each the
// page a full build of the edited site makes. A commentary edited next is
// applied to the draft too. Once the full build has run, every file served
// is the full build's.
func TestServeRecordEdit(t *testing.T) {
	dir := fixtureSite(t)
	var log syncBuffer
	s := New(Options{SiteDir: dir, Log: &log})
	s.addr = "127.0.0.1:1313"
	s.rebuild(nil)
	before := built(t, dir)
	jef, _ := os.ReadFile(filepath.Join(dir, "content", "formats", "jef.toml"))
	edited := strings.Replace(strings.Replace(string(jef), "A UK-led high-readiness force.", "An edited summary.", 1),
		`member = ["SWE",`, `member = ["DEU", "SWE",`, 1)
	write(t, dir, "content/formats/jef.toml", edited)
	if !s.rebuild([]string{filepath.Join(dir, "content", "formats", "jef.toml")}) || s.draft == nil {
		t.Fatalf("a record edit was not applied page by page:\n%s", log.String())
	}
	want := built(t, dir)
	pages := []string{"formats/jef.html", "countries/deu.html", "countries/index.html", "matrix.html", "formats/fnc.html", "lessons/speed.html", "404.html"}
	var wg sync.WaitGroup
	for _, p := range pages {
		if bytes.Equal(before[p], want[p]) && p != "lessons/speed.html" && p != "404.html" {
			t.Errorf("%s: the edit does not change it", p)
		}
		for range 2 { // two readers at once, as a browser's tabs
			wg.Go(func() {
				if code, body := served(t, s, p); code != 200 || !bytes.Equal(body, want[p]) {
					t.Errorf("%s: %d, and not the full build's page", p, code)
				}
			})
		}
	}
	wg.Wait()
	if !s.stale || s.draft == nil {
		t.Fatal("serving the draft's pages waited for the full build")
	}

	md, _ := os.ReadFile(filepath.Join(dir, "content", "formats", "jef.md"))
	write(t, dir, "content/formats/jef.md", string(md)+"\nA sentence about zeppelins.\n")
	if !s.rebuild([]string{filepath.Join(dir, "content", "formats", "jef.md")}) {
		t.Fatal("a commentary edit after a record edit was not applied page by page")
	}
	want = built(t, dir)
	if _, body := served(t, s, "formats/jef.html"); !bytes.Equal(body, want["formats/jef.html"]) || !bytes.Contains(body, []byte("zeppelins")) {
		t.Error("after a commentary edit, the draft serves the page without it")
	}

	s.refresh()
	if s.draft != nil || s.stale {
		t.Error("the full build did not replace the draft")
	}
	for p, data := range want {
		if code, body := served(t, s, p); code != 200 || !bytes.Equal(body, data) {
			t.Errorf("%s after the full build: %d, and not the full build's file", p, code)
		}
	}
}

// TestServeRecordEditWhileServing edits records of a running server: the
// edit is served at once, page by page, and serve reports what check does,
// a broken record (an unknown country) as problems with the last good page
// still served, and its fix.
func TestServeRecordEditWhileServing(t *testing.T) {
	dir := fixtureSite(t)
	var log syncBuffer
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	addr := make(chan string, 1)
	done := make(chan error, 1)
	s := New(Options{SiteDir: dir, Addr: "127.0.0.1:0", Debounce: 50 * time.Millisecond, Log: &log})
	go func() { done <- s.Run(ctx, func(a string) { addr <- a }) }()
	base := "http://" + <-addr
	defer func() { cancel(); <-done }()
	evs, stop := events(t, base)
	defer stop()
	next(t, evs)
	jef, _ := os.ReadFile(filepath.Join(dir, "content", "formats", "jef.toml"))

	write(t, dir, "content/formats/jef.toml", strings.Replace(string(jef), "A UK-led high-readiness force.", "An edited summary.", 1))
	if ev := next(t, evs); ev[0] != "reload" {
		t.Fatalf("after a record edit: %v", ev)
	}
	if _, _, body := get(t, base+"/formats/jef.html"); !strings.Contains(body, "An edited summary.") {
		t.Error("the edited page is not served")
	}
	if !strings.Contains(log.String(), "re-linked the site and rendered the edited page(s)") {
		t.Errorf("a record edit was not applied page by page:\n%s", log.String())
	}
	agree(t, dir, base, "")

	write(t, dir, "content/formats/jef.toml", strings.Replace(string(jef), `member = ["SWE",`, `member = ["XYZ", "SWE",`, 1))
	if ev := next(t, evs); ev[0] != "problems" || !strings.Contains(ev[1], `content/formats/jef.toml:14:11: unknown country code "XYZ"`) {
		t.Fatalf("a broken record: %v", ev)
	}
	agree(t, dir, base, `unknown country code "XYZ"`)
	if _, _, body := get(t, base+"/formats/jef.html"); !strings.Contains(body, "An edited summary.") {
		t.Error("the last good page is not served after a broken edit")
	}
	write(t, dir, "content/formats/jef.toml", string(jef))
	if ev := next(t, evs); ev[0] != "reload" {
		t.Fatalf("after the fix: %v", ev)
	}
	agree(t, dir, base, "")
}
