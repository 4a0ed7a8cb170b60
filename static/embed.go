// Package static embeds the default theme's static files, copied into every
// site's output, so that a site directory needs only content/: a site's own
// static/ replaces these file by file and adds to them. This file is not
// part of the theme and is never published.
package static

import "embed"

// FS holds the stylesheet, the scripts and the icon.
//
//go:embed *.css *.js *.svg
var FS embed.FS
