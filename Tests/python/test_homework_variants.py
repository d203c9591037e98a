"""Every exercise graded through nbgrader on answers other than the solution's.

For each exercise there are right answers written differently from the solution (a Sobel
filter where the solution has [[1, 1, 1], ...], a layer where it uses a function, a loop
where it uses a list) and wrong answers, several where the checks once had holes (a 5x5
kernel asked as 3x3, 32 * 32 * 2 weights, a residual block without its shortcut). Answers are
handed in as students: student `right-1` gets every exercise's first right answer, `wrong-2`
every exercise's second wrong answer, and so on (an exercise without an answer in a slot gets
its first right one). nbgrader autogrades them with the hidden tests restored, and each
exercise's check cell must score full points for a right answer and none for a wrong one.
Exercises do not depend on one another, so one answer's grade never leans on another's.
"""

import nbformat
import pytest
from nbgrader.api import Gradebook

from notebook_files import SOLUTION_NOTEBOOKS, is_exercise, nbgrader_meta
from test_nbgrader import ASSIGNMENT, generator, nbgrader, submit

# grade_id -> (right answers, wrong answers); each answer is the whole exercise cell.
VARIANTS = {
    # Chapter 1
    "ch1-ex1": (
        ["digit_scaled = raw * (1 / 255)", "digit_scaled = raw / 255.0"],
        ["digit_scaled = raw / 256", "digit_scaled = raw", "digit_scaled = (raw - 128) / 255"],
    ),
    "ch1-ex2": (
        ['conv = Conv2D(filters=8, kernel_size=(3, 3), padding="same", activation="relu")\n'
         "feature_maps = conv(nine)\n"
         "pooled_maps = MaxPooling2D(2)(feature_maps)"],
        ['conv = Conv2D(8, 5, padding="same", activation="relu")\n'
         "feature_maps = conv(nine)\npooled_maps = max_pool(feature_maps, 2)",
         'conv = Conv2D(8, 3, padding="same", activation="relu")\n'
         "feature_maps = conv(nine)\npooled_maps = avg_pool(feature_maps, 2)",
         'conv = Conv2D(8, 3, padding="same")\n'
         "feature_maps = conv(nine)\npooled_maps = max_pool(feature_maps, 2)"],
    ),
    "ch1-ex3": (
        ["pooled = max_pool(homework_grid, pool_size=2, strides=2)",
         "pooled = tensor([[9, 4], [6, 8]])"],
        ["pooled = avg_pool(homework_grid, 2)", "pooled = max_pool(homework_grid, 2, strides=1)",
         "pooled = tensor([[9, 4], [7, 8]])"],
    ),
    # Chapter 2
    "ch2-ex1": (
        ['strided = conv2d(digit, transpose(filter("vertical_edge")), strides=(2, 2), padding="same")'],
        ['strided = conv2d(digit, filter("vertical_edge"), strides=2, padding="same")',
         'strided = conv2d(digit, filter("horizontal_edge"), strides=2)',
         'strided = conv2d(digit, filter("horizontal_edge"), padding="same")'],
    ),
    "ch2-ex2": (
        ["halver = Sequential([Conv2D(filters=16, kernel_size=(3, 3), strides=(2, 2), "
         'padding="same", input_shape=(28, 28, 1))])'],
        ['halver = Sequential([Conv2D(16, 3, padding="same", input_shape=(28, 28, 1)), MaxPooling2D(2)])',
         'halver = Sequential([Conv2D(16, 5, strides=2, padding="same", input_shape=(28, 28, 1))])',
         "halver = Sequential([Conv2D(16, 3, strides=2, input_shape=(28, 28, 1))])"],
    ),
    "ch2-ex3": (
        ["def out_size(n, f, p, s):\n    return int((n + 2 * p - f) / s) + 1\n\nsize_28 = 10"],
        ["def out_size(n, f, p, s):\n    return (n + 2 * p - f) / s + 1\n\nsize_28 = out_size(28, 5, 2, 3)",
         "def out_size(n, f, p, s):\n    return (n + p - f) // s + 1\n\nsize_28 = out_size(28, 5, 2, 3)",
         "def out_size(n, f, p, s):\n    return (n - f) // s + 1\n\nsize_28 = out_size(28, 5, 2, 3)"],
    ),
    # Chapter 3
    "ch3-ex1": (
        ["y1d = tensor([signal[2] - signal[0], signal[3] - signal[1], signal[4] - signal[2], signal[5] - signal[3]])"],
        ["y1d = conv1d(signal, tensor([1, 0, -1]))", "y1d = conv1d(signal, tensor([-1, 1]))",
         "y1d = conv1d(signal, tensor([-1, 0, 1]) * 2)"],
    ),
    "ch3-ex2": (
        ["patch = x2[1:, :3]\nvalue = sum(x2[1:4, 0:3] * k2)"],
        ["patch = x2[0:3, 1:4]\nvalue = sum(patch * k2)", "patch = x2[1:4, 0:3]\nvalue = sum(patch)"],
    ),
    "ch3-ex3": (
        ["weights_32 = weights_per_unit(32, 32, 3)", "weights_32 = 3072"],
        ["weights_32 = 32 * 32 * 2", "weights_32 = 32 * 32", "weights_32 = 32 * 32 * 3 + 1"],
    ),
    "ch3-ex4": (
        ["def my_conv2d(x, k):\n"
         "    out = zeros((x.shape[0] - k.shape[0] + 1, x.shape[1] - k.shape[1] + 1))\n"
         "    for i in range(out.shape[0]):\n"
         "        for j in range(out.shape[1]):\n"
         "            out[i, j] = sum(x[i:i + k.shape[0], j:j + k.shape[1]] * k)\n"
         "    return out\n\n"
         "my_y2 = my_conv2d(x2, k2)"],
        # a true convolution (the filter flipped): the same y2, since k2 is symmetric
        ["def my_conv2d(x, k):\n"
         "    rows = []\n"
         "    for i in range(x.shape[0] - k.shape[0] + 1):\n"
         "        row = []\n"
         "        for j in range(x.shape[1] - k.shape[1] + 1):\n"
         "            row.append(sum(x[i:i + k.shape[0], j:j + k.shape[1]] * k[::-1, ::-1]))\n"
         "        rows.append(row)\n"
         "    return tensor(rows)\n\n"
         "my_y2 = my_conv2d(x2, k2)",
         # square filters only
         "def my_conv2d(x, k):\n"
         "    n = k.shape[0]\n"
         "    rows = []\n"
         "    for i in range(x.shape[0] - n + 1):\n"
         "        row = []\n"
         "        for j in range(x.shape[1] - n + 1):\n"
         "            row.append(sum(x[i:i + n, j:j + n] * k))\n"
         "        rows.append(row)\n"
         "    return tensor(rows)\n\n"
         "my_y2 = my_conv2d(x2, k2)",
         # one position short
         "def my_conv2d(x, k):\n"
         "    rows = []\n"
         "    for i in range(x.shape[0] - k.shape[0]):\n"
         "        row = []\n"
         "        for j in range(x.shape[1] - k.shape[1]):\n"
         "            row.append(sum(x[i:i + k.shape[0], j:j + k.shape[1]] * k))\n"
         "        rows.append(row)\n"
         "    return tensor(rows)\n\n"
         "my_y2 = my_conv2d(x2, k2)"],
    ),
    # Chapter 4
    "ch4-ex1": (
        ["vgg_block = Sequential([\n"
         '    Conv2D(filters=16, kernel_size=(3, 3), padding="same", activation="relu", input_shape=(32, 32, 3)),\n'
         '    Conv2D(filters=16, kernel_size=(3, 3), padding="same", activation="relu"),\n'
         "    MaxPooling2D(pool_size=(2, 2)),\n])"],
        ["vgg_block = Sequential([\n"
         '    Conv2D(16, 3, padding="same", input_shape=(32, 32, 3)),\n'
         '    Conv2D(16, 3, padding="same"),\n    MaxPooling2D(2),\n])',
         "vgg_block = Sequential([\n"
         '    Conv2D(16, 3, padding="same", activation="relu", input_shape=(32, 32, 3)),\n'
         '    Conv2D(16, 3, padding="same", activation="relu"),\n    AveragePooling2D(2),\n])',
         "vgg_block = Sequential([\n"
         '    Conv2D(16, 5, padding="same", activation="relu", input_shape=(32, 32, 3)),\n'
         '    Conv2D(16, 5, padding="same", activation="relu"),\n    MaxPooling2D(2),\n])'],
    ),
    "ch4-ex2": (
        ["bottleneck_macs = macs(Sequential([Conv2D(16, 1, padding=\"same\", input_shape=(28, 28, 192)), "
         "Conv2D(32, 5, padding=\"same\")]))"],
        ["bottleneck_macs = 28 * 28 * 32 * (5 * 5 * 16)",
         "bottleneck_macs = 28 * 28 * 32 * (1 * 1 * 192) + 28 * 28 * 32 * (5 * 5 * 32)",
         "bottleneck_macs = 28 * 28 * 32 * (5 * 5 * 192)"],
    ),
    "ch4-ex3": (
        ["x = Input((16, 16, 8))\n"
         'y = Conv2D(8, 3, padding="same", activation="relu")(x)\n'
         'y = Conv2D(8, 3, padding="same")(y)\n'
         "res_block = Model(x, ReLU()(y + x))"],
        # no shortcut: two convolutions and a ReLU have the same parameters and output shape
        ["x = Input((16, 16, 8))\n"
         'y = Conv2D(8, 3, padding="same", activation="relu")(x)\n'
         'y = Conv2D(8, 3, padding="same")(y)\n'
         "res_block = Model(x, ReLU()(y))",
         "x = Input((16, 16, 8))\n"
         'y = Conv2D(8, 3, padding="same")(x)\n'
         'y = Conv2D(8, 3, padding="same")(y)\n'
         "res_block = Model(x, ReLU()(Add()([y, x])))",
         "x = Input((16, 16, 8))\n"
         'y = Conv2D(8, 3, padding="same", activation="relu")(x)\n'
         'y = Conv2D(8, 3, padding="same")(y)\n'
         "res_block = Model(x, Add()([y, x]))"],
    ),
    # Chapter 5
    "ch5-ex1": (
        # Sobel and a scaled filter: both right, both once rejected by the hidden test
        ["my_horizontal = tensor([[1, 2, 1], [0, 0, 0], [-1, -2, -1]])",
         "my_horizontal = tensor([[2, 2, 2], [0, 0, 0], [-2, -2, -2]])"],
        ["my_horizontal = tensor([[1, 0, -1], [1, 0, -1], [1, 0, -1]])",
         "my_horizontal = tensor([[-1, -1, -1], [0, 0, 0], [1, 1, 1]])",
         "my_horizontal = tensor([[1, 1, 1], [0, 0, 0], [0, 0, 0]])"],
    ),
    "ch5-ex2": (
        ["h_edges = conv2d(top_bright, tensor([[1, 1, 1], [0, 0, 0], [-1, -1, -1]]))"],
        ['h_edges = conv2d(top_bright, filter("vertical_edge"))',
         'h_edges = conv2d(top_bright, filter("horizontal_edge"), padding="same")',
         "h_edges = conv2d(top_bright, tensor([[1, 1, 1], [0, 0, 0], [-1, -1, -1]]) * 2)"],
    ),
    "ch5-ex3": (
        ["edge_strength = abs(vertical) + abs(horizontal)"],
        ["edge_strength = abs(vertical)", "edge_strength = vertical + horizontal",
         "edge_strength = vertical * vertical + horizontal * horizontal"],
    ),
}
SLOTS = 3


