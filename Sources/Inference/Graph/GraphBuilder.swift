// The few ggml building blocks both Marian graphs share: linear layers, post-layer-norm, activations, attention.
// Shapes are in ggml order (ne0 first): a hidden state is [d_model, tokens]; a head view is [head_dim, seq, heads, X].
import CGGML

struct GraphBuilder {
    let ctx: OpaquePointer
    let graph: OpaquePointer
    let heads: Int
    let headDim: Int
    let linearKernel: LinearKernel

    /// PyTorch's nn.LayerNorm default epsilon, which Marian uses.
    static let layerNormEpsilon: Float = 1e-5
    /// Marian graphs are small (≈ 40 nodes a layer); this leaves room for 48-layer stacks.
    static let maxNodes = 4096

    init(context: GGMLContext, heads: Int, dModel: Int, linearKernel: LinearKernel) {
        ctx = context.pointer
        graph = ggml_new_graph_custom(context.pointer, Self.maxNodes, false)
        self.heads = heads
        headDim = dModel / heads
        self.linearKernel = linearKernel
    }

    private init(ctx: OpaquePointer, graph: OpaquePointer, heads: Int, headDim: Int, linearKernel: LinearKernel) {
        (self.ctx, self.graph, self.heads, self.headDim) = (ctx, graph, heads, headDim)
        self.linearKernel = linearKernel
    }

    /// The same graph seen with another head count (the encoder graph also computes decoder cross-attention K/V).
    func with(heads: Int) -> GraphBuilder {
        GraphBuilder(
            ctx: ctx, graph: graph, heads: heads, headDim: headDim * self.heads / heads, linearKernel: linearKernel)
    }

    func input(_ type: ggml_type, _ ne: [Int]) -> Tensor {
        let tensor: Tensor = switch ne.count {
        case 1: ggml_new_tensor_1d(ctx, type, Int64(ne[0]))
        case 2: ggml_new_tensor_2d(ctx, type, Int64(ne[0]), Int64(ne[1]))
        case 3: ggml_new_tensor_3d(ctx, type, Int64(ne[0]), Int64(ne[1]), Int64(ne[2]))
        default: ggml_new_tensor_4d(ctx, type, Int64(ne[0]), Int64(ne[1]), Int64(ne[2]), Int64(ne[3]))
        }
        ggml_set_input(tensor)
        return tensor
    }

    /// Adds `tensor` and everything it depends on to the graph now, so it runs before nodes added later.
    func expand(_ tensor: Tensor) { ggml_build_forward_expand(graph, tensor) }

    /// weight·x + bias, through the configured kernel when it takes these tensors.
    func linear(_ x: Tensor, _ w: LinearWeights) -> Tensor {
        if linearKernel == .integer, let integer = w.integer,
           let y = IntegerLinear.node(ctx, weights: integer, x: x, bias: w.bias) { return y }
        if linearKernel != .ggml, let y = TiledLinear.node(ctx, weight: w.weight, x: x, bias: w.bias) { return y }
        return ggml_add(ctx, ggml_mul_mat(ctx, w.weight, x), w.bias)
    }

    /// Rows of an embedding table for `tokens` [n]. Where the table is the output projection's (tied, as OPUS-MT's
    /// are) and the integer kernel runs, they come from its int8 copy, so the Q8_0 table is not faulted back in
    /// from the file: one copy of the table in memory, not two.
    func embed(_ table: Tensor, tokens: Tensor, output: LinearWeights) -> Tensor {
        if linearKernel == .integer, table == output.weight, let integer = output.integer,
           let rows = IntegerRows.node(ctx, weights: integer, ids: tokens) {
            return rows
        }
        return ggml_get_rows(ctx, table, tokens)
    }

    /// Marian is post-norm: LayerNorm(residual + sublayer), with learned scale and shift.
    func addAndNorm(_ residual: Tensor, _ sublayer: Tensor, _ n: NormWeights) -> Tensor {
        if linearKernel != .ggml,
           let fused = FusedAddNorm.node(ctx, residual: residual, sublayer: sublayer, weight: n.weight, bias: n.bias) {
            return fused
        }
        let sum = ggml_add(ctx, residual, sublayer)
        return ggml_add(ctx, ggml_mul(ctx, ggml_norm(ctx, sum, Self.layerNormEpsilon), n.weight), n.bias)
    }

    func activate(_ x: Tensor, _ activation: Activation) -> Tensor {
        switch activation {
        case .swish, .silu: ggml_silu(ctx, x)
        case .relu: ggml_relu(ctx, x)
        case .gelu: ggml_gelu_erf(ctx, x)  // Hugging Face "gelu" is the exact erf form
        case .geluNew: ggml_gelu(ctx, x)   // "gelu_new" is the tanh approximation
        }
    }

    func feedForward(_ x: Tensor, _ w: FeedForwardWeights, _ activation: Activation) -> Tensor {
        let hidden = activate(linear(x, w.up), activation)
        return addAndNorm(x, linear(hidden, w.down), w.norm)
    }

    /// [d, seq·X] → [head_dim, seq, heads, X] (a strided view; ggml_mul_mat reads it in place).
    func splitHeads(_ x: Tensor, seq: Int, batch: Int) -> Tensor {
        let shaped = ggml_reshape_4d(ctx, x, Int64(headDim), Int64(heads), Int64(seq), Int64(batch))
        return ggml_permute(ctx, shaped, 0, 2, 1, 3)
    }

    /// [d, seq·X] → contiguous [seq, head_dim, heads, X]: values laid out so that scores·V is one mul_mat.
    func splitHeadsTransposed(_ x: Tensor, seq: Int, batch: Int) -> Tensor {
        let shaped = ggml_reshape_4d(ctx, x, Int64(headDim), Int64(heads), Int64(seq), Int64(batch))
        return ggml_cont(ctx, ggml_permute(ctx, shaped, 1, 2, 0, 3))
    }

    /// softmax(q·kᵀ/√head_dim + mask)·v for q [hd, Sq, heads, X], k [hd, Sk, heads, X] and v [hd, Sk, heads, X],
    /// or `valuesTransposed` [Sk, hd, heads, X]; returns the heads merged back to [d, Sq·X].
    /// One fused node where our kernels run; otherwise ggml's ops, which need the values transposed and contiguous.
    func attend(q: Tensor, k: Tensor, v: Tensor, valuesTransposed: Bool, mask: Tensor?) -> Tensor {
        if linearKernel != .ggml,
           let fused = FusedAttention.node(ctx, q: q, k: k, v: v, valuesTransposed: valuesTransposed, mask: mask) {
            return fused
        }
        let vT = valuesTransposed ? v : ggml_cont(ctx, ggml_permute(ctx, v, 1, 0, 2, 3))!
        return attendWithGGML(q: q, k: k, vT: vT, mask: mask)
    }

    /// Hugging Face scales the scores, which equals scaling q.
    private func attendWithGGML(q: Tensor, k: Tensor, vT: Tensor, mask: Tensor?) -> Tensor {
        let scores = ggml_mul_mat(ctx, k, q)
        let weights = ggml_soft_max_ext(ctx, scores, mask, 1 / Float(headDim).squareRoot(), 0)
        let context = ggml_mul_mat(ctx, vT, weights)  // [hd, Sq, heads, X]
        let merged = ggml_cont(ctx, ggml_permute(ctx, context, 0, 2, 1, 3))
        return ggml_reshape_2d(ctx, merged, Int64(headDim * heads), Int64(q.pointee.ne.1 * q.pointee.ne.3))
    }
}
