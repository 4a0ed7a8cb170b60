package view

import (
	"formatlas/generator/site"
	"strconv"
	"strings"
)

var memberListLabels = map[string]string{
	"complete":   "",
	"incomplete": "This member list is incomplete.",
	"derived":    "This member list is derived from a rule rather than listed by the source.",
}

// Role describes the role r of s for legends, member lists and matrix
// cells: its label, and a symbol and letter, so the matrix never relies on
// colour alone.
func Role(s *site.Site, r string) RoleInfo {
	role := s.Role(r)
	one := role.One()
	article := "a "
	if one != "" && strings.ContainsRune("aeiou", rune(one[0])) {
		article = "an "
	}
	return RoleInfo{Role: role.ID, Label: role.Label, Symbol: role.Symbol, Short: role.Letter, One: article + one}
}

// Legend lists the roles of s in their order.
func Legend(s *site.Site) []RoleInfo {
	out := make([]RoleInfo, len(s.Roles))
	for i, r := range s.Roles {
		out[i] = Role(s, r.ID)
	}
	return out
}

// MemberListLabel says what a member list of this kind is: "" when complete.
func MemberListLabel(l string) string { return memberListLabels[l] }

// OtherRoleNames names the holders of the roles of s that are no
// memberships, for a sentence: "partners, observers and aspirants".
func OtherRoleNames(s *site.Site) string {
	var names []string
	for _, r := range s.Roles {
		if !r.Counts() {
			names = append(names, r.Many())
		}
	}
	return List(names)
}

// List joins names for a sentence: "a", "a and b", "a, b and c".
func List(names []string) string {
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

// RoleCount is how many countries hold a role that is no membership.
type RoleCount struct {
	Role, Singular, Plural string
	N                      int
}

// OtherRoles counts the roles of ms that are no memberships, in the role
// order of s.
func OtherRoles(s *site.Site, ms []*site.Membership) []RoleCount {
	var out []RoleCount
	for _, r := range s.Roles {
		n := 0
		for _, m := range ms {
			if m.Role == r.ID {
				n++
			}
		}
		if n > 0 && !r.Counts() {
			out = append(out, RoleCount{Role: r.ID, Singular: r.One(), Plural: r.Many(), N: n})
		}
	}
	return out
}

// MembershipCount is how many of ms are memberships, as the roles of s say.
func MembershipCount(s *site.Site, ms []*site.Membership) int {
	n := 0
	for _, m := range ms {
		if s.IsMembership(m.Role) {
			n++
		}
	}
	return n
}

// Plural counts n things: "1 format" or "3 formats".
func Plural(n int, singular, plural string) string {
	if n == 1 {
		return "1 " + singular
	}
	return strconv.Itoa(n) + " " + plural
}
