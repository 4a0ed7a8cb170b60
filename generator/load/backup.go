package load

import "strings"

// IsEditorFile reports whether the file name (no folder) is one that an
// editor leaves beside the file being edited: a backup (jef.md~), an Emacs
// autosave or lock (#jef.md#, .#jef.md) or a Vim swap file (.jef.md.swp).
// Every command ignores these, as it does every name starting with a dot.
func IsEditorFile(name string) bool {
	return strings.HasPrefix(name, ".") || strings.HasSuffix(name, "~") ||
		strings.HasPrefix(name, "#") && strings.HasSuffix(name, "#")
}
