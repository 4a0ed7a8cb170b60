package pictures

import (
	"fmt"
	"strings"
	"testing"

	"formatlas/generator/load"
	"formatlas/generator/site"
)

// TestLargest keeps the n formats with most members, ties broken by id, in
// the order they were given.
func TestLargest(t *testing.T) {
	var formats []*site.Format
	for i, n := range []int{3, 5, 1, 5, 4} {
		f := &site.Format{ID: fmt.Sprintf("f%d", i)}
		for range n {
			f.Members = append(f.Members, &site.Membership{})
		}
		formats = append(formats, f)
	}
	var got []string
	for _, f := range largest(formats, 3) {
		got = append(got, f.ID)
	}
	if strings.Join(got, " ") != "f1 f3 f4" {
		t.Errorf("largest 3: %v, want f1 f3 f4", got)
	}
	if len(largest(formats, 9)) != len(formats) {
		t.Error("largest 9 of 5 drops some")
	}
}

// TestDatedPoints places a format's founding and its dated events in date
// order, a year's date mid-year, and leaves out the founding event that
// repeats the founded year.
func TestDatedPoints(t *testing.T) {
	fin := &site.Country{Code: "FIN", Name: "Finland"}
	f := &site.Format{ID: "x", Founded: load.Date{Year: 2014, Prec: load.Year}, Events: []*site.Event{
		{Date: load.Date{Year: 2023, Month: 4, Day: 4, Prec: load.Day}, Change: "joined", Country: fin},
		{Date: load.Date{Year: 2014, Prec: load.Year}, Change: "founded"},
		{Date: load.Date{Year: 2017, Month: 1, Prec: load.Month}, Change: "expanded"},
	}}
	var got []string
	for _, p := range datedPoints(f) {
		got = append(got, fmt.Sprintf("%.3f %s", p.Year, p.Label))
	}
	want := []string{"2014.500 founded 2014", "2017.042 expanded January 2017", "2023.261 Finland joined 4 April 2023"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
