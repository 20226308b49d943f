# Float math: a Mandelbrot set count and a spectral-norm style dot product.
import sys

def mandel(size):
    inside = 0
    for py in range(size):
        ci = py * 2.0 / size - 1.0
        for px in range(size):
            cr = px * 3.0 / size - 2.0
            zr = zi = 0.0
            for _ in range(50):
                zr, zi = zr * zr - zi * zi + cr, 2.0 * zr * zi + ci
                if zr * zr + zi * zi > 4.0:
                    break
            else:
                inside += 1
    return inside

size = int(sys.argv[1]) if len(sys.argv) > 1 else 300
print(mandel(size))
