// A read-only memory map of a model file. Every worker's graphs read weights straight from these pages,
// so N workers (and N processes) share one copy in the page cache instead of N heap copies.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

final class MappedFile: @unchecked Sendable {
    // @unchecked: the mapping is PROT_READ and never changes after init; only `deinit` unmaps it.
    let base: UnsafeMutableRawPointer
    let size: Int

    init(path: String) throws(ModelLoadError) {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw .cannotOpen(path: path, errno: errno) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_size > 0 else { throw .notGGUF(path: path) }
        size = Int(info.st_size)
        guard let pointer = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), pointer != MAP_FAILED else {
            throw .cannotOpen(path: path, errno: errno)
        }
        base = pointer
    }

    /// Drops the resident pages wholly inside `byteCount` bytes at `start`, a range whose contents were copied
    /// elsewhere. The mapping stays: a later read faults the pages back in from the file.
    func release(_ start: UnsafeRawPointer, byteCount: Int) {
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let first = (Int(bitPattern: start) + page - 1) / page * page
        let end = (Int(bitPattern: start) + byteCount) / page * page
        guard end > first else { return }
        madvise(UnsafeMutableRawPointer(bitPattern: first), end - first, MADV_DONTNEED)
    }

    deinit { munmap(base, size) }
}
