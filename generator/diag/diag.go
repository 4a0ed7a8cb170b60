// Package diag holds the one error shape that every stage of formatlas reports:
// a position in a file of the site directory and a message, collected into a
// sortable list like go/scanner.ErrorList.
package diag

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Position is a place in a file. Path is slash-separated and relative to the
// site directory; Line and Col start at 1, and 0 means unknown.
type Position struct {
	Path string
	Line int
	Col  int
}

// String is path:line:col. A path holding a control character or bytes that
// are not UTF-8 is quoted as a Go string, so that a file name can never end
// the line or begin another: a name with a newline and "::error" in it
// would otherwise be read by CI as a workflow command of its own.
func (p Position) String() string {
	path := p.Path
	if !printable(path) {
		path = strconv.Quote(path)
	}
	switch {
	case p.Line > 0 && p.Col > 0:
		return fmt.Sprintf("%s:%d:%d", path, p.Line, p.Col)
	case p.Line > 0:
		return fmt.Sprintf("%s:%d", path, p.Line)
	}
	return path
}

// printable reports whether s is UTF-8 without control characters.
func printable(s string) bool {
	for _, r := range s {
		if r == utf8.RuneError || unicode.IsControl(r) {
			return false
		}
	}
	return true
}

// OneLine escapes the control characters of a message but tab, so that a
// problem is always one line of output.
func OneLine(msg string) string { return oneLine(msg) }

func oneLine(msg string) string {
	if printable(msg) {
		return msg
	}
	var b strings.Builder
	for _, r := range msg {
		if r != '\t' && unicode.IsControl(r) {
			q := strconv.QuoteRune(r)
			b.WriteString(q[1 : len(q)-1])
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Error is one problem at one position.
type Error struct {
	Pos Position
	Msg string
}

// Error is path:line:col: message, on one line whatever the path and the
// message hold.
func (e *Error) Error() string {
	if e.Pos.Path == "" {
		return oneLine(e.Msg)
	}
	return e.Pos.String() + ": " + oneLine(e.Msg)
}

// List collects errors from every stage. The zero value is ready to use.
type List []*Error

// Add appends an error at pos.
func (l *List) Add(pos Position, format string, args ...any) {
	*l = append(*l, &Error{Pos: pos, Msg: fmt.Sprintf(format, args...)})
}

// Append adds every error of err: a List is flattened, an *Error kept, and any
// other error is kept with an empty position.
func (l *List) Append(err error) {
	if err == nil {
		return
	}
	var list List
	var one *Error
	switch {
	case errors.As(err, &list):
		*l = append(*l, list...)
	case errors.As(err, &one):
		*l = append(*l, one)
	default:
		*l = append(*l, &Error{Msg: err.Error()})
	}
}

func (l List) Len() int      { return len(l) }
func (l List) Swap(i, j int) { l[i], l[j] = l[j], l[i] }
func (l List) Less(i, j int) bool {
	a, b := l[i].Pos, l[j].Pos
	if a.Path != b.Path {
		return a.Path < b.Path
	}
	if a.Line != b.Line {
		return a.Line < b.Line
	}
	if a.Col != b.Col {
		return a.Col < b.Col
	}
	return l[i].Msg < l[j].Msg
}

// Sort orders the list by path, line, column and message, and drops exact
// duplicates so that one mistake reached twice is reported once.
func (l *List) Sort() {
	sort.Sort(*l)
	out := (*l)[:0]
	for i, e := range *l {
		if i > 0 && e.Error() == (*l)[i-1].Error() {
			continue
		}
		out = append(out, e)
	}
	*l = out
}

// Err returns the list, sorted, as an error, or nil if it is empty.
func (l List) Err() error {
	if len(l) == 0 {
		return nil
	}
	l.Sort()
	return l
}

// Error prints one problem a line.
func (l List) Error() string {
	var b strings.Builder
	for i, e := range l {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

// Closest returns the candidate nearest to word by edit distance, or "" when
// none is close enough to be a plausible typo. Ties go to the smaller candidate.
func Closest(word string, candidates []string) string {
	limit := max(2, len(word)/3)
	best, bestDist := "", limit+1
	for _, c := range candidates {
		d := distance(strings.ToLower(word), strings.ToLower(c))
		if d < bestDist || (d == bestDist && c < best) {
			best, bestDist = c, d
		}
	}
	return best
}

// distance is the optimal string alignment distance between a and b: edits
// and swaps of neighbours each cost 1, so "FNI" is one step from "FIN". Bytes,
// not runes: ids are ASCII.
func distance(a, b string) int {
	d := make([][]int, len(a)+1)
	for i := range d {
		d[i] = make([]int, len(b)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(a)][len(b)]
}

// DidYouMean is " (did you mean "x"?)" for the candidate x closest to word
// (see Closest), or "" when none is close: the one way every message offers
// a correction.
func DidYouMean(word string, candidates []string) string {
	if c := Closest(word, candidates); c != "" {
		return fmt.Sprintf(" (did you mean %q?)", c)
	}
	return ""
}
