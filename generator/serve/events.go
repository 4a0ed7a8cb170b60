package serve

import (
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

// reloadScript reloads the page after a good rebuild and shows a failed
// build's errors over it until they are fixed. It is served only by serve.
const reloadScript = `(function () {
  "use strict";
  var overlay = null;
  function show(text) {
    if (!document.getElementById("formatlas-overlay-style")) {
      var link = document.createElement("link");
      link.id = "formatlas-overlay-style";
      link.rel = "stylesheet";
      link.href = "/_formatlas/overlay.css";
      document.head.appendChild(link);
    }
    if (!overlay) {
      overlay = document.createElement("div");
      overlay.id = "formatlas-errors";
      overlay.setAttribute("role", "alert");
      overlay.className = "formatlas-errors";
      var title = document.createElement("h2");
      title.textContent = "The last edit does not build. This is the last good version.";
      overlay.appendChild(title);
      overlay.appendChild(document.createElement("pre"));
      document.body.appendChild(overlay);
    }
    overlay.querySelector("pre").textContent = text;
  }
  var source = new EventSource("/_formatlas/events");
  var broken = false;
  source.addEventListener("problems", function (ev) { broken = true; show(ev.data); });
  source.addEventListener("ok", function () {
    if (overlay) { overlay.remove(); overlay = null; }
  });
  source.addEventListener("reload", function () { window.location.reload(); });
})();
`

// overlayStyle styles the error overlay; a file, not inline, for the CSP.
const overlayStyle = `.formatlas-errors { position: fixed; inset: auto 1rem 1rem 1rem; z-index: 1000; max-height: 60vh; overflow: auto;
  background: #2b0b0b; color: #ffe9e9; border: 2px solid #e05252; border-radius: 6px; padding: 1rem 1.25rem;
  box-shadow: 0 8px 32px rgba(0,0,0,.4); font: 14px/1.45 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
.formatlas-errors h2 { font: 600 15px/1.3 system-ui, sans-serif; margin: 0 0 .5rem; color: #fff; }
.formatlas-errors pre { margin: 0; white-space: pre-wrap; }
`
