# format() of complex numbers with ',' and '_' grouping, each part grouped as a float's.
for spec in ('^40,.2f', ',', '_.3e', ',g', '>30_f', '+,.1f', ' ,.0f'):
    for z in (1.5e20+3j, -1234567.5-7654321.25j, 3j, complex(float('inf'), 1e6)):
        try:
            print(repr(spec), repr(format(z, spec)))
        except ValueError as e:
            print(repr(spec), 'ValueError', e)
try: format(1+1j, ',n')
except ValueError as e: print(e)
import pickle
