// CKernels' tiled linear layer against a Float64 reference computed from ggml's own dequantised weights, for
// each weight format and for shapes that leave partial tiles (rows not a multiple of 6 or 8, odd column counts),
// strided input columns, and more threads than row tiles; with AVX2 and, where the CPU has it, AVX-512.
@testable import Inference
import CGGML
import CKernels
import TestSupport
import Testing

@Suite(.enabled(if: CPUKernels.available, "CKernels need AVX2, FMA and F16C"))
struct LinearKernelTests {
    struct Shape: Sendable, CustomTestStringConvertible {
        let inner, rows, columns, threads: Int
        var testDescription: String { "\(rows)×\(inner) · \(inner)×\(columns), \(threads) threads" }
    }

    static let shapes = [
        Shape(inner: 64, rows: 13, columns: 7, threads: 3), Shape(inner: 32, rows: 1, columns: 1, threads: 2),
        Shape(inner: 96, rows: 50, columns: 33, threads: 2), Shape(inner: 256, rows: 6, columns: 2, threads: 1),
        Shape(inner: 64, rows: 4, columns: 5, threads: 4),
        Shape(inner: 4096, rows: 7, columns: 101, threads: 2),  // several column blocks: f32 on any L2 up to 2 MiB, int8 up to 1 MiB
    ]

    static let formats = ["f32", "f16", "q8_0"]

    /// AVX2 always; AVX-512 too where this CPU has it.
    static let isas = CPUKernels.isa == DRAGOMAN_ISA_AVX512 ? [DRAGOMAN_ISA_AVX2, DRAGOMAN_ISA_AVX512] : [DRAGOMAN_ISA_AVX2]

    static func type(_ format: String) -> ggml_type {
        switch format {
        case "f16": GGML_TYPE_F16
        case "q8_0": GGML_TYPE_Q8_0
        default: GGML_TYPE_F32
        }
    }

    @Test(arguments: formats, shapes) func matchesFloat64Reference(format: String, shape: Shape) throws {
        for isa in Self.isas { try check(format: format, shape: shape, isa: isa) }
    }

    func check(format: String, shape: Shape, isa: dragoman_isa) throws {
        let context = GGMLContext(owning: ggml_init(ggml_init_params(mem_size: 16 << 20, mem_buffer: nil, no_alloc: false))!)
        let ctx = context.pointer
        var random = SeededGenerator(state: UInt64(shape.rows * 1000 + shape.columns))
        let (weight, dequantized) = Self.weights(ctx, Self.type(format), shape, &random)
        // Every other column of a wider tensor, so the input column stride is not `inner`.
        let wide = ggml_new_tensor_2d(ctx, GGML_TYPE_F32, Int64(shape.inner), Int64(2 * shape.columns))!
        let inputs = Self.fill(wide, count: shape.inner * 2 * shape.columns, &random)
        let x = ggml_view_2d(ctx, wide, Int64(shape.inner), Int64(shape.columns), 2 * wide.pointee.nb.1, 0)!
        let bias = ggml_new_tensor_1d(ctx, GGML_TYPE_F32, Int64(shape.rows))!
        let biases = Self.fill(bias, count: shape.rows, &random)

        let y = try #require(TiledLinear.node(ctx, weight: weight, x: x, bias: bias, isa: isa))
        let output = Self.compute(ctx, y, threads: shape.threads)
        for column in 0..<shape.columns {
            for row in 0..<shape.rows {
                var (sum, magnitude) = (Double(biases[row]), abs(Double(biases[row])))
                for i in 0..<shape.inner {
                    let term = Double(dequantized[row * shape.inner + i]) * Double(inputs[2 * column * shape.inner + i])
                    (sum, magnitude) = (sum + term, magnitude + abs(term))
                }
                let got = Double(output[column * shape.rows + row])
                #expect(abs(got - sum) <= 1e-6 * magnitude + 1e-6, "\(isa) row \(row) column \(column): \(got) vs \(sum)")
            }
        }
    }

    @Test func declinesWhatItDoesNotCompute() {
        let context = GGMLContext(tensorCount: 16)
        let ctx = context.pointer
        let bias = ggml_new_tensor_1d(ctx, GGML_TYPE_F32, 8)!
        let x = ggml_new_tensor_2d(ctx, GGML_TYPE_F32, 64, 3)!
        let q4 = ggml_new_tensor_2d(ctx, GGML_TYPE_Q4_0, 64, 8)!
        #expect(TiledLinear.node(ctx, weight: q4, x: x, bias: bias) == nil)
        let ragged = ggml_new_tensor_2d(ctx, GGML_TYPE_F32, 12, 8)!  // inner not a multiple of 8
        #expect(TiledLinear.node(ctx, weight: ragged, x: ggml_new_tensor_2d(ctx, GGML_TYPE_F32, 12, 3)!, bias: bias) == nil)
        let f32 = ggml_new_tensor_2d(ctx, GGML_TYPE_F32, 64, 8)!
        let transposed = ggml_transpose(ctx, ggml_new_tensor_2d(ctx, GGML_TYPE_F32, 3, 64)!)!
        #expect(TiledLinear.node(ctx, weight: f32, x: transposed, bias: bias) == nil)
        #expect(TiledLinear.node(ctx, weight: f32, x: x, bias: bias) != nil)
    }

