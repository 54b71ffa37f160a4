"""The SQLite database, through sqlite-utils. Plain Python: no Qt here."""
