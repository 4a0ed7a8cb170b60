package export

import (
	"testing"

	"formatlas/generator/page/view"
)

// TestPageEntriesCountry: a country is found by its region, its other
// names, and each format it is in, by name and abbreviation, with its role.
func TestPageEntriesCountry(t *testing.T) {
	role := func(label string) view.RoleInfo { return view.RoleInfo{Label: label} }
	fin := view.CountryView{
		Country: view.CountryRef{Code: "FIN", Name: "Finland"},
		Region:  "Northern Europe",
		Aliases: []string{"Suomi"},
		Memberships: []view.MembershipView{
			{Format: view.FormatRef{Name: "North Atlantic Treaty Organization", Abbr: "NATO"}, RoleInfo: role("Member")},
			{Format: view.FormatRef{Name: "German-led Framework Nations Concept group"}, RoleInfo: role("Partner")},
			{Format: view.FormatRef{Name: "Joint Expeditionary Force", Abbr: "JEF"}, RoleInfo: role("Member")},
		},
	}
	for _, c := range []struct {
		name string
		v    view.CountryView
		want SearchEntry
	}{
		{"formats and roles", fin, SearchEntry{Kind: "Country", Title: "Finland", Sub: "FIN", URL: "countries/fin.html",
			Text: "Northern Europe, Suomi. Member of North Atlantic Treaty Organization (NATO), Joint Expeditionary Force (JEF). " +
				"Partner of German-led Framework Nations Concept group."}},
		{"no formats", view.CountryView{Country: fin.Country, Region: "Northern Europe"},
			SearchEntry{Kind: "Country", Title: "Finland", Sub: "FIN", URL: "countries/fin.html", Text: "Northern Europe."}},
		{"nothing else known", view.CountryView{Country: fin.Country, Memberships: fin.Memberships[:1]},
			SearchEntry{Kind: "Country", Title: "Finland", Sub: "FIN", URL: "countries/fin.html", Text: "Member of North Atlantic Treaty Organization (NATO)."}},
	} {
		got := PageEntries("countries/fin.html", c.v)
		if len(got) != 1 || got[0] != c.want {
			t.Errorf("%s:\n got %+v\nwant %+v", c.name, got, c.want)
		}
	}
}
