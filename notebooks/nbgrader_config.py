# nbgrader settings for the CNN Lab chapter notebooks.
#
# The instructor notebooks (notebooks/solutions/) are nbgrader "source" notebooks; the student
# notebooks (notebooks/*.ipynb) are what `nbgrader generate_assignment` makes of them with these
# settings. scripts/generate_student_notebooks.py applies them in a scratch course directory.
c = get_config()  # noqa: F821 -- provided by traitlets when nbgrader loads this file

c.CourseDirectory.course_id = "cnnlab"

# The stub is keyed by the kernelspec's language. It must be valid CNN Lab code: an exercise
# cell keeps its `name = None` line (written above `### BEGIN SOLUTION`), so an unanswered
# exercise runs cleanly and its check cell reports "not done yet" instead of a NameError.
c.ClearSolutions.code_stub = {"cnnlab": "# YOUR CODE HERE (여기에 답을 쓰세요)"}
c.ClearSolutions.text_stub = "YOUR ANSWER HERE (여기에 답을 쓰세요)"
c.ClearSolutions.begin_solution_delimeter = "BEGIN SOLUTION"
c.ClearSolutions.end_solution_delimeter = "END SOLUTION"
c.ClearHiddenTests.begin_test_delimeter = "BEGIN HIDDEN TESTS"
c.ClearHiddenTests.end_test_delimeter = "END HIDDEN TESTS"

# Autograding runs every notebook through the notebook's own kernelspec (`cnnlab`).
# A cell gets 60 s; the heaviest cell (building VGG-16) needs a few seconds.
c.Execute.timeout = 60
