// Package diag holds the one error shape that every stage of formatlas reports:
// a position in a file of the site directory and a message, collected into a
// sortable list like go/scanner.ErrorList.
package diag

import (
	"errors"
	"fmt"
	"sort"
	"strings"
)

// Position is a place in a file. Path is slash-separated and relative to the
// site directory; Line and Col start at 1, and 0 means unknown.
type Position struct {
	Path string
	Line int
	Col  int
}

func (p Position) String() string {
	switch {
	case p.Line > 0 && p.Col > 0:
		return fmt.Sprintf("%s:%d:%d", p.Path, p.Line, p.Col)
	case p.Line > 0:
		return fmt.Sprintf("%s:%d", p.Path, p.Line)
	}
	return p.Path
}

// Error is one problem at one position.
type Error struct {
	Pos Position
	Msg string
}

func (e *Error) Error() string { return e.Pos.String() + ": " + e.Msg }

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

// distance is the Levenshtein distance between a and b, over bytes: ids are ASCII.
func distance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
