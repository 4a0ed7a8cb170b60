package render

import (
	"errors"
	"html/template"
	"io/fs"
	"slices"
	"strconv"
	"strings"
)

// funcMap is the one FuncMap every template gets. asset gives the
// fingerprinted path of a stylesheet or script of static/.
func funcMap(names assets) template.FuncMap {
	return template.FuncMap{
		"asset":  names.path,
		"plural": plural,
		"join":   strings.Join,
		"lower":  strings.ToLower,
	}
}

// plural writes "1 format" or "3 formats".
func plural(n int, singular, pluralForm string) string {
	if n == 1 {
		return "1 " + singular
	}
	return strconv.Itoa(n) + " " + pluralForm
}

func contains(xs []string, x string) bool { return slices.Contains(xs, x) }

func errorsIsNotExist(err error) bool { return errors.Is(err, fs.ErrNotExist) }
