"""The text pipeline run on one article in a child process, killed when it runs over its time.

The worker computes an article's cleaning and claims here, outside any database transaction,
then stores the result in a short one. A child process (started from a fork server that has
the text core imported, so it starts in milliseconds) can be killed at any point, which a
thread running a regular expression cannot; the worker and its database connection stay as
they were.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterable
from dataclasses import dataclass
from multiprocessing.connection import Connection

from newsdiff.textcore.pipeline import ProcessedArticle, process_article

TOOK_TOO_LONG = (
    "this text took too long to process (more than {seconds:g} s): it was stopped and not "
    "stored; is it one article?"
)
CHILD_FAILED = "could not be processed ({detail}); the article was not stored"

_CONTEXT = multiprocessing.get_context("forkserver")
_CONTEXT.set_forkserver_preload(["newsdiff.textcore.pipeline"])


class ProcessingFailed(Exception):
    """The article could not be processed in its child process; the message says why."""


class TookTooLong(ProcessingFailed):
    """The child process ran over its time limit and was killed."""


def process_within(
    raw: str,
    *,
    seconds: float,
    fmt: str = "text",
    extra_boilerplate: Iterable[str] = (),
    keep_lines: Iterable[str] = (),
    editor_removed: Iterable[str] = (),
    title_line: str = "",
) -> ProcessedArticle:
    """`process_article` in a child process that is killed after `seconds`."""
    receiver, sender = _CONTEXT.Pipe(duplex=False)
    options = _Options(
        tuple(extra_boilerplate), tuple(keep_lines), tuple(editor_removed), title_line
    )
    args = (sender, raw, fmt, options)
    child = _CONTEXT.Process(target=_child_process, args=args, daemon=True)
    child.start()
    sender.close()
    try:
        if not receiver.poll(seconds):
            raise TookTooLong(TOOK_TOO_LONG.format(seconds=seconds))
        done, value = receiver.recv()
    except EOFError as error:  # the child died without an answer (killed, out of memory)
        raise ProcessingFailed(CHILD_FAILED.format(detail="the process stopped")) from error
    finally:
        if child.is_alive():
            child.kill()
        child.join()
        receiver.close()
    if not done:
        raise ProcessingFailed(CHILD_FAILED.format(detail=value))
    assert isinstance(value, ProcessedArticle)
    return value


@dataclass(frozen=True, slots=True)
class _Options:
    """The outlet's rules and the editors' corrections, as `process_article` takes them."""

    extra_boilerplate: tuple[str, ...]
    keep_lines: tuple[str, ...]
    editor_removed: tuple[str, ...]
    title_line: str


def _child_process(sender: Connection, raw: str, fmt: str, options: _Options) -> None:
    try:
        processed = process_article(
            raw,
            fmt=fmt,
            extra_boilerplate=options.extra_boilerplate,
            keep_lines=options.keep_lines,
            editor_removed=options.editor_removed,
            title_line=options.title_line,
        )
        result: tuple[bool, object] = (True, processed)
    except Exception as error:  # reported to the worker, which fails the job with it
        result = (False, type(error).__name__)
    sender.send(result)
    sender.close()