def notebook_of(grade_id: str) -> str:
    chapter = grade_id.split("-")[0].removeprefix("ch")
    return next(p.stem for p in SOLUTION_NOTEBOOKS if p.stem.startswith(f"0{chapter}-"))


def students():
    """student -> ({grade_id: answer}, {grade_id: should pass}), notebooks needing it."""
    plan = {}
    for kind, position in (("right", 0), ("wrong", 1)):
        for slot in range(SLOTS):
            answers, expected = {}, {}
            for grade_id, variants in VARIANTS.items():
                if slot < len(variants[position]):
                    answers[grade_id] = variants[position][slot]
                    expected[grade_id] = kind == "right"
            if answers:
                plan[f"{kind}-{slot + 1}"] = (answers, expected)
    return plan


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    course = generator.make_course(tmp_path_factory.mktemp("variants"))
    nbgrader(course, "generate_assignment", ASSIGNMENT, "--force")
    plan = students()
    for student, (answers, _) in plan.items():
        filled = {g: answers.get(g, VARIANTS[g][0][0]) for g in VARIANTS}
        notebooks = sorted({notebook_of(g) for g in answers})
        submit(course, student, notebooks, filled)
    nbgrader(course, "autograde", ASSIGNMENT, "--force")
    return course, plan


def test_every_exercise_has_right_and_wrong_variants():
    solution_exercises = set()
    for path in SOLUTION_NOTEBOOKS:
        for cell in nbformat.read(path, as_version=4).cells:
            if is_exercise(cell):
                solution_exercises.add(nbgrader_meta(cell)["grade_id"])
    assert solution_exercises == set(VARIANTS)
    for grade_id, (right, wrong) in VARIANTS.items():
        assert right and wrong, grade_id


def test_right_answers_pass_and_wrong_answers_fail(graded):
    course, plan = graded
    problems = []
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}", course_id="cnnlab") as gb:
        for student, (answers, expected) in plan.items():
            for grade_id, should_pass in expected.items():
                grade = gb.find_grade(f"{grade_id}-check", notebook_of(grade_id), ASSIGNMENT, student)
                full = grade.score == grade.max_score
                if should_pass and not full:
                    problems.append(f"{grade_id}: a right answer lost points ({student}):\n{answers[grade_id]}")
                if not should_pass and grade.score != 0:
                    problems.append(f"{grade_id}: a wrong answer scored {grade.score} ({student}):\n{answers[grade_id]}")
    assert not problems, "\n\n".join(problems)
