"""Tests of the Streamlit seam run small scripts with AppTest against a fresh database."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import streamlit as st


@pytest.fixture(autouse=True)
def fresh_caches() -> Iterator[None]:
    """Start every test with empty Streamlit caches."""
    st.cache_data.clear()
    st.cache_resource.clear()
    yield
