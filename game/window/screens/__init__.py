"""The screens of the pygame front-end, each with handle / update / draw, on the app's stack."""
