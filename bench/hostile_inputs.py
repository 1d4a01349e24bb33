"""The hostile inputs of issue 15, generated at the sizes the probe used.

Each is a few kilobytes to two megabytes of text that once made a pattern of the text core
backtrack for minutes. `tests/textcore/test_hostile_input.py` runs each through the pipeline
under a deadline; `bench/bench_hostile.py` times them through `manage.py ingest`.
"""

from __future__ import annotations

from dataclasses import dataclass

PARAGRAPHS = (
    "The council met on Tuesday to discuss the budget for the coming year, officials said.",
    "Several members asked for more time to study the proposal before a final vote.",
    "The mayor told reporters that the plan would protect services for older residents.",
    "Opponents argued that the new tax on parking would drive shoppers out of the centre.",
    "A vote is expected next month, after a public hearing at the town hall on Friday.",
    "The finance committee said the figures had been checked by an outside auditor.",
    "Local businesses have written to the council to ask for a cut in their rates.",
    "The budget also sets aside money for repairs to three schools and a library.",
)


@dataclass(frozen=True, slots=True)
class HostileInput:
    name: str
    where: str  # the pattern or step that used to blow up
    fmt: str  # "text" or "html"
    raw: str

    @property
    def filename(self) -> str:
        return f"{self.name}.{'html' if self.fmt == 'html' else 'txt'}"


def _article(line: str, size: int = 3_000) -> str:
    """`line` inside an ordinary article of about `size` characters."""
    paragraphs = [f"{text} ({number})" for number, text in enumerate(PARAGRAPHS * 40)]
    body, length = [], 0
    while length < size and paragraphs:
        body.append(paragraphs.pop(0))
        length += len(body[-1]) + 2
    half = len(body) // 2
    before, after = "\n\n".join(body[:half]), "\n\n".join(body[half:])
    return f"Council debates the budget\n\n{before}\n\n{line}\n\n{after}"


def _page(paragraph: str) -> str:
    """`paragraph` inside an ordinary article page."""
    body = "".join(f"<p>{text}</p>" for text in PARAGRAPHS)
    return (
        "<html><head><title>Council debates the budget</title></head><body><article>"
        f"<h1>Council debates the budget</h1>{body}<p>{paragraph}</p>{body}</article></body></html>"
    )


def hostile_inputs() -> tuple[HostileInput, ...]:
    return (
        HostileInput("byline_dashes", "clean rules BYLINE", "text",
                     _article("By " + "A-" * 28 + "A x")),
        HostileInput("capitalised_word", "speakers NAME_THEN_ROLE", "text",
                     _article("The minister said " + "W" * 99_000 + " was there.")),
        HostileInput("ones", "figures LABEL_BEFORE", "text", _article("1 " * 49_000)),
        HostileInput("em_spaces_after_said", "claims INCLUDING", "text",
                     _article("The minister said" + "\u2003" * 99_000 + "x.")),
        HostileInput("nbsp_after_said", "claims INCLUDING", "text",
                     _article("The minister said" + "\u00a0" * 99_000 + "x.")),
        HostileInput("capitalised_run", "attribution CAPITALISED_RUN", "text",
                     _article("The report came out, " + "Ab " * 33_000 + "x said on Monday.")),
        HostileInput("html_long_word", "no line limit on text from HTML", "html",
                     _page("The minister said " + "W" * 400_000 + " was there.")),
        HostileInput("dots", "segment SENTENCE_END in is_heading", "text",
                     _article("This is a sentence" + "." * 99_000 + "x")),
        HostileInput("comma_lines", "segment _line_blocks CONTINUES", "text",
                     ("a," * 190 + "\n") * 4_900),
        HostileInput("open_tags", "inputs HTML_TAG", "html", "<a" * 60_000),
        HostileInput("quotes", "segment SENTENCE_END", "text",
                     _article("He said " + '"' * 99_000 + " then.")),
    )  # fmt: skip
