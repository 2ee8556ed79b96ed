"""LMS exports: Moodle XML, GIFT and QTI."""
