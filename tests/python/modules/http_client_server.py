# http.server in a thread, with urllib.request and http.client as clients over
# 127.0.0.1 (port chosen by the system): one request per connection (HTTP/1.0), then two
# requests on one kept-alive HTTP/1.1 connection, read through socket.makefile.
import http.client
import http.server
import threading
import urllib.request


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        body = ("you asked for %s" % self.path).encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self):
        data = self.rfile.read(int(self.headers["Content-Length"]))
        body = data.upper()
        self.send_response(201)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
port = server.server_address[1]
thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
thread.start()

with urllib.request.urlopen("http://127.0.0.1:%d/first" % port, timeout=10) as response:
    print(response.status, response.headers["Content-Type"], response.read())

Handler.protocol_version = "HTTP/1.1"
connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
connection.request("GET", "/kept/alive")
response = connection.getresponse()
print(response.status, response.reason, response.read())
connection.request("POST", "/echo", body=b"posted body")
response = connection.getresponse()
print(response.status, response.reason, response.read())
connection.close()

server.shutdown()
thread.join()
server.server_close()
print("server stopped")
