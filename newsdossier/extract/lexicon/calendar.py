"""Calendar words the date reading and the casualty filters share (lower-cased)."""

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
