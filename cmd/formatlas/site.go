package main

import (
	"fmt"
	"io/fs"
	"os"
)

// openSite opens the site directory as a file system that cannot be left:
// os.Root refuses paths and symlinks that escape the directory.
func openSite(dir string) (fs.FS, func(), error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, nil, fmt.Errorf("site directory: %w", err)
	}
	return root.FS(), func() { root.Close() }, nil
}
