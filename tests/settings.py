"""Settings of the test run: newsdiff's own, with DEBUG on unless the environment says.

DEBUG is off unless set (production is the default); tests, and the processes they start,
run as a developer's machine does (`make run` sets DEBUG=1 too). Tests of production
settings start their processes with DEBUG=0 themselves.
"""

import os

os.environ.setdefault("DEBUG", "1")

from newsdiff.settings import *  # noqa: F403
