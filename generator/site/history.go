package site

import (
	"cmp"

	"formatlas/generator/diag"
	"formatlas/generator/load"
)

// StatusChange is a dated change of a format's status, with its source.
type StatusChange struct {
	Date   load.Date
	Status string
	Source Citation
}

// FormerName is a name a format had until it was renamed.
type FormerName struct {
	Name   string
	Until  load.Date // the date of the renaming
	Source Citation
}

// State is what the content says of a country in a format on a date. It
// keeps apart, as the COW IGO data set does, a format that did not exist
// then, a country that was not a member, and a country the content knows
// nothing of.
type State int

const (
	NotExisting State = iota // the format was not founded yet, or had ended
	Held                     // the country held a role
	NotMember                // the member list is complete, and does not hold it
	NotKnown                 // the member list is incomplete or derived
)

func (s State) String() string {
	return [...]string{"not existing", "held", "not a member", "not known"}[s]
}

// impliedStatus is the status an event of the whole format sets when it
// gives none: a suspension suspends, a replacement ends.
var impliedStatus = map[string]string{"suspended": "suspended", "replaced": "defunct"}

// history links the status changes, renamings and successor of f, from its
// events and record, and checks that its status agrees with them on as_of.
func (l *linker) history(f *Format) {
	w := f.Record.Where
	for _, e := range f.Events {
		if st := cmp.Or(e.Status, impliedStatus[e.Change]); st != "" && e.Country == nil { // one country's event is reported by load
			f.StatusHistory = append(f.StatusHistory, StatusChange{Date: e.Date, Status: st, Source: e.Source})
		}
		if e.Change == "renamed" { // it may change the status too
			f.FormerNames = append(f.FormerNames, FormerName{Name: e.FormerName, Until: e.Date, Source: e.Source})
		}
	}
	if asOf := l.s.AsOf; !asOf.IsZero() && f.Status != "" {
		if st := f.statusOn(asOf); st != "" && st != f.Status {
			l.errs.Add(w.Value("status", f.Status), "status %q is not the status its events give it on as_of %s: %q", f.Status, asOf, st)
		}
	}
	if by, asOf := f.Record.MembersAsOf, l.s.AsOf; !by.IsZero() && !asOf.IsZero() && by.Compare(asOf) > 0 {
		l.errs.Add(w.Value("members_as_of", by.String()), "members_as_of %s is after as_of %s: the member list is held from it to as_of", by, asOf)
	}
	if id := f.Record.Successor; id != "" {
		switch f.Successor = l.s.formats[id]; {
		case f.Successor == nil:
			l.errs.Add(w.Value("successor", id), "unknown successor format %q%s", id, diag.DidYouMean(id, l.formatIDs()))
		case f.Successor == f:
			l.errs.Add(w.Value("successor", id), "format %q cannot succeed itself", f.ID)
			f.Successor = nil
		default:
			f.Successor.Predecessors = append(f.Successor.Predecessors, f)
		}
	}
}

// checkSuccessorCycles reports successors that lead back to a format, and
// cuts the cycle so that nothing walks it.
func (l *linker) checkSuccessorCycles() {
	l.checkCycles(func(f *Format) *Format { return f.Successor }, func(f *Format) {
		l.errs.Add(f.Record.Where.Value("successor", f.Record.Successor), "format %q succeeds itself through its successors: they form a cycle", f.ID)
		f.Successor = nil
	})
}

// checkCycles calls cycle for each format from which next leads back to it.
func (l *linker) checkCycles(next func(*Format) *Format, cycle func(f *Format)) {
	for _, f := range l.s.Formats {
		seen := map[*Format]bool{f: true}
		for n := next(f); n != nil; n = next(n) {
			if seen[n] {
				if n == f {
					cycle(f)
				}
				break
			}
			seen[n] = true
		}
	}
}

// statusOn is the status the latest status change on or before d gives, ""
// when none does.
func (f *Format) statusOn(d load.Date) string {
	st := ""
	for _, c := range f.StatusHistory {
		if within(d, c.Date) != before {
			st = c.Status
		}
	}
	return st
}

// StatusAt is the status of f on date d: that of the latest status change
// by then; before any, active, or the record's status when it has no
// history. "" when f did not exist on d.
func (f *Format) StatusAt(d load.Date) string {
	if !f.ExistsAt(d) {
		return ""
	}
	if st := f.statusOn(d); st != "" {
		return st
	}
	if len(f.StatusHistory) == 0 {
		return f.Status
	}
	return "active"
}

// NameAt is the name of f on date d: the former name of the first renaming
// after d, else its name.
func (f *Format) NameAt(d load.Date) string {
	for _, n := range f.FormerNames { // in date order
		if within(d, n.Until) == before {
			return n.Name
		}
	}
	return f.Name
}

// Ended is the date f ended: its first change to defunct, else a "replaced"
// event, else its successor's founding; zero while it lasts.
func (f *Format) Ended() load.Date {
	for _, c := range f.StatusHistory {
		if c.Status == "defunct" {
			return c.Date
		}
	}
	for _, e := range f.Events {
		if e.Change == "replaced" && e.Country == nil {
			return e.Date
		}
	}
	if f.Successor != nil {
		return f.Successor.Founded
	}
	return load.Date{}
}

// ExistsAt reports whether f existed on date d, as far as its founding and
// end tell: a date that its founding year or month may hold counts.
func (f *Format) ExistsAt(d load.Date) bool {
	if !f.Founded.IsZero() && within(d, f.Founded) == before {
		return false
	}
	if end := f.Ended(); !end.IsZero() {
		if r := within(d, end); r == after || r == same {
			return false
		}
	}
	return true
}

// StateOf is what the content says of country c in f on date d, given the
// site's as_of.
func (f *Format) StateOf(c *Country, d, asOf load.Date) State {
	if !f.ExistsAt(d) {
		return NotExisting
	}
	for _, sp := range f.Spans {
		if sp.Country == c {
			if _, ok := sp.At(d, asOf); ok {
				return Held
			}
		}
	}
	if f.MemberList == "complete" {
		return NotMember
	}
	return NotKnown
}
