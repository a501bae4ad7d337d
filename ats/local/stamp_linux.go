package local

import (
	"os"
	"syscall"
)

// sysStamp is fi's inode change time and inode number.
func sysStamp(fi os.FileInfo) (ctime int64, ino uint64) {
	if st, ok := fi.Sys().(*syscall.Stat_t); ok {
		return st.Ctim.Nano(), st.Ino
	}
	return 0, 0
}
