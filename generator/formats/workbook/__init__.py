"""The question bank workbook's notation: its columns, and a question as one row of cells."""
