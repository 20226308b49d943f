# A new error inside an except block, deeper in a called function.
def cleanup():
    return None.close()


try:
    raise OSError("disk")
except OSError:
    cleanup()
