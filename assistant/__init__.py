"""ProjectDocs Assistant: cited answers from project documents."""

__version__ = "0.1.0"
