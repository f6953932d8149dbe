"""The hostile corpus: bad statement files and their expected outcomes (see cases.py)."""
