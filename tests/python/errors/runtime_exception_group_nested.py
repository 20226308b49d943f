# A nested ExceptionGroup uncaught: inner groups are boxed inside the outer one.
inner = ExceptionGroup("inner", [TypeError("t")])
raise ExceptionGroup("outer", [ValueError("v"), inner])
