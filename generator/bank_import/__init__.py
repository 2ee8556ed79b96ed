"""`curriculum bank import`: read an edited workbook back and update the question_bank/ specs."""
