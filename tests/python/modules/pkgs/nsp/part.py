# Helper module inside a namespace package (the folder has no __init__.py).
WHO = "namespace part"
