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
