"""Streamlit pieces of the app (the only package besides app.py that imports streamlit)."""
