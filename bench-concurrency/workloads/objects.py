# Object-heavy simulation: particles as instances with attribute reads and writes.
import sys

class Particle:
    def __init__(self, x, y, vx, vy):
        self.x = x
        self.y = y
        self.vx = vx
        self.vy = vy

    def step(self, dt):
        self.x += self.vx * dt
        self.y += self.vy * dt
        if self.x < 0 or self.x > 100:
            self.vx = -self.vx
        if self.y < 0 or self.y > 100:
            self.vy = -self.vy

def run(n):
    ps = [Particle(i % 100, (i * 7) % 100, (i % 5) - 2, (i % 3) - 1) for i in range(200)]
    for _ in range(n):
        for p in ps:
            p.step(0.5)
    return sum(int(p.x + p.y) for p in ps)

print(run(int(sys.argv[1]) if len(sys.argv) > 1 else 2000))
