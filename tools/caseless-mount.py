#!/usr/bin/python3
"""Mounts DIR at MOUNTPOINT as a filesystem that ignores letter case but keeps it, as macOS's and
Windows' default ones do, for trying apionly on one from Linux (FUSE; Debian packages fuse3 and
python3-fusepy; as root):

    /usr/bin/python3 tools/caseless-mount.py /tmp/back /tmp/caseless &
    ... run apionly in /tmp/caseless ...
    umount /tmp/caseless

Names are looked up ignoring case (an exact match first); a rename onto another spelling of the
same name gives the file the new spelling. Inode numbers are the backing files', so two spellings
of one name are one file to stat, as on those systems.
"""
import errno
import os
import sys

from fusepy import FUSE, FuseOSError, Operations


class Caseless(Operations):
    def __init__(self, root):
        self.root = os.path.realpath(root)

    def _find(self, path):
        """The backing path of PATH, each name matched ignoring case."""
        parts = [p for p in path.split("/") if p]
        current = self.root
        for i, part in enumerate(parts):
            try:
                names = os.listdir(current)
            except (NotADirectoryError, FileNotFoundError):
                return os.path.join(current, *parts[i:])
            match = [n for n in names if n == part] or [
                n for n in names if n.lower() == part.lower()
            ]
            current = os.path.join(current, match[0] if match else part)
        return current

    def _spelt(self, path):
        """The backing path of PATH's folder, with PATH's own spelling of its last name."""
        return os.path.join(os.path.dirname(self._find(path)), os.path.basename(path))

    def access(self, path, mode):
        if not os.access(self._find(path), mode):
            raise FuseOSError(errno.EACCES)

    def chmod(self, path, mode):
        return os.chmod(self._find(path), mode)

    def chown(self, path, uid, gid):
        return os.chown(self._find(path), uid, gid)

    def getattr(self, path, fh=None):
        st = os.lstat(self._find(path))
        keys = ("st_atime", "st_ctime", "st_gid", "st_mode", "st_mtime", "st_nlink", "st_size",
                "st_uid", "st_ino")
        return {k: getattr(st, k) for k in keys}

    def readdir(self, path, fh):
        return [".", ".."] + os.listdir(self._find(path))

    def readlink(self, path):
        return os.readlink(self._find(path))

    def mknod(self, path, mode, dev):
        return os.mknod(self._find(path), mode, dev)

    def rmdir(self, path):
        return os.rmdir(self._find(path))

    def mkdir(self, path, mode):
        return os.mkdir(self._find(path), mode)

    def statfs(self, path):
        stv = os.statvfs(self._find(path))
        keys = ("f_bavail", "f_bfree", "f_blocks", "f_bsize", "f_favail", "f_ffree", "f_files",
                "f_flag", "f_frsize", "f_namemax")
        return {k: getattr(stv, k) for k in keys}

    def unlink(self, path):
        return os.unlink(self._find(path))

    def symlink(self, name, target):
        return os.symlink(target, self._find(name))

    def rename(self, old, new):
        source, existing, wanted = self._find(old), self._find(new), self._spelt(new)
        if os.path.lexists(existing) and existing != wanted and existing != source:
            os.unlink(existing)  # replaced: the new spelling takes its place
        return os.rename(source, wanted)

    def link(self, target, name):
        return os.link(self._find(name), self._find(target))

    def utimens(self, path, times=None):
        return os.utime(self._find(path), times)

    def open(self, path, flags):
        return os.open(self._find(path), flags)

    def create(self, path, mode, fi=None):
        return os.open(self._find(path), os.O_WRONLY | os.O_CREAT, mode)

    def read(self, path, length, offset, fh):
        os.lseek(fh, offset, os.SEEK_SET)
        return os.read(fh, length)

    def write(self, path, buf, offset, fh):
        os.lseek(fh, offset, os.SEEK_SET)
        return os.write(fh, buf)

    def truncate(self, path, length, fh=None):
        os.truncate(self._find(path), length)

    def flush(self, path, fh):
        return 0

    def release(self, path, fh):
        return os.close(fh)

    def fsync(self, path, fdatasync, fh):
        return os.fsync(fh)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: caseless-mount.py DIR MOUNTPOINT")
    FUSE(Caseless(sys.argv[1]), sys.argv[2], nothreads=True, foreground=True, use_ino=True,
         entry_timeout=0, attr_timeout=0, negative_timeout=0)
