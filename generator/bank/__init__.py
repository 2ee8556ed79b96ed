"""The question bank workbook: its columns, writing it, and importing trainers' edits back."""
