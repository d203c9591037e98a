"""A code cell as JupyterLab rendered it, read back from the page."""
from dataclasses import dataclass, field

# The MIME type JupyterLab gives the rendering of both error outputs and stderr streams.
ERROR_MIME = "application/vnd.jupyter.stderr"


@dataclass
class RenderedImage:
    """An `<img>` in a cell's output, with its intrinsic and on-screen size."""
    complete: bool
    naturalWidth: int
    naturalHeight: int
    width: float
    height: float
    decodeError: str | None
    src: str

    @property
    def decoded(self):
        return (self.complete and self.decodeError is None
                and self.naturalWidth > 0 and self.naturalHeight > 0
                and self.width > 0 and self.height > 0)

    def describe(self):
        return (f"{self.decodeError or 'no decode error'}, natural size "
                f"{self.naturalWidth}x{self.naturalHeight}, shown "
                f"{self.width:.0f}x{self.height:.0f}, src {self.src}...")


@dataclass
class RenderedCell:
    """A code cell; `index` counts every cell of the notebook, markdown included, from 0.

    `outputs` holds dicts with `kind` (the model's output type, "stream stderr" for a stream),
    `mime` (the rendered MIME type), `text` (the rendered text, cut at 2000 characters),
    `hasPNG` (the kernel sent `image/png`), `decodedImages` (the `<img>` that decoded in it),
    and CNN Lab's figures measured in the page: `tableWidths` (per value table, the width in px
    of every value cell), `titles` (per figure, its title and the boxes `{top, bottom}` of the
    title and of the picture and tables under it), `vectorValues` (per vector, the texts of its
    values) and `probabilities` (per probability chart, the text of each row).
    """
    index: int
    prompt: str
    source: str
    outputs: list = field(default_factory=list)
    images: list = field(default_factory=list)

    @classmethod
    def from_page(cls, data):
        return cls(index=data["index"], prompt=data["prompt"], source=data["source"],
                   outputs=data["outputs"],
                   images=[RenderedImage(**image) for image in data["images"]])

    @property
    def execution_count(self):
        digits = self.prompt.strip("[]: ")
        return int(digits) if digits.isdigit() else None

    @property
    def errors(self):
        """(kind, text) of every output rendered as an error: tracebacks and stderr."""
        return [(o["kind"], o["text"]) for o in self.outputs if o["mime"] == ERROR_MIME]

    def describe(self):
        lines = self.source.strip().splitlines()
        return f"cell {self.index} {self.prompt or '[ ]:'} `{lines[0] if lines else ''}`"
