"""What a notebook must look like after Run All, as a list of readable problems.

The browser tests assert this list is empty for a good notebook and that it names the
planted faults of the harness's own bad notebooks, so each check is known to be able to fail.
"""


def execution_problems(cells):
    """Every code cell ran: its prompt shows a count above every count before it.

    A cell skipped after an error keeps an empty prompt, or, when the kernel answered its
    request as aborted, repeats the count of the cell that ran last.
    """
    problems = []
    last = 0
    for cell in cells:
        count = cell.execution_count
        if count is None:
            problems.append(f"{cell.describe()} did not run (no execution count)")
        elif count <= last:
            problems.append(f"{cell.describe()} did not run (its count follows [{last}]:)")
        else:
            last = count
    return problems


def error_problems(cells):
    """Every output shown as an error. A stderr stream counts too: a learner sees the same
    red box, and a clean chapter should not show one."""
    return [f"{cell.describe()} shows {kind or 'error'} output:\n{text}"
            for cell in cells for kind, text in cell.errors]


def image_problems(cells, min_images):
    problems = []
    decoded = 0
    for cell in cells:
        for number, image in enumerate(cell.images, start=1):
            if image.decoded:
                decoded += 1
            else:
                problems.append(
                    f"{cell.describe()} image {number} did not render: {image.describe()}")
    if decoded < min_images:
        problems.append(f"{decoded} decoded image(s) rendered, expected at least {min_images}")
    return problems


def notebook_problems(cells, min_images):
    """All problems with a notebook after Run All; empty when it ran cleanly."""
    if not cells:
        return ["the notebook shows no code cells"]
    # Errors first: the first error usually explains the cells that did not run after it.
    return error_problems(cells) + image_problems(cells, min_images) + execution_problems(cells)


def image_count(cells):
    return sum(1 for cell in cells for image in cell.images if image.decoded)
