package diag

import (
	"fmt"
	"strings"
)

// GitHub is the problem as a GitHub Actions workflow command, which the
// pull request shows at its file and line.
func (e *Error) GitHub() string {
	var b strings.Builder
	b.WriteString("::error ")
	var props []string
	if e.Pos.Path != "" {
		props = append(props, "file="+escapeProperty(e.Pos.Path))
	}
	if e.Pos.Line > 0 {
		props = append(props, fmt.Sprintf("line=%d", e.Pos.Line))
	}
	if e.Pos.Col > 0 {
		props = append(props, fmt.Sprintf("col=%d", e.Pos.Col))
	}
	b.WriteString(strings.Join(props, ","))
	b.WriteString("::")
	b.WriteString(escapeData(e.Msg))
	return b.String()
}

// escapeData and escapeProperty follow the workflow command syntax.
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
