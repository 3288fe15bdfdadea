// http_parser's C callbacks: plain functions that find their decoder through `parser.data` (set in init; the
// decoder outlives every parse call it makes, so an unretained reference is safe).
import CHTTPParser

extension HTTPDecoder {
    static func callbacks() -> http_parser_settings {
        var settings = http_parser_settings()
        settings.on_url = { parser, data, length in
            decoder(of: parser).message.url.append(contentsOf: UnsafeRawBufferPointer(start: data, count: length))
            return 0
        }
        settings.on_header_field = { parser, data, length in
            decoder(of: parser).message.appendField(UnsafeRawBufferPointer(start: data, count: length)) ? 0 : 1
        }
        settings.on_header_value = { parser, data, length in
            decoder(of: parser).message.appendValue(UnsafeRawBufferPointer(start: data, count: length))
            return 0
        }
        settings.on_headers_complete = { parser in decoder(of: parser).headersComplete() }
        settings.on_body = { parser, data, length in
            let owner = decoder(of: parser)
            guard owner.message.body.count + length <= owner.maxBodyBytes else {
                owner.message.pendingError = .payloadTooLarge(limit: owner.maxBodyBytes)
                return 1
            }
            owner.message.body.append(contentsOf: UnsafeRawBufferPointer(start: data, count: length))
            return 0
        }
        settings.on_message_complete = { parser in decoder(of: parser).messageComplete() }
        return settings
    }

}

private func decoder(of parser: UnsafeMutablePointer<http_parser>?) -> HTTPDecoder {
    Unmanaged<HTTPDecoder>.fromOpaque(parser!.pointee.data).takeUnretainedValue()
}
