"""Generator for the invented sample release used by Reading Room's tests and demo."""
