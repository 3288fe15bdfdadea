// The processes of one process group, read from /proc: how fault tests find an Apertium pipeline's stages to
// kill or stop from outside, as an operator's `kill` or the OOM killer would.
import Foundation

public enum ProcessGroup {
    /// Members of process group `group`, with their command names (/proc/<pid>/stat: field 5 is the group).
    public static func members(_ group: Int32) -> [(pid: Int32, name: String)] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { entry -> (Int32, String)? in
            guard let pid = Int32(entry),
                let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
                let open = stat.firstIndex(of: "("), let close = stat.lastIndex(of: ")")
            else { return nil }
            let fields = stat[stat.index(close, offsetBy: 2)...].split(separator: " ")
            guard fields.count > 2, Int32(fields[2]) == group else { return nil }
            return (pid, String(stat[stat.index(after: open)..<close]))
        }
    }
}
