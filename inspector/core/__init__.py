"""The domain rules: plain Python, no Qt and no SQL."""
