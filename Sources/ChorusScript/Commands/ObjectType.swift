/// The Swift type of an engine object a parameter takes, with the name users read.
///
/// The binder matches an argument by its Swift type, so renaming a type's display name cannot
/// change which values a command accepts.
public struct ObjectType: Sendable, Equatable {
    /// The name users read in help and errors (`dataset`, `sample set`).
    public let name: String
    private let type: ObjectIdentifier

    /// The object type of a script object's Swift type.
    public init<Object: ScriptObject>(_ type: Object.Type, named name: String) {
        self.name = name
        self.type = ObjectIdentifier(type)
    }

    /// Whether a value is an object of this type.
    public func matches(_ object: any ScriptObject) -> Bool {
        ObjectIdentifier(Swift.type(of: object)) == type
    }
}
