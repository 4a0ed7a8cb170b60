package diff

import "encoding/json"

// A report's JSON writes an empty list as [], never null, so that a program
// reading it can take every list as a list.

func (r Report) MarshalJSON() ([]byte, error) {
	type plain Report
	p := plain(r)
	p.Memberships, p.Commentary, p.BrokenURLs = list(p.Memberships), list(p.Commentary), list(p.BrokenURLs)
	return json.Marshal(p)
}

func (c Changes) MarshalJSON() ([]byte, error) {
	type plain Changes
	return json.Marshal(plain{Added: list(c.Added), Removed: list(c.Removed), Renamed: list(c.Renamed), Changed: list(c.Changed)})
}

func (o Output) MarshalJSON() ([]byte, error) {
	type plain Output
	return json.Marshal(plain{Added: list(o.Added), Removed: list(o.Removed), Changed: list(o.Changed)})
}

// list is s, or an empty list for nil.
func list[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
