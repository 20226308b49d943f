# Helper package runnable with -m through its __main__ module.
