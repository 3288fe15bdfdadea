// Reads a GGUF file's header through gguf.h: metadata copied into Swift values, and a ggml context holding
// one tensor descriptor per weight (no data; the caller binds them to the memory map). Runs once per model.
import CGGML

struct GGUFTensorInfo: Sendable {
    let name: String
    let type: ggml_type
    let shape: [Int]
    /// Byte offset of the data from the start of the file.
    let fileOffset: Int
    let byteCount: Int
}

struct GGUFContents {
    let metadata: GGUFMetadata
    let tensors: [GGUFTensorInfo]
    /// Owns the tensor descriptors (`no_alloc`), named as in the file.
    let context: GGMLContext
}

enum GGUFReader {
    static func read(path: String) throws(ModelLoadError) -> GGUFContents {
        var tensorContext: OpaquePointer? = nil
        let gguf = withUnsafeMutablePointer(to: &tensorContext) { contextPointer in
            gguf_init_from_file(path, gguf_init_params(no_alloc: true, ctx: contextPointer))
        }
        guard let gguf, let tensorContext else { throw .notGGUF(path: path) }
        defer { gguf_free(gguf) }
        let context = GGMLContext(owning: tensorContext)
        var values: [String: GGUFValue] = [:]
        for id in 0..<gguf_get_n_kv(gguf) {
            let key = String(cString: gguf_get_key(gguf, id))
            if let value = readValue(gguf, id) { values[key] = value }
        }
        let dataOffset = gguf_get_data_offset(gguf)
        let tensors = (0..<gguf_get_n_tensors(gguf)).map { id in
            let ne = gguf_get_tensor_ne(gguf, id)!
            var shape = (0..<Int(GGML_MAX_DIMS)).map { Int(ne[$0]) }
            while shape.count > 1, shape.last == 1 { shape.removeLast() }
            return GGUFTensorInfo(
                name: String(cString: gguf_get_tensor_name(gguf, id)), type: gguf_get_tensor_type(gguf, id),
                shape: shape, fileOffset: dataOffset + gguf_get_tensor_offset(gguf, id),
                byteCount: gguf_get_tensor_size(gguf, id))
        }
        return GGUFContents(metadata: GGUFMetadata(values: values), tensors: tensors, context: context)
    }

    private static func readValue(_ gguf: OpaquePointer, _ id: Int64) -> GGUFValue? {
        switch gguf_get_kv_type(gguf, id) {
        case GGUF_TYPE_UINT8: .int(Int(gguf_get_val_u8(gguf, id)))
        case GGUF_TYPE_INT8: .int(Int(gguf_get_val_i8(gguf, id)))
        case GGUF_TYPE_UINT16: .int(Int(gguf_get_val_u16(gguf, id)))
        case GGUF_TYPE_INT16: .int(Int(gguf_get_val_i16(gguf, id)))
        case GGUF_TYPE_UINT32: .int(Int(gguf_get_val_u32(gguf, id)))
        case GGUF_TYPE_INT32: .int(Int(gguf_get_val_i32(gguf, id)))
        case GGUF_TYPE_UINT64: .int(Int(gguf_get_val_u64(gguf, id)))
        case GGUF_TYPE_INT64: .int(Int(gguf_get_val_i64(gguf, id)))
        case GGUF_TYPE_FLOAT32: .float(Double(gguf_get_val_f32(gguf, id)))
        case GGUF_TYPE_FLOAT64: .float(gguf_get_val_f64(gguf, id))
        case GGUF_TYPE_BOOL: .bool(gguf_get_val_bool(gguf, id))
        case GGUF_TYPE_STRING: .string(String(cString: gguf_get_val_str(gguf, id)))
        case GGUF_TYPE_ARRAY: readArray(gguf, id)
        default: nil
        }
    }

    private static func readArray(_ gguf: OpaquePointer, _ id: Int64) -> GGUFValue? {
        let count = gguf_get_arr_n(gguf, id)
        let type = gguf_get_arr_type(gguf, id)
        if type == GGUF_TYPE_STRING {
            return .strings((0..<count).map { String(cString: gguf_get_arr_str(gguf, id, $0)) })
        }
        guard let data = gguf_get_arr_data(gguf, id) else { return count == 0 ? .ints([]) : nil }
        func copy<T>(_: T.Type) -> [T] { Array(UnsafeBufferPointer(start: data.assumingMemoryBound(to: T.self), count: count)) }
        switch type {
        case GGUF_TYPE_UINT8, GGUF_TYPE_BOOL: return .bytes(copy(UInt8.self))
        case GGUF_TYPE_INT8: return .ints(copy(Int8.self).map(Int.init))
        case GGUF_TYPE_INT32: return .ints(copy(Int32.self).map(Int.init))
        case GGUF_TYPE_UINT32: return .ints(copy(UInt32.self).map(Int.init))
        case GGUF_TYPE_INT64: return .ints(copy(Int64.self).map(Int.init))
        case GGUF_TYPE_UINT64: return .ints(copy(UInt64.self).map { Int($0) })
        case GGUF_TYPE_FLOAT32: return .floats(copy(Float.self))
        case GGUF_TYPE_FLOAT64: return .floats(copy(Double.self).map(Float.init))
        default: return nil
        }
    }
}
