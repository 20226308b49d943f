# A dedent to a column that matches no outer level.
if True:
        x = 1
    y = 2
