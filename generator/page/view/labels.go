package view

import (
	"slices"

	"formatlas/generator/load"
	"formatlas/generator/site"
)

// roles gives each role its symbol and one-letter text, so the matrix never
// relies on colour alone.
var roles = map[string]RoleInfo{
	"lead":     {Role: "lead", Label: "Lead nation", Symbol: "★", Short: "L"},
	"member":   {Role: "member", Label: "Member", Symbol: "●", Short: "M"},
	"partner":  {Role: "partner", Label: "Partner", Symbol: "◐", Short: "P"},
	"observer": {Role: "observer", Label: "Observer", Symbol: "○", Short: "O"},
	"invited":  {Role: "invited", Label: "Invited", Symbol: "◇", Short: "I"},
	"aspirant": {Role: "aspirant", Label: "Aspirant", Symbol: "△", Short: "A"},
}

// legend lists the roles in load.Roles order.
func legend() []RoleInfo {
	out := make([]RoleInfo, len(load.Roles))
	for i, r := range load.Roles {
		out[i] = roles[r]
	}
	return out
}

var memberListLabels = map[string]string{
	"complete":   "",
	"incomplete": "This member list is incomplete.",
	"derived":    "This member list is derived from a rule rather than listed by the source.",
}

var lessonKindLabels = map[string]string{
	"success-factor": "Success factors",
	"risk":           "Risks",
	"recommendation": "Recommendations",
}

var lessonKindBlurbs = map[string]string{
	"success-factor": "What makes a format work.",
	"risk":           "What can go wrong, for the formats and for NATO.",
	"recommendation": "What the evidence suggests NATO should do.",
}

// Role describes the role r for legends, member lists and matrix cells.
func Role(r string) RoleInfo { return roles[r] }

// Legend lists the roles in load.Roles order.
func Legend() []RoleInfo { return legend() }

// MemberListLabel says what a member list of this kind is: "" when complete.
func MemberListLabel(l string) string { return memberListLabels[l] }

// LessonKindLabel names a kind of lesson, as a heading.
func LessonKindLabel(k string) string { return lessonKindLabels[k] }

// LessonKindBlurb says in a sentence what the lessons of a kind are.
func LessonKindBlurb(k string) string { return lessonKindBlurbs[k] }

// rolePlurals name the holders of a role that is no membership, one and many.
var rolePlurals = map[string][2]string{
	"partner":  {"partner", "partners"},
	"observer": {"observer", "observers"},
	"invited":  {"invited country", "invited countries"},
	"aspirant": {"aspirant", "aspirants"},
}

// RoleCount is how many countries hold a role that is no membership.
type RoleCount struct {
	Role, Singular, Plural string
	N                      int
}

// OtherRoles counts the roles of ms that are no memberships, in role order.
func OtherRoles(ms []*site.Membership) []RoleCount {
	var out []RoleCount
	for _, r := range load.Roles {
		n := 0
		for _, m := range ms {
			if m.Role == r {
				n++
			}
		}
		if n > 0 && !slices.Contains(load.MembershipRoles, r) {
			w := rolePlurals[r]
			out = append(out, RoleCount{Role: r, Singular: w[0], Plural: w[1], N: n})
		}
	}
	return out
}

// MembershipCount is how many of ms are memberships (load.MembershipRoles).
func MembershipCount(ms []*site.Membership) int {
	n := 0
	for _, m := range ms {
		if slices.Contains(load.MembershipRoles, m.Role) {
			n++
		}
	}
	return n
}
