"""Allow `python -m tracker`."""

from tracker.cli import main

main(prog_name="python -m tracker")
