"""Shared pytest configuration."""


def pytest_configure(config):
    config.addinivalue_line(
        "markers",
        "notebooks: executes the real notebooks (builds the report from notebooks/ and the seeds)",
    )
