package load

import (
	"strings"

	"formatlas/generator/diag"
)

// formulaStarts are the first characters that make a spreadsheet read a
// CSV cell as a formula (OWASP's list): a note beginning with one of them
// would run when data/events.csv is opened. Such text is refused rather
// than escaped, so the data stays exactly as written for pandas and R.
const formulaStarts = "=+-@\t\r"

// FormulaCell reports whether text would start its CSV cell with a formula.
func FormulaCell(text string) bool {
	return text != "" && strings.IndexByte(formulaStarts, text[0]) >= 0
}

// checkCell reports a free-text field of w, key, whose value text would be
// read as a formula in the CSV exports.
func checkCell(w Where, errs *diag.List, key, text string) {
	if FormulaCell(text) {
		errs.Add(w.Value(key, text), "%s starts with %q, which a spreadsheet opening data/events.csv would run as a formula; start it with a word or a digit",
			key, text[:1])
	}
}
