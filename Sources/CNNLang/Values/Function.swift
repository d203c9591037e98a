/// A function defined with `def`. It keeps its cell's source so errors inside it can show
/// their line after later cells ran.
public final class Function {
  let declaration: FunctionDecl
  let file: SourceFile
  let parameters: [Parameter]

  init(declaration: FunctionDecl, file: SourceFile, parameters: [Parameter]) {
    self.declaration = declaration
    self.file = file
    self.parameters = parameters
  }

  public var name: String { declaration.name }
  public var doc: String? { declaration.doc }
  public var signature: String { Parameter.signature(name: name, parameters) }
}
