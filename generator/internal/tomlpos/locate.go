// Package tomlpos finds where in a TOML file's text a key or value stands, so
// that a problem found after decoding can be reported as path:line:col. It
// also finds the control characters that the file's strings write as escapes,
// which decoding would otherwise let through unseen.
package tomlpos

import (
	"sort"
	"strconv"
	"strings"

	"formatlas/generator/diag"
)

// File finds where keys and values stand in a TOML file's text.
//
// BurntSushi/toml parses the file (this is no parser of its own) but exposes no
// positions of keys, so semantic errors found after decoding are placed by
// scanning the text for the key: each `key =` line is recorded under its table
// path, with array-of-tables entries numbered from 0 ("event.1.date"), and a
// value is found among the string tokens of its key's value. The text is
// lexed first (lexTOML), so that a quote or # inside a string, and a key or
// value in a comment, is never taken for what it looks like.
type File struct {
	path string
	src  string
	strs []span // every string token, quotes included, in order
	keys map[string]keySpan
}

// keySpan is a key's position and the byte range of its value text.
type keySpan struct {
	line, col  int
	start, end int
}

// New lexes and scans src, the text of the TOML file at path. The positions
// it gives name the file by path.
func New(path string, src []byte) *File {
	f := &File{path: path, src: string(src), keys: map[string]keySpan{}}
	lines, strs := lexTOML(f.src)
	f.strs = strs
	f.scan(lines)
	return f
}

// Path is the file's path, as given to New.
func (f *File) Path() string { return f.path }

// scan records every table header and `key =` line. A line that begins inside
// a value (a multi-line string, array or inline table) is part of that value.
func (f *File) scan(lines []tomlLine) {
	var (
		table  string
		counts = map[string]int{}
		last   string
	)
	for i, ln := range lines {
		if ln.inValue {
			continue
		}
		trimmed := strings.TrimSpace(ln.code)
		indent := len(ln.code) - len(strings.TrimLeft(ln.code, " \t"))
		switch {
		case strings.HasPrefix(trimmed, "[["):
			name := under(tableName(trimmed[2:], "]]"), counts)
			table = name + "." + strconv.Itoa(counts[name])
			counts[name]++
			f.close(last, ln.start)
			last = ""
			f.keys[table] = keySpan{line: i + 1, col: indent + 1, start: ln.start, end: ln.start}
		case strings.HasPrefix(trimmed, "["):
			table = under(tableName(trimmed[1:], "]"), counts)
			f.close(last, ln.start)
			last = ""
			f.keys[table] = keySpan{line: i + 1, col: indent + 1, start: ln.start, end: ln.start}
		default:
			key, ok := keyOf(ln.code, ln.eq)
			if !ok {
				continue
			}
			f.close(last, ln.start)
			last = Join(table, key)
			f.keys[last] = keySpan{line: i + 1, col: indent + 1, start: ln.start + ln.eq + 1, end: len(f.src)}
		}
	}
	f.close(last, len(f.src))
}

// close ends the value span of key at offset.
func (f *File) close(key string, offset int) {
	if ks, ok := f.keys[key]; ok && key != "" {
		ks.end = offset
		f.keys[key] = ks
	}
}

// under puts into the table name the index of the latest element of an array
// of tables it lies under: [source.locators] after the second [[source]] is
// source.1.locators, as the decoder sees it.
func under(name string, counts map[string]int) string {
	parts := strings.Split(name, ".")
	for i := len(parts) - 1; i >= 1; i-- {
		if n := counts[strings.Join(parts[:i], ".")]; n > 0 {
			return Join(strings.Join(parts[:i], ".")+"."+strconv.Itoa(n-1), strings.Join(parts[i:], "."))
		}
	}
	return name
}

func tableName(s, closing string) string {
	if i := strings.Index(s, closing); i >= 0 {
		s = s[:i]
	}
	parts := strings.Split(s, ".")
	for i, p := range parts {
		parts[i] = strings.Trim(strings.TrimSpace(p), `"'`)
	}
	return strings.Join(parts, ".")
}

// keyOf returns the key of a `key = value` line, whose first = outside
// strings is at eq.
func keyOf(code string, eq int) (string, bool) {
	if eq <= 0 {
		return "", false
	}
	key := strings.TrimSpace(code[:eq])
	if key == "" || strings.ContainsAny(key, " \t\"'[") && !(strings.HasPrefix(key, `"`) && strings.HasSuffix(key, `"`)) {
		return "", false
	}
	return strings.Trim(key, `"`), true
}

// Join is the dotted key path of key in table, either of which may be empty.
func Join(table, key string) string {
	if key == "" {
		return table
	}
	if table == "" {
		return key
	}
	return table + "." + key
}

// Key returns the position of the dotted key path (for example "event.1.date"),
// falling back to its nearest enclosing table, then to the file itself.
func (f *File) Key(path string) diag.Position {
	for p := path; p != ""; p = parent(p) {
		if ks, ok := f.keys[p]; ok {
			return diag.Position{Path: f.path, Line: ks.line, Col: ks.col}
		}
	}
	return diag.Position{Path: f.path, Line: 1, Col: 1}
}

// Value returns the position of the nth (from 0) string literal lit inside the
// value of key path, such as one country code in a member list; else the key's.
// Only string tokens count, so lit in a comment or inside another string is
// never taken for the value.
func (f *File) Value(path, lit string, nth int) diag.Position {
	ks, ok := f.keys[path]
	if !ok {
		return f.Key(path)
	}
	basic, literal := strconv.Quote(lit), "'"+lit+"'"
	n := 0
	for _, s := range f.strs {
		if s.start < ks.start || s.end > ks.end {
			continue
		}
		if tok := f.src[s.start:s.end]; tok != basic && tok != literal {
			continue
		}
		if n == nth {
			return f.Position(s.start)
		}
		n++
	}
	return f.Key(path)
}

// Position is the line and column of the byte offset off of f's text, taken
// to the nearest end of the text if it lies outside.
func (f *File) Position(off int) diag.Position {
	off = min(max(off, 0), len(f.src))
	before := f.src[:off]
	line := strings.Count(before, "\n") + 1
	col := off - (strings.LastIndexByte(before, '\n') + 1) + 1
	return diag.Position{Path: f.path, Line: line, Col: col}
}

func parent(p string) string {
	if i := strings.LastIndexByte(p, '.'); i >= 0 {
		return p[:i]
	}
	return ""
}

// KeysLike returns the positions of every key whose path, with array-of-tables
// indexes left out, is path: BurntSushi/toml names an undecoded key in the
// second [[event]] "event.chnage", not "event.1.chnage".
func (f *File) KeysLike(path string) []diag.Position {
	var out []diag.Position
	for key, ks := range f.keys {
		if stripIndexes(key) == path {
			out = append(out, diag.Position{Path: f.path, Line: ks.line, Col: ks.col})
		}
	}
	if len(out) == 0 {
		return []diag.Position{f.Key(path)}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Line < out[j].Line })
	return out
}

func stripIndexes(key string) string {
	parts := strings.Split(key, ".")
	kept := parts[:0]
	for _, p := range parts {
		if _, err := strconv.Atoi(p); err != nil {
			kept = append(kept, p)
		}
	}
	return strings.Join(kept, ".")
}
