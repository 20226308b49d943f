# An uncaught KeyboardInterrupt prints a traceback; the exit status is 1 for a raised exception instance.
print("about to interrupt")
raise KeyboardInterrupt
