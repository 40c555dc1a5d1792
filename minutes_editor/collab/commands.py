"""The command line of writing together: ``relay``, ``share`` and ``pull`` (minutes_editor/cli.py dispatches here).

Exit codes as the rest of the command line (cli.py), and one more: 6, the
relay cannot be reached, refused the token, or the room is not as the
command needs it (``share`` into a room holding a report, ``pull`` from an
empty one). Nothing is written then.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

EXIT_OK = 0
EXIT_USAGE = 2
EXIT_BAD_INPUT = 3
EXIT_CANNOT_WRITE = 4
EXIT_RELAY = 6

COMMANDS = ("relay", "share", "pull")


def add_parsers(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``relay``, ``share`` and ``pull`` to the command line's subcommands."""
    from minutes_editor.collab.door_guard import DEFAULT_LIMIT
    from minutes_editor.collab.relay import DEFAULT_MAX_MESSAGE, DEFAULT_PORT

    relay = commands.add_parser(
        "relay",
        help="serve rooms where several people edit one report together",
        description="Serve rooms over WebSocket (ws://HOST:PORT/ROOM?token=T) and keep every room in the store.",
    )
    relay.add_argument("--host", help="address to listen on (default: 127.0.0.1, this machine only)")
    relay.add_argument(
        "--allow-remote",
        action="store_true",
        help="let --host be an address other machines reach (use --cert and --key too)",
    )
    relay.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"default {DEFAULT_PORT}; 0 picks a free one")
    relay.add_argument("--store", type=Path, required=True, metavar="DIR", help="folder of the rooms' database")
    tokens = relay.add_mutually_exclusive_group(required=True)
    tokens.add_argument("--token", metavar="T", help="the token that opens every room")
    tokens.add_argument(
        "--tokens",
        type=Path,
        metavar="FILE",
        help='a JSON file of tokens by room: {"room": ["token", ...], "*": [...]}',
    )
    relay.add_argument("--cert", type=Path, metavar="C", help="TLS certificate (PEM): serve wss://")
    relay.add_argument("--key", type=Path, metavar="K", help="its private key (PEM)")
    relay.add_argument(
        "--max-message",
        type=int,
        default=DEFAULT_MAX_MESSAGE,
        metavar="BYTES",
        help=f"close a connection that sends a larger message (default {DEFAULT_MAX_MESSAGE})",
    )
    relay.add_argument(
        "--max-failures",
        type=int,
        default=DEFAULT_LIMIT,
        metavar="N",
        help=f"shut an address out for a minute after N refused tokens in a minute (default {DEFAULT_LIMIT})",
    )

    for name in ("share", "pull"):
        command = commands.add_parser(
            name,
            help="put a report into a room" if name == "share" else "write a room's current report to a file",
        )
        if name == "share":
            command.add_argument("report", type=Path, metavar="REPORT.minutes")
        command.add_argument("--relay", required=True, metavar="URL", help="ws://HOST:PORT or wss://HOST:PORT")
        command.add_argument("--room", required=True, metavar="NAME")
        command.add_argument("--token", required=True, metavar="T")
        command.add_argument("--cafile", type=Path, metavar="F", help="certificates to trust for wss:// (PEM)")
        command.add_argument("--timeout", type=float, default=10.0, metavar="S", help="seconds to wait (default 10)")
        if name == "share":
            command.add_argument("--replace", action="store_true", help="replace the report the room holds")
        else:
            command.add_argument("-o", "--output", required=True, metavar="OUT.minutes")


def run(args: argparse.Namespace) -> int:
    """Run ``relay``, ``share`` or ``pull``; returns the exit code."""
    if args.command == "relay":
        return _relay(args)
    if args.command == "share":
        return _share(args)
    return _pull(args)


def _error(message: str) -> None:
    print(f"minutes-editor: {message}", file=sys.stderr)


def _relay(args: argparse.Namespace) -> int:
    import logging

    from minutes_editor.collab.relay import RelaySettings, Tokens, is_loopback, run

    host = args.host or "127.0.0.1"
    if not is_loopback(host) and not args.allow_remote:
        _error(
            f"refusing to listen on {host}: other machines could reach the relay there. "
            "Pass --allow-remote to mean it (with --cert and --key, so that tokens do not travel in clear)."
        )
        return EXIT_USAGE
    if (args.cert is None) != (args.key is None):
        _error("--cert and --key go together")
        return EXIT_USAGE
    if not 0 <= args.port <= 65535 or args.max_message < 1024 or args.max_failures < 1:
        _error("--port is 0 to 65535, --max-message at least 1024 and --max-failures at least 1")
        return EXIT_USAGE
    try:
        tokens = Tokens.read(args.tokens) if args.tokens else Tokens.one(args.token)
    except ValueError as error:
        _error(str(error))
        return EXIT_BAD_INPUT
    if args.token is not None and not args.token:
        _error("the token is empty")
        return EXIT_USAGE
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s", stream=sys.stderr)
    logging.getLogger("websockets").setLevel(logging.WARNING)

    def ready(url: str) -> None:
        print(f"relay: serving rooms at {url}/ROOM?token=T (store: {args.store})", flush=True)
        if url.startswith("ws:") and not is_loopback(host):
            print("relay: warning: without --cert and --key, tokens and text travel in clear", flush=True)

    settings = RelaySettings(
        store=args.store,
        tokens=tokens,
        host=host,
        port=args.port,
        certificate=args.cert,
        key=args.key,
        max_message=args.max_message,
        max_failures=args.max_failures,
        on_ready=ready,
    )
    try:
        run(settings)
    except OSError as error:
        _error(f"the relay cannot start: {error}")
        return EXIT_RELAY
    return EXIT_OK


def _share(args: argparse.Namespace) -> int:
    import anyio

    from minutes_editor.collab.errors import CollabError, RelayError
    from minutes_editor.collab.headless import RoomStateError, share
    from minutes_editor.storage.minutes_file import ReportFileError, load_report

    try:
        report = load_report(args.report)
    except ReportFileError as error:
        _error(str(error))
        return EXIT_BAD_INPUT
    try:
        anyio.run(
            lambda: share(
                report,
                args.relay,
                args.room,
                args.token,
                replace=args.replace,
                cafile=args.cafile,
                timeout=args.timeout,
            )
        )
    except (RelayError, RoomStateError, TimeoutError) as error:
        _error(str(error) or "the relay did not answer in time")
        return EXIT_RELAY
    except CollabError as error:
        _error(f"the room's report cannot be read: {error}")
        return EXIT_BAD_INPUT
    print(f"{args.report} shared in room {args.room}")
    return EXIT_OK


def _pull(args: argparse.Namespace) -> int:
    import anyio

    from minutes_editor.collab.errors import CollabError, RelayError
    from minutes_editor.collab.headless import RoomStateError, pull
    from minutes_editor.storage.atomic import WriteError, check_target
    from minutes_editor.storage.minutes_file import save_report

    try:
        target = check_target(args.output)
    except WriteError as error:
        _error(str(error))
        return EXIT_CANNOT_WRITE
    try:
        report = anyio.run(lambda: pull(args.relay, args.room, args.token, cafile=args.cafile, timeout=args.timeout))
    except (RelayError, RoomStateError, TimeoutError) as error:
        _error(str(error) or "the relay did not answer in time")
        return EXIT_RELAY
    except CollabError as error:
        _error(f"the room's report cannot be read: {error}")
        return EXIT_BAD_INPUT
    try:
        save_report(report, target)
    except WriteError as error:
        _error(str(error))
        return EXIT_CANNOT_WRITE
    print(target)
    return EXIT_OK
