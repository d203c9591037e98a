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


def is_number(text):
    try:
        float(text)
        return True
    except ValueError:
        return False


def figure_problems(cells):
    """CNN Lab's outputs as a learner must see them: every output the kernel sent a PNG for
    shows a decoded picture; the value cells of one table have one width; a title stands above
    its picture; vectors show their numbers and probabilities their percentages."""
    problems = []
    for cell in cells:
        for number, output in enumerate(cell.outputs, start=1):
            where = f"{cell.describe()} output {number}"
            if output.get("hasPNG") and not output.get("decodedImages"):
                problems.append(f"{where} has a PNG but shows no decoded picture")
            for widths in output.get("tableWidths", []):
                if widths and max(widths) - min(widths) > 0.5:
                    problems.append(f"{where}: value cells of one table are {min(widths):.1f} "
                                    f"to {max(widths):.1f} px wide")
            for figure in output.get("titles", []):
                title, parts = figure["titleBox"], figure["partsBox"]
                if title and parts and title["bottom"] > parts["top"] + 0.5:
                    problems.append(f"{where}: the title {figure['title']!r} is not above its picture")
            for values in output.get("vectorValues", []):
                if not values or not all(is_number(v) for v in values):
                    problems.append(f"{where}: a vector shows {values!r} instead of its numbers")
            for rows in output.get("probabilities", []):
                if not rows or not all(row.endswith("%") for row in rows):
                    problems.append(f"{where}: probabilities show {rows!r} without percentages")
    return problems


def notebook_problems(cells, min_images):
    """All problems with a notebook after Run All; empty when it ran cleanly."""
    if not cells:
        return ["the notebook shows no code cells"]
    # Errors first: the first error usually explains the cells that did not run after it.
    return (error_problems(cells) + image_problems(cells, min_images) + figure_problems(cells)
            + execution_problems(cells))


def image_count(cells):
    return sum(1 for cell in cells for image in cell.images if image.decoded)
