"""The Streamlit seam: the only package that imports streamlit."""