    /// A weight tensor of `type` holding random values, and those values as ggml reads them back (after rounding).
    static func weights(_ ctx: OpaquePointer, _ type: ggml_type, _ shape: Shape, _ random: inout SeededGenerator)
        -> (Tensor, [Float])
    {
        let count = shape.inner * shape.rows
        let values = (0..<count).map { _ in random.nextSigned() }
        let weight = ggml_new_tensor_2d(ctx, type, Int64(shape.inner), Int64(shape.rows))!
        guard type != GGML_TYPE_F32 else {
            values.withUnsafeBytes { weight.pointee.data.copyMemory(from: $0.baseAddress!, byteCount: $0.count) }
            return (weight, values)
        }
        let traits = ggml_get_type_traits(type)!.pointee
        traits.from_float_ref(values, weight.pointee.data, Int64(count))
        var dequantized = [Float](repeating: 0, count: count)
        traits.to_float(weight.pointee.data, &dequantized, Int64(count))
        return (weight, dequantized)
    }

    /// Computes `y` on `threads` of ggml's threads and returns its values.
    static func compute(_ ctx: OpaquePointer, _ y: Tensor, threads: Int) -> UnsafeBufferPointer<Float> {
        let graph = ggml_new_graph(ctx)!
        ggml_build_forward_expand(graph, y)
        #expect(ggml_graph_compute_with_ctx(ctx, graph, Int32(threads)) == GGML_STATUS_SUCCESS)
        return UnsafeBufferPointer(start: y.pointee.data.assumingMemoryBound(to: Float.self), count: Int(ggml_nelements(y)))
    }

    static func fill(_ tensor: Tensor, count: Int, _ random: inout SeededGenerator) -> [Float] {
        let values = (0..<count).map { _ in random.nextSigned() }
        values.withUnsafeBytes { tensor.pointee.data.copyMemory(from: $0.baseAddress!, byteCount: $0.count) }
        return values
    }
}

extension SeededGenerator {
    /// Uniform in [-1, 1).
    mutating func nextSigned() -> Float { Float(next() >> 40) / Float(1 << 23) - 1 }
}

// The integer kernel in two halves: re-quantising Q8_0 rows stays within half a step of ggml's dequantised values,
// and the layer computes exactly Σ q_w·q_x scaled, with the columns quantised the way the kernel does it.
@Suite(.enabled(if: CPUKernels.available, "CKernels need AVX2, FMA and F16C"))
struct IntegerLinearKernelTests {
    static let shapes = LinearKernelTests.shapes + [
        LinearKernelTests.Shape(inner: 160, rows: 17, columns: 4, threads: 2),  // a last half step of 32 bytes
    ]

    /// A column quantised as the kernel does: one symmetric scale, rounding to nearest even.
    static func quantize(_ x: ArraySlice<Float>) -> (values: [Int32], scale: Float) {
        let maximum = x.map(abs).max() ?? 0
        let factor: Float = maximum > 0 ? 127 / maximum : 0
        return (x.map { Int32(($0 * factor).rounded(.toNearestOrEven)) }, maximum / 127)
    }

    @Test(arguments: shapes) func requantisedRowsStayWithinHalfAStep(shape: LinearKernelTests.Shape) throws {
        let context = GGMLContext(owning: ggml_init(ggml_init_params(mem_size: 16 << 20, mem_buffer: nil, no_alloc: false))!)
        var random = SeededGenerator(state: UInt64(shape.rows * 7 + shape.inner))
        let (weight, dequantized) = LinearKernelTests.weights(context.pointer, GGML_TYPE_Q8_0, shape, &random)
        let integer = try #require(IntegerWeights(requantizing: weight))
        for row in 0..<shape.rows {
            let original = dequantized[row * shape.inner..<(row + 1) * shape.inner]
            let scale = integer.scales[row]
            #expect(abs(scale - original.map(abs).max()! / 127) <= 1e-6 * scale)
            let rowValues = UnsafeBufferPointer(start: integer.values + row * shape.inner, count: shape.inner)
            #expect(integer.sums[row] == rowValues.reduce(0) { $0 + Int32($1) })
            for (i, value) in original.enumerated() {
                let q = integer.values[row * shape.inner + i]
                #expect(abs(q) <= 127)
                #expect(abs(Float(q) * scale - value) <= scale / 2 * 1.0001, "row \(row) value \(i)")
            }
        }
    }

