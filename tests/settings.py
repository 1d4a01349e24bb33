"""Settings of the test run: newsdiff's own, with DEBUG on unless the environment says.

DEBUG is off unless set (production is the default); tests, and the processes they start,
run as a developer's machine does (`make run` sets DEBUG=1 too). Tests of production
settings start their processes with DEBUG=0 themselves.
"""

import os

os.environ.setdefault("DEBUG", "1")
# The worker's time limit per article, generous: a busy test machine must not fail an upload
# on time (the test of the limit sets its own).
os.environ.setdefault("NEWSDIFF_ARTICLE_SECONDS", "600")

from newsdiff.settings import *  # noqa: F403
