# An undefined name in a function: the suggestion comes from the function's local names.
def area():
    rectangle_width = 3
    rectangle_widht


area()
