# signal.sigwait() in the main thread while another thread sends the signal: the main
# thread waits outside its transaction (the sender's transactions go on, its os.kill
# becomes inevitable), takes the signal once, and the program ends
import os
import signal
import threading
import time

signum = signal.SIGUSR1
signal.pthread_sigmask(signal.SIG_BLOCK, [signum])


def send_later():
    time.sleep(0.3)
    print("sending")
    os.kill(os.getpid(), signum)


sender = threading.Thread(target=send_later)
sender.start()
print("waiting")
received = signal.sigwait([signum, signal.SIGUSR2])
print("received", received == signum)
sender.join()
os.kill(os.getpid(), signum)  # still blocked: pending, and sigwait takes it at once
print("again", signal.sigwait({signum}) == signum)
