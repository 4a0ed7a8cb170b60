package site

import (
	"testing"

	"formatlas/generator/load"
)

func d(s string) load.Date {
	date, err := load.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return date
}

func TestSpanAt(t *testing.T) {
	asOf := d("2021-02-01")
	cases := []struct {
		name         string
		since, until string
		at           string
		held, unsure bool
	}{
		{"undated, on as_of", "", "", "2021-02-01", true, false},
		{"undated, after as_of", "", "", "2022", true, false},
		{"undated, before as_of", "", "", "2019", true, true},
		{"joined before", "2020-03-27", "", "2021", true, false},
		{"joined after", "2020-03-27", "", "2019-12-31", false, false},
		{"joined that day", "2020-03-27", "", "2020-03-27", true, false},
		{"joined some day of that year", "2020", "", "2020-06-01", true, true},
		{"joined in that year, asked for the year", "2020", "", "2020", true, false},
		{"left before", "", "2020-01-31", "2020-06", false, false},
		{"left after", "", "2020-01-31", "2019", true, true},
		{"left that month", "", "2020-01", "2020-01-15", true, true},
		{"dated both, between", "2010", "2020", "2015", true, false},
	}
	// A list of a known date (members_as_of) holds from it: on and after it
	// for certain, before it or within its year only perhaps.
	for _, c := range []struct {
		name, by, at string
		unsure       bool
	}{
		{"list's day", "2020-06-01", "2020-06-01", false},
		{"after the list", "2020-06-01", "2020-09", false},
		{"before the list", "2020-06-01", "2019", true},
		{"a list of a year, on a day of it", "2020", "2020-02-16", true},
	} {
		h, held := Span{Role: "member", By: d(c.by)}.At(d(c.at), asOf)
		if !held || h.Uncertain != c.unsure {
			t.Errorf("%s: held %v uncertain %v, want true %v", c.name, held, h.Uncertain, c.unsure)
		}
	}
	for _, c := range cases {
		sp := Span{Role: "member"}
		if c.since != "" {
			sp.Since = d(c.since)
		}
		if c.until != "" {
			sp.Until = d(c.until)
		}
		h, held := sp.At(d(c.at), asOf)
		if held != c.held || (held && h.Uncertain != c.unsure) {
			t.Errorf("%s: held %v uncertain %v, want %v %v", c.name, held, h.Uncertain, c.held, c.unsure)
		}
	}
}
