// Pure text for progress reports, so tests can check the exact output: a bar for terminals
// (`[██████░░░░] 4,500/10,000  45%  1,234 rows/s  ETA 0:04`) and a plain line for logs and pipes.
struct ProgressSnapshot: Equatable {
    var done: Int64
    var total: Int64?
    var failed: Int64 = 0
    var elapsed: Duration
}

struct ProgressFormat {
    enum Unit { case rows, bytes }

    var unit: Unit = .rows
    var barWidth = 24

    func bar(_ snapshot: ProgressSnapshot) -> String {
        guard let total = snapshot.total, total > 0 else { return plainCounts(snapshot) }
        let fraction = min(1, Double(snapshot.done) / Double(total))
        let filled = Int((fraction * Double(barWidth)).rounded(.down))
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: barWidth - filled)
        return "[\(bar)] " + plainCounts(snapshot)
    }

    /// `4,500/10,000 rows  45%  1,234 rows/s  ETA 0:04`, with `  12 failed` when some did.
    func plainCounts(_ snapshot: ProgressSnapshot) -> String {
        var parts = [amount(snapshot.done) + (snapshot.total.map { "/" + amount($0) } ?? "") + suffix]
        if let total = snapshot.total, total > 0 {
            parts.append(pad(String(Int(Double(snapshot.done) * 100 / Double(total))) + "%", to: 4))
        }
        let rate = rate(snapshot)
        parts.append(amount(Int64(rate.rounded())) + (unit == .rows ? " rows/s" : "/s"))
        if let total = snapshot.total, rate > 0, snapshot.done < total {
            parts.append("ETA " + Self.clock(Double(total - snapshot.done) / rate))
        }
        if snapshot.failed > 0 { parts.append("\(snapshot.failed) failed") }
        return parts.joined(separator: "  ")
    }

    func rate(_ snapshot: ProgressSnapshot) -> Double {
        let seconds = Double(snapshot.elapsed.components.seconds) + Double(snapshot.elapsed.components.attoseconds) / 1e18
        return seconds > 0 ? Double(snapshot.done) / seconds : 0
    }

    private var suffix: String { unit == .rows ? " rows" : "" }

    private func amount(_ value: Int64) -> String {
        unit == .rows ? Self.grouped(value) : Self.bytes(value)
    }

    /// 12345 → "12,345".
    static func grouped(_ value: Int64) -> String {
        let digits = Array(String(value.magnitude))
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return (value < 0 ? "-" : "") + result
    }

    /// Decimal units, as download sizes are usually quoted: 1,500,000 → "1.5 MB".
    static func bytes(_ value: Int64) -> String {
        let units = ["B", "kB", "MB", "GB", "TB"]
        var amount = Double(value)
        var index = 0
        while amount >= 1000 && index < units.count - 1 {
            amount /= 1000
            index += 1
        }
        if index == 0 { return "\(value) B" }
        let tenths = Int((amount * 10).rounded())
        return "\(tenths / 10).\(tenths % 10) \(units[index])"
    }

    /// Seconds as m:ss, or h:mm:ss past an hour.
    static func clock(_ seconds: Double) -> String {
        let total = Int(seconds.rounded(.up))
        let (hours, minutes, secs) = (total / 3600, total / 60 % 60, total % 60)
        let ss = secs < 10 ? "0\(secs)" : "\(secs)"
        if hours > 0 { return "\(hours):\(minutes < 10 ? "0" : "")\(minutes):\(ss)" }
        return "\(minutes):\(ss)"
    }

    private func pad(_ text: String, to width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }
}
