"""Fetching an article page by URL, safely enough to offer to any signed-in editor.

`fetch_page(url)` returns a `FetchedPage` (the decoded page, HTML or plain text) or raises
`FetchError` with a message naming the URL and why. The rules:

- http:// and https:// only, with a host name or address and no user name or password;
- the host is resolved once per hop, every address it resolves to is checked (private, loopback,
  link-local, multicast, reserved, unspecified and other non-global addresses are refused), and
  the connection goes to an address that was checked, so a second DNS answer cannot slip in
  between check and connect; redirects (at most `FetchLimits.redirects`) are checked the same way;
- a host listed in `NEWSDIFF_FETCH_ALLOW_HOSTS` (comma-separated names or addresses) skips the
  address check; the URL's host must be listed as written (a listed 127.0.0.1 does not allow
  `localhost`), and each redirect hop's host is checked again;
- connect and total time limits (a watchdog closes the socket at the deadline, so a server that
  drips a byte at a time is cut off too), and a size limit, counted while streaming, after
  decompression;
- HTML or plain text only: a PDF, an image or anything else is refused by its content type;
- the charset comes from the Content-Type header, else the page's `<meta charset>`, else UTF-8
  with a cp1252 fallback.

Proxy variables are ignored on purpose: the address checked must be the address connected to.
"""

from newsdiff.articles.fetch.addresses import (
    ALLOW_HOSTS_VARIABLE,
    AllowList,
    address_problem,
    resolve_host,
)
from newsdiff.articles.fetch.client import USER_AGENT, check_url, fetch_page
from newsdiff.articles.fetch.errors import FetchError
from newsdiff.articles.fetch.limits import FetchedPage, FetchLimits

__all__ = [
    "ALLOW_HOSTS_VARIABLE",
    "USER_AGENT",
    "AllowList",
    "FetchError",
    "FetchLimits",
    "FetchedPage",
    "address_problem",
    "check_url",
    "fetch_page",
    "resolve_host",
]
