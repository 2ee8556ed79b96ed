"""LMS quiz exports: Moodle XML, GIFT and a QTI 1.2 package, from one shared view of each question."""
