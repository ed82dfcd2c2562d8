"""`consistency view REPORT.json`: render the HTML viewer beside the report, open or serve it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Optional

import typer

from consistency.cli import app

HOST = "127.0.0.1"  # the viewer is for the analyst's own machine; never listen on other interfaces


@app.command()
def view(
    report: Annotated[Path, typer.Argument(help="A report.json written by `consistency report`.")],
    output: Annotated[Optional[Path], typer.Option(
        "-o", "--output", help="Where to write the HTML (default: REPORT.html beside the report).")] = None,
    serve: Annotated[bool, typer.Option(
        "--serve", help=f"Serve the page on http://{HOST}:PORT/ until interrupted.")] = False,
    port: Annotated[int, typer.Option(help="Port for --serve (0: any free port).", min=0, max=65535)] = 8000,
    no_open: Annotated[bool, typer.Option("--no-open", help="Do not open a browser.")] = False,
) -> None:
    """Render the HTML viewer of a report and open it in a browser (or serve it on localhost)."""
    from consistency.atomic import write_text
    from consistency.errors import ConsistencyError
    from consistency.render.html import render_html

    try:
        page = render_html(load_report(report))
        target = output or report.with_suffix(".html")
        write_text(target, page)
    except (ConsistencyError, OSError) as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None
    if not serve:
        typer.echo(str(target))
        if not no_open:
            import webbrowser

            webbrowser.open(target.resolve().as_uri())
        return
    server = make_server(page.encode("utf-8"), port)
    url = f"http://{HOST}:{server.server_address[1]}/"
    typer.echo(f"Serving {target.name} at {url} (Ctrl+C to stop)")
    if not no_open:
        import threading
        import webbrowser

        threading.Timer(0.3, webbrowser.open, args=(url,)).start()
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


def load_report(path: Path):
    """The report in `path`, or an InputError naming the file and what is wrong with it."""
    from pydantic import ValidationError

    from consistency.errors import InputError
    from consistency.models import Report

    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError(str(path), "no such file") from None
    except UnicodeDecodeError as exc:
        raise InputError(str(path), f"not UTF-8 text ({exc.reason})") from None
    except OSError as exc:
        raise InputError(str(path), exc.strerror or str(exc)) from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(str(path), f"invalid JSON: {exc.msg}", line=exc.lineno) from None
    try:
        return Report.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "(top level)"
        raise InputError(str(path), f"not a consistency report: {where}: {first['msg']}"
                         f" ({exc.error_count()} problem(s))") from None


def make_server(page: bytes, port: int = 0):
    """An HTTP server on 127.0.0.1 that serves `page` at `/` and nothing else."""
    import http.server  # imported here: `consistency --help` should not pay for a web server

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
            if self.path.split("?", 1)[0] not in ("/", "/index.html", "/report.html"):
                self.send_error(404)
                return
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(page)))
            self.send_header("X-Content-Type-Options", "nosniff")
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(page)

        def log_message(self, format, *args) -> None:  # keep the terminal for the address line
            pass

    return http.server.ThreadingHTTPServer((HOST, port), Handler)
