// Package templates embeds the default theme's templates, so that a site
// directory needs only content/: a site's own templates/ replaces these file
// by file and adds to them. This file is not part of the theme.
package templates

import "embed"

// FS holds the templates: the page kinds and partials/.
//
//go:embed *.html partials/*.html
var FS embed.FS
