# Two threads hand a turn back and forth 2000 times through two locks: every hand-off
# wakes the waiting thread (no polling delay), and the count comes out exact.
import _thread
ping = _thread.allocate_lock(); pong = _thread.allocate_lock(); done = _thread.allocate_lock()
ping.acquire(); pong.acquire(); done.acquire()
N = 2000
def player():
    for i in range(N):
        ping.acquire()
        pong.release()
    done.release()
_thread.start_new_thread(player, ())
for i in range(N):
    ping.release()
    pong.acquire()
done.acquire()
print("rounds", N)
