"""Renderers: one module per output format, each a pure function `render_<fmt>(report) -> str`."""
