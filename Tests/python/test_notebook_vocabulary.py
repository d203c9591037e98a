"""The notebooks stay inside the CNN Lab language contract.

CNN Lab cells are Python-flavoured, so Python's own parser reads them; that lets this test,
which needs no kernel, catch a misspelt built-in, an argument the contract does not define, or
a Python-only construct (imports, classes, comprehensions, lambdas, dicts, magics) before
the notebooks ever reach the kernel.
"""

import ast

import nbformat
import pytest

from notebook_files import SOLUTION_NOTEBOOKS, STUDENT_NOTEBOOKS

# Callables the notebooks may use, with the keyword arguments the contract gives them.
BUILTINS = {
    "tensor": set(), "zeros": set(), "ones": set(), "full": set(), "arange": set(),
    "random": {"seed"}, "randn": {"seed"}, "image": {"gray"}, "digits": {"n", "seed"},
    "filter": set(),
    "conv2d": {"strides", "padding"}, "conv1d": {"strides", "padding"}, "pad": {"value"},
    "max_pool": {"pool_size", "strides", "padding"}, "avg_pool": {"pool_size", "strides", "padding"},
    "min_pool": {"pool_size", "strides", "padding"}, "global_avg_pool": set(),
    "global_max_pool": set(), "relu": set(), "tanh": set(), "sigmoid": set(), "softmax": set(),
    "flatten": set(), "reshape": set(), "transpose": set(), "concat": {"axis"},
    "sum": set(), "mean": set(), "max": set(), "min": set(), "argmax": set(), "abs": set(),
    "round": set(), "all": {"axis"}, "any": {"axis"}, "allclose": {"rtol", "atol"},
    "isclose": {"rtol", "atol"}, "array_equal": set(),
    "Input": {"shape"},
    "Conv2D": {"filters", "kernel_size", "strides", "padding", "activation", "use_bias",
               "weights", "seed", "input_shape"},
    "MaxPooling2D": {"pool_size", "strides", "padding", "input_shape"},
    "AveragePooling2D": {"pool_size", "strides", "padding", "input_shape"},
    "GlobalAveragePooling2D": {"input_shape"}, "Flatten": {"input_shape"},
    "Dense": {"units", "activation", "use_bias", "input_shape"}, "ReLU": set(),
    "Add": set(), "Concatenate": {"axis"},
    "Sequential": {"name"}, "Model": {"name"},
    "summary": set(), "macs": set(), "features": set(), "explain": {"at"},
    "show": {"cmap", "mode", "title", "scale"}, "show_filters": {"title", "cmap"},
    "print": {"sep", "end"}, "range": set(),
    "LeNet5": set(), "AlexNet": {"groups"}, "VGG16": set(), "GoogLeNet": set(),
    "ResNet18": set(), "ResNet50": set(),
    # Widgets (chapter 4).
    "explore": set(),
    # Training (chapter 6).
    "SGD": {"learning_rate", "momentum", "nesterov"}, "Adam": {"learning_rate"},
    "float": set(), "str": set(), "type": set(), "int": set(), "len": set(),
    "confusion_matrix": {"class_names"}, "show_mistakes": {"n", "class_names"},
}
ATTRIBUTES = {"shape", "kernel", "bias", "weights", "output", "output_shape", "layers",
              "count_params", "get_layer", "name", "append", "startswith",
              # Training (chapter 6).
              "compile", "fit", "evaluate", "predict", "train_on_batch", "get_weights",
              "set_weights", "trainable", "history", "epoch", "input_shape", "load_data",
              "class_names"}
# Python syntax the language does not have.
FORBIDDEN = (ast.Import, ast.ImportFrom, ast.ClassDef, ast.Lambda, ast.ListComp, ast.SetComp,
             ast.DictComp, ast.GeneratorExp, ast.Dict, ast.Set, ast.With, ast.Try, ast.Global,
             ast.Yield, ast.Await, ast.AsyncFunctionDef, ast.Starred, ast.NamedExpr)


def code_cells(path):
    return [c for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code"]


def defined_names(trees) -> set:
    """Functions, layers and models the notebook itself defines (callable afterwards)."""
    names = set()
    for tree in trees:
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef):
                names.add(node.name)
            elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                names.add(node.id)
    return names


@pytest.mark.parametrize("path", STUDENT_NOTEBOOKS + SOLUTION_NOTEBOOKS,
                         ids=lambda p: f"{p.parent.name}/{p.name}")
def test_cells_use_only_the_language(path):
    trees = [(cell.id, ast.parse(cell.source)) for cell in code_cells(path)]
    own = defined_names(tree for _, tree in trees)
    problems = []
    for cell_id, tree in trees:
        for node in ast.walk(tree):
            if isinstance(node, FORBIDDEN):
                problems.append(f"{cell_id}: {type(node).__name__} is not in the language")
            elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                name = node.func.id
                if name in BUILTINS:
                    unknown = {k.arg for k in node.keywords} - BUILTINS[name]
                    if unknown:
                        problems.append(f"{cell_id}: {name}() has no argument {sorted(unknown)}")
                elif name not in own:
                    problems.append(f"{cell_id}: unknown function {name}()")
            elif isinstance(node, ast.Attribute) and node.attr not in ATTRIBUTES:
                problems.append(f"{cell_id}: unknown attribute .{node.attr}")
    assert not problems, "\n".join(problems)
