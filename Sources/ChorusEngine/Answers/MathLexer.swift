/// Splits the UTF-8 bytes of a LaTeX (or plain) math answer into tokens, dropping layout-only markup.
///
/// Works on raw bytes: no `Character` iteration, no Foundation, no regular expressions.
/// Layout (`\left`, `\right`, `\!`, `\,`, `\displaystyle`, `$`) disappears here; numbers are read
/// whole here (thousands separators, decimals, scientific notation); `\text{…}` words become
/// `.word` tokens so the parser can treat them as units.
struct MathLexer {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0
    private var tokens: [MathToken] = []
    /// Bracket depth: thousands separators with commas are read only outside brackets, where `(1,000)` stays a tuple.
    private var depth = 0
    private var spaceBefore = false
    /// After `\frac` (2) or `\sqrt` (1), bare digits are single-token arguments: `\frac12` is ½.
    private var pendingSingleArguments = 0

    private init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// The tokens of `text`, or `nil` when it holds a byte no answer can contain.
    static func tokenize(_ text: String) -> [MathToken]? {
        var copy = text
        return copy.withUTF8 { tokenize(bytes: $0) }
    }

    /// The most tokens an answer may have: far more than any answer needs, and a bound on the depth
    /// of the tree the parser builds (every walk over it recurses), whatever the input.
    static let maximumTokens = 1_000

    /// The tokens of UTF-8 `bytes`, or `nil` when they hold a byte no answer can contain or more than `maximumTokens`.
    static func tokenize(bytes: UnsafeBufferPointer<UInt8>) -> [MathToken]? {
        var lexer = MathLexer(bytes: bytes)
        return lexer.run() ? lexer.tokens : nil
    }

    private mutating func emit(_ kind: MathToken.Kind) {
        tokens.append(MathToken(kind: kind, spaceBefore: spaceBefore))
        spaceBefore = false
    }

    @inline(__always)
    private func byte(at position: Int) -> UInt8 {
        position < bytes.count ? bytes[position] : 0
    }

    private mutating func run() -> Bool {
        tokens.reserveCapacity(bytes.count / 2 + 2)
        while index < bytes.count {
            guard tokens.count <= Self.maximumTokens else { return false }
            let b = bytes[index]
            switch b {
            case .space, .tab, .newline, .carriageReturn, .tilde:
                spaceBefore = true
                index += 1
            case .zero ... .nine:
                lexNumber()
            case .period:
                if ByteClass.isDigit(byte(at: index + 1)) || ByteClass.hasPrefix(bytes, at: index + 1, "\\overline") {
                    lexNumber()
                } else {
                    emit(.symbol(b))
                    index += 1
                }
            case _ where ByteClass.isLetter(b):
                lexLetters()
            case .backslash:
                guard lexCommand() else { return false }
            case .dollar:
                index += 1
            case .openParen, .openBracket:
                depth += 1
                pendingSingleArguments = 0
                emit(.symbol(b))
                index += 1
            case .closeParen, .closeBracket:
                depth -= 1
                emit(.symbol(b))
                index += 1
            case .openBrace:
                pendingSingleArguments = 0
                emit(.symbol(b))
                index += 1
            case .plus, .minus, .asterisk, .slash, .caret, .underscore, .closeBrace, .comma, .semicolon,
                .equals, .less, .greater, .exclamation, .pipe, .ampersand, .percent, .colon, .apostrophe:
                emit(.symbol(b))
                index += 1
            case 0x80...:
                guard lexUnicode() else { return false }
            default:
                return false
            }
        }
        return true
    }

    // MARK: Numbers

