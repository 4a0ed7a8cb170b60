package main

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// openSite opens the site directory as a file system that cannot be left:
// os.Root refuses paths and symlinks that escape the directory.
//
// A directory without content/ is no site: that is said in one line, with
// the command that starts one, rather than as one missing file after another.
func openSite(dir string) (fs.FS, func(), error) {
	if st, err := os.Stat(filepath.Join(dir, "content")); err != nil || !st.IsDir() {
		if _, err := os.Stat(dir); err != nil {
			return nil, nil, refusal{fmt.Sprintf("site directory %s does not exist; formatlas init %s starts an atlas there", dir, dir)}
		}
		return nil, nil, refusal{fmt.Sprintf("%s is not a site directory: it has no content/ folder; formatlas init DIR starts an atlas in an empty directory", dir)}
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, nil, fmt.Errorf("site directory: %w", err)
	}
	return root.FS(), func() { root.Close() }, nil
}
