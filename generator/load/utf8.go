package load

// CheckUTF8 reports the first byte of src that is not UTF-8, at its line
// and column of the file name: for the templates and static text files,
// which render reads.
func CheckUTF8(name string, src []byte) error { return checkUTF8(name, src) }
