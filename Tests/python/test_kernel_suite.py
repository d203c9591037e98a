"""The official Jupyter kernel test suite (jupyter_kernel_test), every attribute set."""
import unittest

import jupyter_kernel_test as jkt


class CNNLabKernelTests(jkt.KernelTests):
    kernel_name = "cnnlab"
    language_name = "cnnlab"
    file_extension = ".cnn"

    code_hello_world = 'print("hello, world")'
    code_stderr = 'print("careful", file=stderr)'

    completion_samples = [
        {"text": "pri", "matches": ["print"]},
        {"text": "clear_o", "matches": ["clear_output"]},
        {"text": "x = len", "matches": ["len"]},
    ]
    complete_code_samples = ["1 + 2", 'print("hi")', "x = [1, 2]", "for i in range(3):\n    print(i)\n\n"]
    incomplete_code_samples = ["for i in range(3):", "x = [1,", "print(", "if True:\n    x = 1"]
    invalid_code_samples = ["1 +* 2", ")", "x = ]"]

    code_page_something = "help(print)"
    code_generate_error = "undefined_name + 1"

    code_execute_result = [
        {"code": "1 + 2", "result": "3"},
        {"code": "7 / 2", "result": "3.5"},
        {"code": "'cnn'", "result": "'cnn'"},
        {"code": "[1, 2] + [3]", "result": "[1, 2, 3]"},
        {"code": "(32, 32, 1)", "result": "(32, 32, 1)"},
    ]
    code_display_data = [
        {"code": 'show("a feature map")', "mime": "text/plain"},
        {"code": 'show(image("digit9"))', "mime": "image/png"},
    ]
    code_history_pattern = "7 / *"
    supported_history_operations = ("tail", "range", "search")

    code_inspect_sample = "print"
    code_clear_output = "clear_output()"


if __name__ == "__main__":
    unittest.main()
