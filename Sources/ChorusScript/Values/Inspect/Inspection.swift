import ChorusEngine

/// A readable view of one problem or one sample, as parts a renderer lays out: what `show` prints
/// (wrapped, coloured on a terminal) and what the value shows as a statement's result.
public struct Inspection: Sendable, Equatable {
    /// One part of the view, in order.
    public enum Part: Sendable, Equatable {
        /// The first line: what is shown and where it comes from.
        case heading(String)
        /// `label: value`; a long value wraps under itself.
        case field(String, String)
        /// One sample (or answer) in one line, its verdict coloured; `indent` spaces before it.
        case verdict(String, SampleVerdict, indent: Int)
        /// A response or solution text, indented; folded to its first and last lines unless
        /// `foldable` is false or the view is shown in full.
        case text(String, foldable: Bool)
    }

    /// The parts, in order.
    public var parts: [Part]

    /// A view of the given parts.
    public init(_ parts: [Part] = []) { self.parts = parts }
}

/// A value that `show` can lay out as an ``Inspection``.
public protocol InspectableObject: ScriptObject {
    /// The value's view.
    var inspection: Inspection { get }
}

extension InspectableObject {
    /// The view without wrapping or colour, folded: how the value shows as a statement's result.
    public var rendering: String {
        String(InspectionRenderer(width: nil, usesColour: false, full: false).render(inspection).dropLast())
    }
}
