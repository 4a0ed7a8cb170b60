package render

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"path"
	"strings"
	"unicode"

	"formatlas/generator/load"
	"formatlas/generator/publish"
	"formatlas/generator/site"
)

// AssetsDir holds the fingerprinted stylesheets and scripts: their names carry
// a hash of their bytes, so a server may cache them for ever (netlify.toml
// does, for /assets/*).
const AssetsDir = "assets/"

// ChromaPath is the stylesheet of highlighted code, made by the Markdown
// converter and fingerprinted with the assets of static/.
const ChromaPath = "chroma.css"

// assets maps the name a template asks for ("style.css") to the fingerprinted
// path it gets ("assets/style.1a2b3c4d.css").
type assets map[string]string

// fingerprint moves each .css and .js file into AssetsDir under a name with
// the first 8 hex digits of its SHA-256, and records the new names.
func fingerprint(files []publish.File) ([]publish.File, assets) {
	names := assets{}
	for i, f := range files {
		ext := path.Ext(f.Path)
		if ext != ".css" && ext != ".js" {
			continue
		}
		sum := sha256.Sum256(f.Data)
		fp := AssetsDir + strings.TrimSuffix(f.Path, ext) + "." + hex.EncodeToString(sum[:4]) + ext
		names[f.Path] = fp
		files[i].Path = fp
	}
	return files, names
}

// path is the fingerprinted path of the asset name, for templates; a name
// that is no asset is an error when the template runs.
func (a assets) path(name string) (string, error) {
	if p, ok := a[name]; ok {
		return p, nil
	}
	return "", errUnknownAsset(name)
}

// has says whether the site has the asset name: for the templates to link a
// file that a site may add, such as its own stylesheet.
func (a assets) has(name string) bool {
	_, ok := a[name]
	return ok
}

type errUnknownAsset string

func (e errUnknownAsset) Error() string {
	return "no asset " + string(e) + " in static/ (only .css and .js files are assets)"
}

// RolesPath is the stylesheet of the matrix's cells, made from the site's
// roles and fingerprinted with the assets of static/.
const RolesPath = "roles.css"

// rolesCSS draws each role's symbol and letter in the cells of the matrix,
// hidden from screen readers, which read the role's name in the cell: one
// rule a role of s, in CSS escapes, so that no role's text can end the rule.
func rolesCSS(s *site.Site) []byte {
	var b bytes.Buffer
	b.WriteString("/* A cell's symbol and letter, drawn here and hidden from screen readers, which read the role's name in the cell. Made from the site's roles. */\n")
	for _, r := range s.Roles {
		if !load.SlugRE.MatchString(r.ID) {
			continue // reported by load; no selector to write
		}
		text := cssString(r.Symbol + " " + r.Letter)
		fmt.Fprintf(&b, "table.matrix td.r-%s::before { content: %s; content: %s / \"\"; }\n", r.ID, text, text)
	}
	return b.Bytes()
}

// cssString quotes s as a CSS string, writing every character that is not
// a plain letter, digit or space as an escape.
func cssString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		if r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == ' ') {
			b.WriteRune(r)
			continue
		}
		fmt.Fprintf(&b, "\\%x ", r)
	}
	b.WriteByte('"')
	return b.String()
}
