package serve

import (
	_ "embed"
	"fmt"
	"net/http"
	"strings"
	"sync"
)

// event is one server-sent event.
type event struct{ name, data string }

// clients are the open pages listening for events.
type clients struct {
	mu     sync.Mutex
	subs   map[chan event]bool
	closed bool
}

func (c *clients) add() chan event {
	c.mu.Lock()
	defer c.mu.Unlock()
	ch := make(chan event, 8)
	if c.closed {
		close(ch)
		return ch
	}
	c.subs[ch] = true
	return ch
}

func (c *clients) remove(ch chan event) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.subs[ch] {
		delete(c.subs, ch)
		close(ch)
	}
}

// send gives ev to every client; a client too slow to take it misses it.
func (c *clients) send(ev event) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for ch := range c.subs {
		select {
		case ch <- ev:
		default:
		}
	}
}

// closeAll ends every event stream, so that shutdown need not wait for them.
func (c *clients) closeAll() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.closed = true
	for ch := range c.subs {
		delete(c.subs, ch)
		close(ch)
	}
}

// newlines are every line ending the event stream knows: a carriage return
// alone ends a line too, and one inside a data line would start a field.
var newlines = strings.NewReplacer("\r\n", "\n", "\r", "\n")

// events streams reloads and problems to one page. The first event says how
// things stand, so a page opened while the build is broken shows the overlay.
func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	ch := s.clients.add()
	defer s.clients.remove(ch)
	s.mu.RLock()
	first := event{name: "ok"}
	if s.problems != "" {
		first = event{name: "problems", data: s.problems}
	}
	s.mu.RUnlock()
	write := func(ev event) {
		fmt.Fprintf(w, "event: %s\n", ev.name)
		for _, line := range strings.Split(newlines.Replace(ev.data), "\n") {
			fmt.Fprintf(w, "data: %s\n", line)
		}
		fmt.Fprint(w, "\n")
		flusher.Flush()
	}
	write(first)
	for {
		select {
		case <-r.Context().Done():
			return
		case ev, open := <-ch:
			if !open {
				return
			}
			write(ev)
		}
	}
}

// The reload script reloads the page after a good rebuild and shows a
// failed build's errors over it until they are fixed; the overlay's
// stylesheet is a file, not inline, for the CSP. Both are served only by
// serve, from files embedded in it.
var (
	//go:embed assets/reload.js
	reloadScript []byte
	//go:embed assets/overlay.css
	overlayStyle []byte
)
