"""The question bank workbook: Questions sheet, Blueprint, and a scoring sheet per rubric and checklist."""
