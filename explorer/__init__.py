"""The Streamlit explorer's helpers: corpus loading, filters, tables, charts, safe text.

Everything here except `explorer.state` and `explorer.sidebar` is plain pandas/Altair and
can be tested without a Streamlit runtime.
"""
