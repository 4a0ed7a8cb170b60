package render

import (
	"crypto/sha256"
	"encoding/hex"
	"path"
	"strings"

	"formatlas/generator/publish"
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
