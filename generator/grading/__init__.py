"""`curriculum grade`: a lab's grading checks run on every student's folder, then a gradebook and feedback."""
