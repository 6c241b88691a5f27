"""What every answer gets, whichever route gave it: HEAD wherever GET is, and the security
headers."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import anyio
from fastapi import Request
from fastapi.responses import Response
from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
}

# ASGI messages that carry a response's body (zero-copy and path sends are extensions)
BODY_MESSAGES = ("http.response.body", "http.response.zerocopysend", "http.response.pathsend")


async def security_headers(
    request: Request, call_next: Callable[[Request], Awaitable[Response]]
) -> Response:
    response = await call_next(request)
    for name, value in SECURITY_HEADERS.items():
        response.headers.setdefault(name, value)
    return response


class HeadAsGet:
    """HEAD on every GET route, static files and the schema included: the app answers the
    request as a GET and the client gets that status and those headers (Content-Length among
    them) without the body. Once the headers are out, a body still streaming (an export, a
    file) is cancelled rather than produced for nobody. A 405 lists HEAD wherever GET is."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if scope["method"] != "HEAD":

            async def allow_head(message: Message) -> None:
                _allow_head(message)
                await send(message)

            await self.app(scope, receive, allow_head)
            return

        with anyio.CancelScope() as body_unwanted:
            ended = False

            async def headers_only(message: Message) -> None:
                nonlocal ended
                if message["type"] not in BODY_MESSAGES:
                    _allow_head(message)
                    await send(message)
                elif not ended:
                    ended = True
                    await send({"type": "http.response.body", "body": b"", "more_body": False})
                    if message.get("more_body"):
                        body_unwanted.cancel()

            # a copy: the server keeps its own scope, and with it the knowledge that this is HEAD
            await self.app({**scope, "method": "GET"}, receive, headers_only)


def _allow_head(message: Message) -> None:
    if message["type"] != "http.response.start" or message["status"] != 405:
        return
    headers = MutableHeaders(scope=message)
    allowed = [method.strip() for method in headers.get("allow", "").split(",") if method.strip()]
    if "GET" in allowed and "HEAD" not in allowed:
        headers["allow"] = ", ".join([*allowed, "HEAD"])
