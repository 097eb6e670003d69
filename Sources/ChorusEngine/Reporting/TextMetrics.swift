/// Conservative text widths for a plot's sans-serif labels, so a layout can make room for text it
/// cannot measure: the viewer picks the font (Arial, Helvetica, DejaVu Sans, …).
///
/// Each character counts as wide as it is in the widest of those fonts, rounded up: a label
/// measured here is never wider in a browser, so a layout built on it never clips.
public enum TextMetrics {
    /// The width of `text` in pixels at `fontSize`.
    public static func width(_ text: String, fontSize: Double) -> Double {
        text.unicodeScalars.reduce(0) { $0 + em($1) } * fontSize
    }

    /// `text` broken into lines no wider than `maxWidth`: at spaces where it can, inside a word
    /// that is wider than a line on its own.
    public static func wrap(_ text: String, fontSize: Double, maxWidth: Double) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true).map(String.init) {
            let joined = line.isEmpty ? word : line + " " + word
            if width(joined, fontSize: fontSize) <= maxWidth {
                line = joined
                continue
            }
            if !line.isEmpty { lines.append(line) }
            line = ""
            for character in word {
                let longer = line + String(character)
                if !line.isEmpty && width(longer, fontSize: fontSize) > maxWidth {
                    lines.append(line)
                    line = String(character)
                } else {
                    line = longer
                }
            }
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
    }

    /// The advance of one character in em, the largest among common sans-serif fonts (DejaVu Sans
    /// is the widest of them for most letters).
    static func em(_ scalar: Unicode.Scalar) -> Double {
        guard scalar.isASCII else { return 1.0 }
        let character = Character(scalar)
        if " .,:;'!|ijlIft()[]`".contains(character) { return 0.4 }
        if "mwMW@%".contains(character) { return 1.0 }
        if character.isUppercase { return 0.8 }
        if character.isLowercase || character.isNumber { return 0.64 }
        return 0.84
    }
}
