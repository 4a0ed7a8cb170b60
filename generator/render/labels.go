package render

import (
	"formatlas/generator/load"
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

var categoryLabels = map[string]string{
	"alliance":              "Alliances",
	"partnership-framework": "NATO partnership frameworks",
	"flexible":              "Flexible formats within NATO",
	"minilateral":           "Minilateral formats",
	"eu":                    "EU formats",
}

var categoryBlurbs = map[string]string{
	"alliance":              "Collective defence organisations.",
	"partnership-framework": "NATO's frameworks and programmes for working with partner countries.",
	"flexible":              "Groupings that work within or alongside NATO structures with some members and partners.",
	"minilateral":           "Smaller groupings that operate outside NATO structures.",
	"eu":                    "The European Union and formats embedded in it.",
}

var statusLabels = map[string]string{
	"active":   "Active",
	"dormant":  "Dormant",
	"defunct":  "Defunct",
	"proposed": "Proposed",
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
