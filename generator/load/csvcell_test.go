package load

import "testing"

// TestFormulaCell holds the CSV rule: the characters that start a
// spreadsheet formula, first only.
func TestFormulaCell(t *testing.T) {
	for text, want := range map[string]bool{
		"=1+1": true, "+44 20": true, "-2 members": true, "@SUM(A1)": true, "\tindented": true, "\rreturn": true,
		"": false, "A note": false, "1 + 1 = 2": false, " =leading space": false, "a=b": false, "'=quoted": false,
		"Ünïcode": false, "(−2)": false,
	} {
		if got := FormulaCell(text); got != want {
			t.Errorf("FormulaCell(%q) = %v, want %v", text, got, want)
		}
	}
}
