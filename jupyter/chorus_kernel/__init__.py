"""The Chorus kernel for Jupyter: a thin wrapper around `chorus --jsonl`.

One `chorus` process per notebook runs the session; the kernel turns Jupyter's requests into
the JSON lines that process reads, and the output parts it answers with into Jupyter messages.
The protocol and the kernel's design are described in docs/decisions.md.
"""

__version__ = "0.1.0"