    private mutating func lexNumber() {
        if pendingSingleArguments > 0, ByteClass.isDigit(bytes[index]) {
            pendingSingleArguments -= 1
            emit(.number(Rational(Int(bytes[index] &- .zero)), plainInteger: true))
            index += 1
            return
        }
        var mantissa = 0
        var approximate = 0.0
        var overflow = false
        var plain = true
        var scale = 0

        func accumulate(_ digit: UInt8) {
            let d = Int(digit &- .zero)
            approximate = approximate * 10 + Double(d)
            if !overflow {
                let (times, o1) = mantissa.multipliedReportingOverflow(by: 10)
                let (sum, o2) = times.addingReportingOverflow(d)
                if o1 || o2 { overflow = true } else { mantissa = sum }
            }
        }

        var leadingDigits = 0
        while index < bytes.count, ByteClass.isDigit(bytes[index]) {
            accumulate(bytes[index])
            leadingDigits += 1
            index += 1
        }
        if leadingDigits >= 1, leadingDigits <= 3 {
            while let separator = thousandsSeparatorLength(at: index) {
                let start = index + separator
                for k in 0..<3 { accumulate(bytes[start + k]) }
                index = start + 3
                plain = false
            }
        }
        if byte(at: index) == .period,
            ByteClass.isDigit(byte(at: index + 1)) || ByteClass.hasPrefix(bytes, at: index + 1, "\\overline")
        {
            index += 1
            plain = false
            while index < bytes.count, ByteClass.isDigit(bytes[index]) {
                accumulate(bytes[index])
                scale += 1
                index += 1
            }
            if let repeating = lexRepeatingDigits(), !overflow,
                let value = Self.repeatingDecimal(mantissa: mantissa, scale: scale, repeating: repeating)
            {
                emit(.number(value, plainInteger: false))
                return
            }
        }
        var exponent = 0
        let e = byte(at: index)
        if e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            var j = index + 1
            var negative = false
            if byte(at: j) == .plus || byte(at: j) == .minus {
                negative = byte(at: j) == .minus
                j += 1
            }
            if ByteClass.isDigit(byte(at: j)) {
                while ByteClass.isDigit(byte(at: j)) {
                    if exponent < 10_000 { exponent = exponent * 10 + Int(bytes[j] &- .zero) }
                    j += 1
                }
                if negative { exponent = -exponent }
                index = j
                plain = false
            }
        }
        emit(
            Self.numberToken(
                mantissa: mantissa, approximate: approximate, overflow: overflow,
                scale: scale, exponent: exponent, plain: plain))
        if exponent == 0, scale > 0, !overflow {
            var significant = 0
            var rest = mantissa
            while rest > 0 {
                significant += 1
                rest /= 10
            }
            tokens[tokens.count - 1].decimalPlaces = scale
            tokens[tokens.count - 1].significantDigits = significant
        }
    }

    /// The digits of `\overline{…}` (a repeating block, `0.1\overline{6}`), or `nil` when none follows.
    private mutating func lexRepeatingDigits() -> (value: Int, count: Int)? {
        guard ByteClass.hasPrefix(bytes, at: index, "\\overline") else { return nil }
        var k = index + 9
        while byte(at: k) == .space { k += 1 }
        let braced = byte(at: k) == .openBrace
        if braced { k += 1 }
        var value = 0
        var count = 0
        while ByteClass.isDigit(byte(at: k)), count < 15 {
            value = value * 10 + Int(bytes[k] &- .zero)
            count += 1
            k += 1
            if !braced { break }
        }
        guard count > 0 else { return nil }
        if braced {
            guard byte(at: k) == .closeBrace else { return nil }
            k += 1
        }
        index = k
        return (value, count)
    }

    /// `mantissa / 10^scale` followed by `repeating` forever: `0.1\overline{6}` is 1/6.
    private static func repeatingDecimal(mantissa: Int, scale: Int, repeating: (value: Int, count: Int)) -> Rational? {
        guard let block = Rational(10).power(repeating.count), let shift = Rational(10).power(scale),
            let nines = block.subtracting(.one),
            let whole = Rational(mantissa).multiplied(by: nines),
            let top = whole.adding(Rational(repeating.value)),
            let bottom = shift.multiplied(by: nines)
        else { return nil }
        return top.divided(by: bottom)
    }

    private static func numberToken(
        mantissa: Int, approximate: Double, overflow: Bool,
        scale: Int, exponent: Int, plain: Bool
    ) -> MathToken.Kind {
        let power = exponent - scale
        if !overflow, let ten = Rational(10).power(abs(power)) {
            let value = power >= 0 ? Rational(mantissa).multiplied(by: ten) : Rational(mantissa, ten.numerator)
            if let value { return .number(value, plainInteger: plain) }
        }
        var result = approximate
        if power > 0 { for _ in 0..<min(power, 400) { result *= 10 } }
        if power < 0 { for _ in 0..<min(-power, 400) { result /= 10 } }
        return .real(result)
    }

    /// The length of a thousands separator at `position` that is followed by exactly three digits.
    private func thousandsSeparatorLength(at position: Int) -> Int? {
        let b = byte(at: position)
        let length: Int
        if b == .comma, depth == 0 {
            // `12,\! 345`: a comma with a negative thin space after it.
            if byte(at: position + 1) == .backslash, byte(at: position + 2) == .exclamation {
                length = byte(at: position + 3) == .space ? 4 : 3
            } else {
                length = 1
            }
        } else if b == .space {
            length = 1
        } else if b == .openBrace, byte(at: position + 1) == .comma, byte(at: position + 2) == .closeBrace {
            length = 3
        } else if b == .backslash, byte(at: position + 1) == .comma {
            length = 2
        } else if b == 0xE2, byte(at: position + 1) == 0x80,
            byte(at: position + 2) == 0x89 || byte(at: position + 2) == 0xAF || byte(at: position + 2) == 0x8A
        {
            length = 3
        } else if b == 0xC2, byte(at: position + 1) == 0xA0 {
            length = 2
        } else {
            return nil
        }
        let start = position + length
        guard ByteClass.isDigit(byte(at: start)), ByteClass.isDigit(byte(at: start + 1)),
            ByteClass.isDigit(byte(at: start + 2)), !ByteClass.isDigit(byte(at: start + 3))
        else { return nil }
        // `2 100/3` is a mixed number, not 2100/3.
        if b == .space, byte(at: start + 3) == .slash { return nil }
        return length
    }

    // MARK: Letters and words

    private mutating func lexLetters() {
        let start = index
        if pendingSingleArguments > 0 {
            pendingSingleArguments -= 1
            index += 1
        } else {
            while index < bytes.count, ByteClass.isLetter(bytes[index]) { index += 1 }
        }
        if index - start == 1 {
            emit(.letter(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)))
            return
        }
        let word = UnsafeBufferPointer(rebasing: bytes[start..<index])
        if let command = Self.wordCommand(word) {
            emit(command)
            return
        }
        emit(.word(String(decoding: word, as: UTF8.self), isText: false))
    }

    /// Plain words with a meaning: function names, `or`/`and` (list separators), `pi`, `infinity`.
    private static func wordCommand(_ word: UnsafeBufferPointer<UInt8>) -> MathToken.Kind? {
        guard word.count <= 8 else { return nil }
        let name = String(decoding: word, as: UTF8.self)
        switch name {
        case "or", "and": return .symbol(.comma)
        case "pi": return .command(.constant(.pi))
        case "infinity", "infty", "inf": return .command(.constant(.infinity))
        case "sqrt": return .command(.sqrt)
        default:
            if let function = MathFunction(rawValue: name), function != .abs { return .command(.function(function)) }
            return nil
        }
    }

    // MARK: Commands

    private mutating func lexCommand() -> Bool {
        let start = index + 1
        var end = start
        while end < bytes.count, ByteClass.isLetter(bytes[end]) { end += 1 }
        if end == start {
            return lexEscapedSymbol()
        }
        index = end
        let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        switch name {
        case "frac", "dfrac", "tfrac", "cfrac":
            emit(.command(.frac))
            pendingSingleArguments = 2
        case "sqrt":
            emit(.command(.sqrt))
            pendingSingleArguments = 1
        case "pi": emit(.command(.constant(.pi)))
        case "infty", "infin": emit(.command(.constant(.infinity)))
        case "times", "cdot", "ast": emit(.symbol(.asterisk))
        case "div": emit(.symbol(.slash))
        case "pm": emit(.command(.plusMinus))
        case "mp": emit(.command(.minusPlus))
        case "cup": emit(.command(.cup))
        case "le", "leq", "leqslant": emit(.command(.lessOrEqual))
        case "ge", "geq", "geqslant": emit(.command(.greaterOrEqual))
        case "lt": emit(.symbol(.less))
        case "gt": emit(.symbol(.greater))
        case "ne", "neq": emit(.command(.notEqual))
        case "approx", "equiv", "simeq": emit(.symbol(.equals))
        case "in": emit(.command(.member))
        case "circ", "degree": emit(.command(.degree))
        case "lbrace":
            depth += 1
            emit(.command(.setOpen))
        case "rbrace":
            depth -= 1
            emit(.command(.setClose))
        case "langle", "lbrack":
            depth += 1
            emit(.symbol(name == "langle" ? .openParen : .openBracket))
        case "rangle", "rbrack":
            depth -= 1
            emit(.symbol(name == "rangle" ? .closeParen : .closeBracket))
        case "vert", "lvert", "rvert", "mid": emit(.symbol(.pipe))
        case "emptyset", "varnothing": emit(.command(.emptySet))
        case "left", "right", "big", "Big", "bigg", "Bigg", "bigl", "bigr", "Bigl", "Bigr", "biggl", "biggr":
            if byte(at: index) == .period { index += 1 }
        case "displaystyle", "textstyle", "scriptstyle", "limits", "nolimits", "hline", "nonumber", "prime":
            break
        case "quad", "qquad":
            spaceBefore = true
        case "text", "textbf", "textrm", "textit", "textnormal", "textsf", "texttt", "textup", "textsc", "emph",
            "underline", "mbox", "mathrm", "mathbf", "mathit", "mathsf", "mathtt", "mathcal", "mathbb", "mathscr",
            "mathfrak", "mathnormal", "boldsymbol", "bm", "operatorname", "boxed", "fbox", "hbox":
            lexWrapper()
        case "begin", "end":
            guard let environment = braceWord() else { return false }
            emit(name == "begin" ? .begin(environment) : .end(environment))
            if name == "begin", environment == "array", byte(at: index) == .openBrace {
                while index < bytes.count, bytes[index] != .closeBrace { index += 1 }
                index += 1
            }
            if name == "begin", environment.hasSuffix("*"), byte(at: index) == .openBracket {
                // `\begin{pmatrix*}[r]`: the alignment is layout.
                while index < bytes.count, bytes[index] != .closeBracket { index += 1 }
                index += 1
            }
        default:
            if let function = MathFunction(rawValue: name), function != .abs {
                emit(.command(.function(function)))
            } else {
                emit(.letter(name))
            }
        }
        return true
    }

    /// `\{`, `\}`, `\%`, `\$`, `\\` and the spacing commands `\, \; \: \! \ `.
    private mutating func lexEscapedSymbol() -> Bool {
        let next = byte(at: index + 1)
        index += 2
        switch next {
        case .openBrace:
            depth += 1
            emit(.command(.setOpen))
        case .closeBrace:
            depth -= 1
            emit(.command(.setClose))
        case .percent: emit(.symbol(.percent))
        case .dollar: break
        case .backslash: emit(.command(.rowBreak))
        case .pipe: emit(.symbol(.pipe))
        case .comma, .semicolon, .colon, .space, .newline, .greater: spaceBefore = true
        case .exclamation: break
        default: return false
        }
        return true
    }

    /// The word in `{…}` after `\begin` / `\end`.
    private mutating func braceWord() -> String? {
        while byte(at: index) == .space { index += 1 }
        guard byte(at: index) == .openBrace else { return nil }
        let start = index + 1
        var end = start
        // Only letters and `*` name an environment: stopping at anything else keeps many unclosed `\begin{` linear.
        while end < bytes.count, ByteClass.isLetter(bytes[end]) || bytes[end] == .asterisk { end += 1 }
        guard end < bytes.count, bytes[end] == .closeBrace else { return nil }
        index = end + 1
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }

    /// `\text{…}` and friends: letters-only content becomes a word (a unit such as `\text{ cm}`);
    /// anything else is transparent, so `\text{5}` reads as `{5}` and `\textbf{(B)}` as `{(B)}`.
    private mutating func lexWrapper() {
        var open = index
        while byte(at: open) == .space { open += 1 }
        guard byte(at: open) == .openBrace else { return }
        var end = open + 1
        var letters = 0
        while end < bytes.count {
            let b = bytes[end]
            if b == .closeBrace { break }
            if ByteClass.isLetter(b) {
                letters += 1
            } else if b != .space {
                return
            }
            end += 1
        }
        guard end < bytes.count else { return }
        index = end + 1
        let content = ByteClass.trimmed(UnsafeBufferPointer(rebasing: bytes[(open + 1)..<end]))
        if letters == 0 { return }
        if letters == 1 && content.count == 1 {
            emit(.letter(String(decoding: content, as: UTF8.self)))
        } else if let command = Self.wordCommand(content) {
            emit(command)
        } else {
            emit(.word(String(decoding: content, as: UTF8.self), isText: true))
        }
    }

    // MARK: Non-ASCII

    private mutating func lexUnicode() -> Bool {
        let b0 = bytes[index]
        let b1 = byte(at: index + 1)
        let b2 = byte(at: index + 2)
        switch (b0, b1) {
        case (0xC2, 0xB0):
            emit(.command(.degree))
            index += 2
        case (0xC2, 0xB1):
            emit(.command(.plusMinus))
            index += 2
        case (0xC3, 0x97), (0xC2, 0xB7):
            emit(.symbol(.asterisk))
            index += 2
        case (0xC3, 0xB7):
            emit(.symbol(.slash))
            index += 2
        case (0xCF, 0x80):
            emit(.command(.constant(.pi)))
            index += 2
        case (0xC2, 0xA0):
            spaceBefore = true
            index += 2
        case (0xE2, 0x88):
            switch b2 {
            case 0x9A:
                emit(.command(.sqrt))
                pendingSingleArguments = 1
            case 0x9E: emit(.command(.constant(.infinity)))
            case 0x92: emit(.symbol(.minus))
            case 0xAA: emit(.command(.cup))
            default: return false
            }
            index += 3
        case (0xE2, 0x89):
            switch b2 {
            case 0xA4: emit(.command(.lessOrEqual))
            case 0xA5: emit(.command(.greaterOrEqual))
            case 0xA0: emit(.command(.notEqual))
            case 0x88: emit(.symbol(.equals))
            default: return false
            }
            index += 3
        case (0xE2, 0x80):
            switch b2 {
            case 0x93: emit(.symbol(.minus))
            case 0x89, 0xAF, 0x8A, 0x88: spaceBefore = true
            default: return false
            }
            index += 3
        default:
            return false
        }
        return true
    }
}
