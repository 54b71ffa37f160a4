"""Printed output: PDF reports (reportlab) and problem-list spreadsheets. No Qt here."""
