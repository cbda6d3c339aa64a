/// One event of a JSON document, as ``JSONTokenizer`` reports it.
///
/// Keys, strings and numbers carry no payload: their bytes are in the tokenizer's `text`
/// until the next call, so no String is made unless the caller wants one.
enum JSONToken: Sendable, Hashable {
    case beginObject
    case endObject
    case beginArray
    case endArray
    /// An object member's name (unescaped in `text`).
    case key
    /// A string value (unescaped in `text`).
    case string
    /// A number value, its bytes exactly as written in `text`.
    case number
    case literalTrue
    case literalFalse
    case null

    /// `a string`, `an object`…: what a value is, for messages.
    var valueDescription: String {
        switch self {
        case .beginObject, .endObject: "an object"
        case .beginArray, .endArray: "an array"
        case .key, .string: "a string"
        case .number: "a number"
        case .literalTrue: "true"
        case .literalFalse: "false"
        case .null: "null"
        }
    }
}
