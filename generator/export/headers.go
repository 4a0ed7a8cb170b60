package export

import (
	"bytes"
	"fmt"
	"strings"

	"formatlas/generator/publish"
)

// HeadersPath is the file of response headers that Netlify and Cloudflare
// Pages read from a site's output.
const HeadersPath = "_headers"

// Header is a response header of the published site, sent for the paths
// that the pattern For matches ("/*", "/assets/*").
type Header struct{ For, Name, Value string }

// Headers are the response headers the site is served with, defined here
// once: the build writes them to _headers, so they travel with the output
// to any host that reads it, and serve sends them, so that a page that
// breaks the policy breaks while it is edited. The policy allows no inline
// script or style and no request to another origin; the pages need none.
var Headers = []Header{
	{"/*", "Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"},
	{"/*", "X-Content-Type-Options", "nosniff"},
	{"/*", "Referrer-Policy", "strict-origin-when-cross-origin"},
	// stylesheets and scripts carry a hash of their bytes in their names
	{"/assets/*", "Cache-Control", "public, max-age=31536000, immutable"},
}

// HeadersFile is _headers: each pattern, then its headers, indented.
func HeadersFile() publish.File {
	var b bytes.Buffer
	b.WriteString("# Response headers of the site, written by formatlas build.\n")
	last := ""
	for _, h := range Headers {
		if h.For != last {
			fmt.Fprintf(&b, "%s\n", h.For)
			last = h.For
		}
		fmt.Fprintf(&b, "  %s: %s\n", h.Name, h.Value)
	}
	return publish.File{Path: HeadersPath, Data: b.Bytes()}
}

// HeadersFor are the headers sent with the file at name, a path of the
// output ("formats/jef.html"), in the order of Headers. A pattern ending in
// * matches every path it begins, at any depth, as _headers patterns do.
func HeadersFor(name string) []Header {
	var out []Header
	for _, h := range Headers {
		if strings.HasPrefix("/"+name, strings.TrimSuffix(h.For, "*")) {
			out = append(out, h)
		}
	}
	return out
}

// NoJekyllPath is the empty file that tells GitHub Pages to publish the
// output as it is, without running Jekyll over it.
const NoJekyllPath = ".nojekyll"

// MetaPolicy is the site's Content-Security-Policy as a page's meta tag may
// carry it, for a host that sets no headers: without frame-ancestors, which a
// browser takes only from a header.
func MetaPolicy() string {
	for _, h := range Headers {
		if h.Name == "Content-Security-Policy" {
			var kept []string
			for _, d := range strings.Split(h.Value, ";") {
				if d = strings.TrimSpace(d); d != "" && !strings.HasPrefix(d, "frame-ancestors") {
					kept = append(kept, d)
				}
			}
			return strings.Join(kept, "; ")
		}
	}
	return ""
}
