/// `value[index]` for every value that has parts: lists by position, records by key, and
/// ``IndexableObject``s by position or id. Positions count from 0; a negative one counts from the
/// end (-1 is the last), as in lists.
enum Subscript {
    /// Why an index found nothing: the message and a hint naming what would work.
    struct Failure: Error {
        let message: String
        let hint: String?
    }

    /// The part of `value` at `index`.
    static func element(of value: Value, at index: Value) throws(Failure) -> Value {
        switch (value, index) {
        case (.list(let items), .int(let position)):
            return items[
                try resolve(position, count: items.count, among: "a list of \(Plural.count(items.count, "item"))")]
        case (.record(let record), .string(let key)):
            guard let field = record[key] else {
                throw Failure(
                    message: "record has no field \(Value.quote(key))",
                    hint: Suggestions.closest(to: key, among: record.keys).map { "did you mean \(Value.quote($0))?" })
            }
            return field
        case (.object(let object as any IndexableObject), .int(let position)):
            let count = object.elementCount
            let among = "the \(Plural.count(count, object.elementNoun)) of \(article(object.typeName))"
            return object.element(at: try resolve(position, count: count, among: among))
        case (.object(let object as any IndexableObject), .string(let id)) where !object.elementIDs.isEmpty:
            let ids = object.elementIDs
            guard let position = ids.firstIndex(of: id) else {
                let close = Suggestions.closest(to: id, among: ids)
                throw Failure(
                    message: "\(article(object.typeName)) has no \(object.elementNoun) \(Value.quote(id))",
                    hint: close.map { "did you mean \(Value.quote($0))?" }
                        ?? "its ids run \(Value.quote(ids[0])) … \(Value.quote(ids[ids.count - 1]))")
            }
            return object.element(at: position)
        case (.object(let object as any IndexableObject), _):
            let byID = object.elementIDs.isEmpty ? "" : " or a string id (`x[\(Value.quote(object.elementIDs[0]))]`)"
            throw Failure(
                message: "cannot index \(object.typeName) with \(index.typeName)",
                hint: "\(object.typeName) takes an int position (`x[0]`, `x[-1]` for the last)\(byID)")
        default:
            throw Failure(
                message: "cannot index \(value.typeName) with \(index.typeName)",
                hint: "lists take an int index (`xs[0]`), records a string key (`r[\"name\"]`); datasets, sample "
                    + "sets and strategy results an int position")
        }
    }

    /// The position `position` names among `count` parts, or the out-of-range failure.
    private static func resolve(_ position: Int, count: Int, among owner: String) throws(Failure) -> Int {
        let resolved = position < 0 ? count + position : position
        guard resolved >= 0, resolved < count else {
            throw Failure(
                message: "index \(position) is out of range for \(owner)",
                hint: count == 0 ? nil : "indices run from 0 to \(count - 1), or -1 for the last")
        }
        return resolved
    }

    private static func article(_ noun: String) -> String {
        ("aeiou".contains(noun.first ?? "x") ? "an " : "a ") + noun
    }
}
