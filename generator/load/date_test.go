package load

import (
	"testing"

	"github.com/BurntSushi/toml"
)

func TestDates(t *testing.T) {
	cases := []struct {
		toml, iso, human string
		prec             Precision
	}{
		{"d = 2012", "2012", "2012", Year},
		{`d = "2017-01"`, "2017-01", "January 2017", Month},
		{"d = 2012-09-04", "2012-09-04", "4 September 2012", Day},
	}
	for _, c := range cases {
		var v struct{ D Date }
		if _, err := toml.Decode(c.toml, &v); err != nil {
			t.Fatal(err)
		}
		if v.D.Invalid != "" || v.D.String() != c.iso || v.D.Human() != c.human || v.D.Prec != c.prec {
			t.Errorf("%s: got %q %q prec %d (%s)", c.toml, v.D.String(), v.D.Human(), v.D.Prec, v.D.Invalid)
		}
	}
}

func TestDateCompareKeepsPrecision(t *testing.T) {
	year := Date{Year: 2017, Prec: Year}
	month := Date{Year: 2017, Month: 1, Prec: Month}
	day := Date{Year: 2017, Month: 1, Day: 5, Prec: Day}
	if year.Compare(month) >= 0 || month.Compare(day) >= 0 || day.Compare(year) <= 0 || year.Compare(year) != 0 {
		t.Error("a date of coarser precision must sort before the finer dates it contains")
	}
}

func TestLocatorTables(t *testing.T) {
	src := "name = \"x\"\n\n[members]\nlead = [\"GBR\"]\nmember = [\n  \"DNK\",\n  \"GBR\",\n]\n\n[[event]]\ndate = 1\n\n[[event]]\ndate = 2\ncountry = \"FIN\"\n"
	f := newTOMLFile("f.toml", []byte(src))
	cases := []struct {
		got  string
		want string
	}{
		{f.Key("name").String(), "f.toml:1:1"},
		{f.Key("members.lead").String(), "f.toml:4:1"},
		{f.Value("members.member", "GBR", 0).String(), "f.toml:7:3"},
		{f.Value("members.lead", "GBR", 0).String(), "f.toml:4:9"},
		{f.Key("event.1.date").String(), "f.toml:14:1"},
		{f.Value("event.1.country", "FIN", 0).String(), "f.toml:15:11"},
		{f.Key("event.1").String(), "f.toml:13:1"},
		{f.Key("event.1.nothing").String(), "f.toml:13:1"},
	}
	for _, c := range cases {
		if c.got != c.want {
			t.Errorf("got %s, want %s", c.got, c.want)
		}
	}
}
