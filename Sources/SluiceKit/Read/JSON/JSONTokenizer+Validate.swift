/// Whole-document mode: the conformance tests and any caller that only needs a yes or no.
extension JSONTokenizer {
    /// Checks that `bytes` are one complete JSON document, fed in chunks of `chunkSize` bytes.
    static func validate(_ bytes: UnsafeBufferPointer<UInt8>, chunkSize: Int = 1 << 20) throws(JSONSyntaxError) {
        precondition(chunkSize > 0, "chunks must hold at least one byte")
        var tokenizer = JSONTokenizer()
        var start = 0
        while start < bytes.count {
            let piece = UnsafeBufferPointer(rebasing: bytes[start..<min(bytes.count, start + chunkSize)])
            var index = 0
            while index < piece.count {
                _ = try tokenizer.next(in: piece, at: &index)
            }
            start += piece.count
        }
        while try tokenizer.finish() != nil {}
    }

    /// Checks `bytes`; the same as the buffer form.
    static func validate(_ bytes: [UInt8], chunkSize: Int = 1 << 20) throws(JSONSyntaxError) {
        try bytes.withUnsafeBufferPointer { buffer throws(JSONSyntaxError) in
            try validate(buffer, chunkSize: chunkSize)
        }
    }
}
