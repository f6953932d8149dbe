"""Allow `python -m tracker`."""

from tracker.cli.main import main

main(prog_name="python -m tracker")
