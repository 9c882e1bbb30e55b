"""Drawing helpers of the pygame front-end: theme, text, widgets, score meter, portraits."""
