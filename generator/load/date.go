package load

import (
	"fmt"
	"regexp"
	"strconv"
	"time"
)

// Precision says how much of a Date is known.
type Precision uint8

const (
	Unknown Precision = iota // no date given
	Year
	Month
	Day
)

// Date is a calendar date known to a year, a month or a day. The model never
// invents the parts it does not know: a year-precision date has Month and Day 0.
//
// In TOML a date is an integer year (2012), a local date (2012-09-04) or a
// string of a month ("2017-01").
type Date struct {
	Year, Month, Day int
	Prec             Precision
	// Invalid holds why the TOML value is not a date; it is reported by the
	// loader with the value's position, so one bad date does not stop decoding.
	Invalid string
}

var monthRE = regexp.MustCompile(`^(\d{4})-(\d{2})$`)

// UnmarshalTOML implements toml.Unmarshaler. It never fails: see Invalid.
func (d *Date) UnmarshalTOML(v any) error {
	*d = Date{}
	switch v := v.(type) {
	case int64:
		*d = Date{Year: int(v), Prec: Year}
	case time.Time:
		if v.Location().String() != "date-local" {
			d.Invalid = fmt.Sprintf("date %s has a time of day or an offset; write a local date such as 2012-09-04", v.Format(time.RFC3339))
			return nil
		}
		*d = Date{Year: v.Year(), Month: int(v.Month()), Day: v.Day(), Prec: Day}
	case string:
		m := monthRE.FindStringSubmatch(v)
		if m == nil {
			d.Invalid = fmt.Sprintf("invalid date %q: write a year (2012), a month (\"2017-01\") or a date (2012-09-04)", v)
			return nil
		}
		y, _ := strconv.Atoi(m[1])
		mo, _ := strconv.Atoi(m[2])
		*d = Date{Year: y, Month: mo, Prec: Month}
	default:
		d.Invalid = fmt.Sprintf("invalid date of type %T: write a year (2012), a month (\"2017-01\") or a date (2012-09-04)", v)
		return nil
	}
	d.check()
	return nil
}

func (d *Date) check() {
	switch {
	case d.Year < 1000 || d.Year > 9999:
		d.Invalid = fmt.Sprintf("invalid date %s: the year must have four digits", d)
	case d.Prec >= Month && (d.Month < 1 || d.Month > 12):
		d.Invalid = fmt.Sprintf("invalid date %s: there is no month %d", d, d.Month)
	}
	if d.Invalid != "" {
		d.Prec = Unknown
	}
}

// IsZero reports whether no date was given.
func (d Date) IsZero() bool { return d.Prec == Unknown }

// String gives the date in ISO form at its own precision: 2012, 2017-01, 2012-09-04.
func (d Date) String() string {
	switch d.Prec {
	case Year:
		return fmt.Sprintf("%04d", d.Year)
	case Month:
		return fmt.Sprintf("%04d-%02d", d.Year, d.Month)
	case Day:
		return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
	}
	if d.Year != 0 {
		return strconv.Itoa(d.Year)
	}
	return ""
}

// Human gives the date for readers: "2012", "January 2017", "4 September 2012".
func (d Date) Human() string {
	switch d.Prec {
	case Month:
		return fmt.Sprintf("%s %d", time.Month(d.Month), d.Year)
	case Day:
		return fmt.Sprintf("%d %s %d", d.Day, time.Month(d.Month), d.Year)
	}
	return d.String()
}

// Compare orders dates by their known parts; an unknown part sorts first, so a
// year-precision date comes before any month of that year.
func (d Date) Compare(e Date) int {
	for _, p := range [][2]int{{d.Year, e.Year}, {d.Month, e.Month}, {d.Day, e.Day}} {
		if p[0] != p[1] {
			if p[0] < p[1] {
				return -1
			}
			return 1
		}
	}
	return 0
}

// ParseDate reads a date written as on the command line: "2019", "2019-06"
// or "2019-06-01".
func ParseDate(s string) (Date, error) {
	var d Date
	switch {
	case len(s) == 4:
		y, err := strconv.Atoi(s)
		if err != nil {
			return Date{}, fmt.Errorf("invalid date %q: write 2019, 2019-06 or 2019-06-01", s)
		}
		d = Date{Year: y, Prec: Year}
	case len(s) == 7:
		d.UnmarshalTOML(s)
	default:
		t, err := time.Parse("2006-01-02", s)
		if err != nil {
			return Date{}, fmt.Errorf("invalid date %q: write 2019, 2019-06 or 2019-06-01", s)
		}
		d = Date{Year: t.Year(), Month: int(t.Month()), Day: t.Day(), Prec: Day}
	}
	d.check()
	if d.Invalid != "" {
		return Date{}, fmt.Errorf("%s", d.Invalid)
	}
	return d, nil
}

// Relation is how one date stands to another, each at its own precision.
type Relation int

const (
	Before  Relation = iota // d is before all of e
	Same                    // d is e, at the same precision
	Overlap                 // d and e share a year or month that neither pins down
	After                   // d is after all of e
)

// Within places date d against date e, each at its own precision: 2020 and
// 2020-06 overlap, since 2020 may mean any month of it.
func Within(d, e Date) Relation {
	dp, ep := []int{d.Year, d.Month, d.Day}, []int{e.Year, e.Month, e.Day}
	n := min(int(d.Prec), int(e.Prec))
	for i := range n {
		switch {
		case dp[i] < ep[i]:
			return Before
		case dp[i] > ep[i]:
			return After
		}
	}
	if d.Prec == e.Prec {
		return Same
	}
	return Overlap
}