    @Test(arguments: shapes) func computesTheScaledIntegerDotProducts(shape: LinearKernelTests.Shape) throws {
        for isa in LinearKernelTests.isas { try check(shape: shape, isa: isa) }
    }

    func check(shape: LinearKernelTests.Shape, isa: dragoman_isa) throws {
        let context = GGMLContext(owning: ggml_init(ggml_init_params(mem_size: 16 << 20, mem_buffer: nil, no_alloc: false))!)
        let ctx = context.pointer
        var random = SeededGenerator(state: UInt64(shape.rows * 1000 + shape.columns))
        let (weight, _) = LinearKernelTests.weights(ctx, GGML_TYPE_Q8_0, shape, &random)
        let integer = try #require(IntegerWeights(requantizing: weight, isa: isa))
        let wide = ggml_new_tensor_2d(ctx, GGML_TYPE_F32, Int64(shape.inner), Int64(2 * shape.columns))!
        let inputs = LinearKernelTests.fill(wide, count: shape.inner * 2 * shape.columns, &random)
        let x = ggml_view_2d(ctx, wide, Int64(shape.inner), Int64(shape.columns), 2 * wide.pointee.nb.1, 0)!
        let bias = ggml_new_tensor_1d(ctx, GGML_TYPE_F32, Int64(shape.rows))!
        let biases = LinearKernelTests.fill(bias, count: shape.rows, &random)

        let y = try #require(IntegerLinear.node(ctx, weights: integer, x: x, bias: bias))
        let output = LinearKernelTests.compute(ctx, y, threads: shape.threads)
        for column in 0..<shape.columns {
            let start = 2 * column * shape.inner
            let (q, scale) = Self.quantize(inputs[start..<start + shape.inner])
            for row in 0..<shape.rows {
                let dot = (0..<shape.inner).reduce(Int64(0)) { $0 + Int64(integer.values[row * shape.inner + $1]) * Int64(q[$1]) }
                let expected = Double(dot) * Double(integer.scales[row]) * Double(scale) + Double(biases[row])
                let got = Double(output[column * shape.rows + row])
                #expect(abs(got - expected) <= 1e-5 * abs(expected) + 1e-5, "\(isa) row \(row) column \(column): \(got) vs \(expected)")
            }
        }
    }

    @Test func looksRowsUpAsScaledFloats() throws {
        let context = GGMLContext(owning: ggml_init(ggml_init_params(mem_size: 1 << 20, mem_buffer: nil, no_alloc: false))!)
        let ctx = context.pointer
        var random = SeededGenerator(state: 11)
        let shape = LinearKernelTests.Shape(inner: 64, rows: 9, columns: 1, threads: 2)
        let integer = try #require(IntegerWeights(requantizing: LinearKernelTests.weights(ctx, GGML_TYPE_Q8_0, shape, &random).0))
        let ids: [Int32] = [3, 0, 8, 3, 5]
        let idTensor = ggml_new_tensor_1d(ctx, GGML_TYPE_I32, Int64(ids.count))!
        ids.withUnsafeBytes { idTensor.pointee.data.copyMemory(from: $0.baseAddress!, byteCount: $0.count) }
        let rows = try #require(IntegerRows.node(ctx, weights: integer, ids: idTensor))
        let output = LinearKernelTests.compute(ctx, rows, threads: 2)
        for (n, id) in ids.enumerated() {
            for i in 0..<64 {
                #expect(output[n * 64 + i] == Float(integer.values[Int(id) * 64 + i]) * integer.scales[Int(id)])
            }
        }
    }

    @Test func declinesInputsItDoesNotCompute() throws {
        let context = GGMLContext(owning: ggml_init(ggml_init_params(mem_size: 1 << 20, mem_buffer: nil, no_alloc: false))!)
        let ctx = context.pointer
        #expect(IntegerWeights(requantizing: ggml_new_tensor_2d(ctx, GGML_TYPE_F32, 64, 8)!) == nil)
        let integer = try #require(IntegerWeights(requantizing: ggml_new_tensor_2d(ctx, GGML_TYPE_Q8_0, 64, 8)!))
        let bias = ggml_new_tensor_1d(ctx, GGML_TYPE_F32, 8)!
        #expect(IntegerLinear.node(ctx, weights: integer, x: ggml_new_tensor_2d(ctx, GGML_TYPE_F32, 32, 3)!, bias: bias) == nil)
        #expect(IntegerLinear.node(ctx, weights: integer, x: ggml_new_tensor_2d(ctx, GGML_TYPE_F16, 64, 3)!, bias: bias) == nil)
        #expect(IntegerLinear.node(ctx, weights: integer, x: ggml_new_tensor_2d(ctx, GGML_TYPE_F32, 64, 3)!, bias: bias) != nil)
    }
}
