raise ImportError('raised by __init__ itself')
