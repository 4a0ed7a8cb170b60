package publish

import "errors"

// errNoExchange says that the system cannot swap two directories in one step.
var errNoExchange = errors.New("no atomic exchange of directories here")
