import Foundation

/// Reads money amounts in the notations of the four languages:
/// `$10 billion`, `USD 4bn`, `14.3 billion dollars`, `£120m`, `€85m`, `1,5 miljarder kronor`,
/// `310 miljoner norska kronor`, `400 millions d'euros`, `2 Milliarden Euro`, `150 Mio. Euro`.
///
/// The currency comes from a symbol or code before the number, or a currency name after the
/// scale word (`currencies.tsv`, generated from CLDR); the scale from `amount-words.tsv`.
struct MoneyReader: Sendable {
    struct Amount: Sendable, Equatable {
        var value: Double
        var currency: String
        /// Token indices covered, inclusive.
        var first: Int
        var last: Int
    }

    /// Phrase (lowercased tokens) → ISO code, longest phrases first.
    var currencies: [(phrase: [String], code: String)]
    var scales: [String: Double]
    /// Whether `1,5` means one and a half (sv, fr, de) rather than fifteen hundred... (en: `1,500`).
    var decimalComma: Bool

    /// Currency phrases by their first word, longest first.
    var currencyIndex: [String: [Int]] = [:]
    /// The same by word id (`Token.id`), set by `Knowledge.buildWordIDs`.
    var currencyByID: [[Int]] = []

    init(currencies: [(phrase: [String], code: String)], scales: [String: Double], decimalComma: Bool) {
        self.currencies = currencies.sorted { $0.phrase.count > $1.phrase.count }
        for (i, c) in self.currencies.enumerated() { currencyIndex[c.phrase[0], default: []].append(i) }
        self.scales = scales
        self.decimalComma = decimalComma
    }

    func number(_ s: String) -> Double? {
        var u = s
        if let fast = u.withUTF8({ numberBytes($0) }) { return fast }
        return numberSlow(s)
    }

    /// `numberSlow` on the bytes of a number token (digits with single `,` or `.` between them),
    /// without Foundation's string replacing; `.none` for any other text.
    private func numberBytes(_ u: UnsafeBufferPointer<UInt8>) -> Double?? {
        @inline(__always) func isDigit(_ c: UInt8) -> Bool { c &- 0x30 < 10 }
        guard let f = u.first, let l = u.last, isDigit(f), isDigit(l), u.count <= 64 else { return .none }
        var commas = 0, dots = 0
        // Whether every part after the first, split at `sep`, is three characters long.
        func groupsOfThree(_ sep: UInt8) -> Bool {
            var run = -1
            for c in u {
                if c == sep {
                    if run >= 0 && run != 3 { return false }
                    run = 0
                } else if run >= 0 { run += 1 }
            }
            return run == 3
        }
        var prevSep = false
        for c in u {
            if c == 0x2C || c == 0x2E {
                if prevSep { return .none }
                prevSep = true
                if c == 0x2C { commas += 1 } else { dots += 1 }
            } else if isDigit(c) { prevSep = false } else { return .none }
        }
        // What to do with each separator: keep, drop, or turn into a decimal point.
        var dropDots = false, dropCommas = false, commaToDot = false
        if decimalComma {
            if commas > 0 { dropDots = true; commaToDot = true }
            else if dots > 0 && groupsOfThree(0x2E) { dropDots = true }
        } else {
            if commas > 0 && groupsOfThree(0x2C) { dropCommas = true } else { commaToDot = true }
        }
        let t = String(unsafeUninitializedCapacity: u.count) { out in
            var n = 0
            for c in u {
                if c == 0x2E && dropDots { continue }
                if c == 0x2C { if dropCommas { continue }; if commaToDot { out[n] = 0x2E; n += 1; continue } }
                out[n] = c
                n += 1
            }
            return n
        }
        return .some(Double(t))
    }

    func numberSlow(_ s: String) -> Double? {
        var t = s
        if decimalComma {
            // `1,5` is one and a half; `1.500` is fifteen hundred.
            if t.utf8.contains(0x2C) {
                t = t.replacingOccurrences(of: ".", with: "").replacingOccurrences(of: ",", with: ".")
            } else if t.utf8.contains(0x2E), t.split(separator: Character(".")).dropFirst().allSatisfy({ (part: Substring) in part.count == 3 }) {
                t = t.replacingOccurrences(of: ".", with: "")
            }
        } else {
            // `1,500` is fifteen hundred; `14.3` is fourteen point three.
            let parts = t.split(separator: Character(","))
            if parts.count > 1 && parts.dropFirst().allSatisfy({ (part: Substring) in part.count == 3 }) {
                t = t.replacingOccurrences(of: ",", with: "")
            } else {
                t = t.replacingOccurrences(of: ",", with: ".")
            }
        }
        return Double(t)
    }

    /// The currency phrase starting at `i`, if any: (code, number of tokens).
    func currency(_ toks: [Token], at i: Int) -> (String, Int)? {
        guard let f = ruleIndex(toks[i].id, currencyByID.count) else { return nil }
        for c in currencyByID[f] {
            let (phrase, code) = currencies[c]
            guard i + phrase.count <= toks.count else { continue }
            var ok = true
            for (k, w) in phrase.enumerated() {
                let t = toks[i + k]
                let surface = t.kind == .punct ? t.text : t.lower
                if surface != w || (k > 0 && t.kind == .punct && t.spaceBefore && w.count == 1 && !"$€£¥".contains(w)) {
                    ok = false; break
                }
            }
            if ok { return (code, phrase.count) }
        }
        return nil
    }

    func scale(_ toks: [Token], at i: Int) -> (Double, Int)? {
        guard i < toks.count, toks[i].kind == .word else { return nil }
        var w = toks[i].lower
        var n = 1
        if i + 1 < toks.count, toks[i + 1].text == ".", !toks[i + 1].spaceBefore, scales[w + "."] != nil {
            w += "."
            n = 2
        }
        if let s = scales[w] { return (s, n) }
        return nil
    }

    /// Every amount in a sentence, left to right.
    func amounts(_ toks: [Token]) -> [Amount] {
        var out: [Amount] = []
        var i = 0
        while i < toks.count {
            guard toks[i].kind == .number, let v = number(toks[i].text) else { i += 1; continue }
            var value = v
            var last = i
            var first = i
            var code: String?
            // Currency before: `$10`, `US$ 5`, `USD 4bn`, `€85m`.
            var j = i - 1
            while j >= max(0, i - 3) {
                if let (c, n) = currency(toks, at: j), j + n == i { code = c; first = j; break }
                j -= 1
            }
            if let (s, n) = scale(toks, at: i + 1) {
                value *= s
                last = i + n
            }
            if code == nil {
                var k = last + 1
                if k < toks.count, toks[k].lower == "de" || toks[k].lower == "of" { k += 1 }
                if k < toks.count, let (c, n) = currency(toks, at: k) {
                    code = c
                    last = k + n - 1
                }
            }
            if let code { out.append(Amount(value: value, currency: code, first: first, last: last)) }
            i = last + 1
        }
        return out
    }
}
