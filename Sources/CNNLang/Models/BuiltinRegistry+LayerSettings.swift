import TensorEngine

// A layer's settings read back as Keras names them: conv.filters, conv.kernel_size,
// conv.strides, conv.padding, conv.activation, dense.units, pool.pool_size, dropout.rate,
// and layer.get_weights().
extension BuiltinRegistry {
  mutating func addLayerSettings() {
    func setting(_ name: String, _ doc: String, _ read: @escaping (LayerKind) -> Value?) {
      addProperty(Property(name, doc: doc) { (v) throws(RuntimeError) in
        guard case .layer(let l) = v else { return .none }
        guard let value = read(l.kind) else { throw RuntimeError(.noAttribute(type: l.kind.typeName, name: name)) }
        return value
      }, to: "layer")
    }
    func pair(_ s: Size2) -> Value { .tuple([.number(Double(s.height)), .number(Double(s.width))]) }
    func paddingName(_ p: Padding) -> Value {
      switch p {
      case .valid: return .string("valid")
      case .same: return .string("same")
      case .explicit(let before, _): return .number(Double(before))
      }
    }
    func convolution(_ kind: LayerKind) -> ConvSettings? {
      switch kind {
      case .conv2d(let c), .conv1d(let c): return c
      default: return nil
      }
    }

    setting("filters", "A convolution's number of filters (output channels).") { kind in
      convolution(kind).map { .number(Double($0.filters)) }
    }
    setting("kernel_size", "A convolution's window, as a pair (kh, kw): Conv2D(8, 3).kernel_size is (3, 3).") { kind in
      convolution(kind).map { pair($0.kernel) }
    }
    setting("strides", "A convolution's or pooling's step, as a pair: (1, 1) by default; a pooling's is its pool size unless given.") { kind in
      if let c = convolution(kind) { return pair(c.strides) }
      if case .pool(_, let size, let strides, _) = kind { return pair(strides ?? size) }
      return nil
    }
    setting("padding", "\"valid\" or \"same\" for a convolution or pooling.") { kind in
      if let c = convolution(kind) { return paddingName(c.padding) }
      if case .pool(_, _, _, let padding) = kind { return paddingName(padding) }
      return nil
    }
    setting("activation", "The activation's name: \"relu\", \"softmax\", ... (\"linear\" for none).") { kind in
      switch kind {
      case .conv2d(let c), .conv1d(let c): return .string(c.activation.rawValue)
      case .dense(_, let activation, _): return .string(activation.rawValue)
      case .activation(let activation): return .string(activation.rawValue)
      default: return nil
      }
    }
    setting("units", "A Dense layer's number of outputs.") { kind in
      if case .dense(let units, _, _) = kind { return .number(Double(units)) }
      return nil
    }
    setting("pool_size", "A pooling layer's window, as a pair: MaxPooling2D().pool_size is (2, 2).") { kind in
      if case .pool(_, let size, _, _) = kind { return pair(size) }
      return nil
    }
    setting("rate", "A Dropout layer's rate.") { kind in
      if case .dropout(let rate) = kind { return .number(rate) }
      return nil
    }

    addMethod(Builtin("get_weights", [Parameter("self")], kind: "method", doc: "The list [kernel, bias] as tensors, as Keras's get_weights() gives them ([] for a layer without weights).") {
      (args, ev) throws(RuntimeError) in try ev.attribute(of: args["self"], "weights")
    }, to: "layer")
  }
}
