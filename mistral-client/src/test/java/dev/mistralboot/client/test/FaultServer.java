package dev.mistralboot.client.test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A raw-socket HTTP/1.1 server on a loopback port that misbehaves on purpose, for fault
 * tests: it can reset a connection, close it without a reply, send a body shorter than
 * its {@code Content-Length}, trickle a body, fall silent, or answer with a malformed
 * chunk. Every connection serves one request (then closes), on its own daemon thread, and
 * runs the {@link Script} with the number of the request (1 for the first), so a script
 * can fail the first attempts and answer the next. The requests are kept, so a test can
 * count the attempts the server saw and validate them against the API description.
 */
public final class FaultServer implements AutoCloseable {

	/**
	 * Ports of every server and refused URL of this JVM. A port is never used twice: a
	 * client's pooled connection to an earlier server on the same port (closed by it, not
	 * yet noticed by the pool) would fail an attempt before it reached this server, and
	 * the attempts this server counts would then depend on the operating system's choice
	 * of ports.
	 */
	private static final Set<Integer> usedPorts = ConcurrentHashMap.newKeySet();

	private final ServerSocket serverSocket;

	private final Script script;

	private final boolean readBody;

	private final List<Request> requests = new CopyOnWriteArrayList<>();

	private final List<Socket> sockets = new CopyOnWriteArrayList<>();

	private final AtomicInteger count = new AtomicInteger();

	private volatile boolean closed;

	/**
	 * Starts a server running the script for every request.
	 * @param script what to do
	 * @throws IOException when no port could be bound
	 */
	public FaultServer(Script script) throws IOException {
		this(script, true);
	}

	/**
	 * Starts a server running the script for every request.
	 * @param script what to do
	 * @param readBody whether to read the request body before the script runs;
	 * {@code false} leaves it to the script ({@link Connection#readBody(int, long)}), to
	 * stall or pace an upload
	 * @throws IOException when no port could be bound
	 */
	public FaultServer(Script script, boolean readBody) throws IOException {
		this.readBody = readBody;
		this.script = script;
		this.serverSocket = bindUnusedPort();
		Thread acceptor = new Thread(this::acceptLoop, "fault-server-" + this.serverSocket.getLocalPort());
		acceptor.setDaemon(true);
		acceptor.start();
	}

	/**
	 * A base URL where nothing listens (a port bound and released at once): connecting is
	 * refused.
	 * @return the base URL
	 * @throws IOException when no port could be bound
	 */
	public static String refusedBaseUrl() throws IOException {
		try (ServerSocket socket = bindUnusedPort()) {
			return "http://127.0.0.1:" + socket.getLocalPort();
		}
	}

	private static ServerSocket bindUnusedPort() throws IOException {
		for (int tries = 0; tries < 1000; tries++) {
			ServerSocket socket = new ServerSocket();
			socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
			if (usedPorts.add(socket.getLocalPort())) {
				return socket;
			}
			socket.close();
		}
		throw new IOException("No loopback port unused by an earlier fault server");
	}

	/**
	 * The base URL, such as {@code http://127.0.0.1:51234}.
	 * @return the base URL
	 */
	public String baseUrl() {
		return "http://127.0.0.1:" + this.serverSocket.getLocalPort();
	}

	/**
	 * The requests received so far (the attempts the server saw).
	 * @return the requests, in order of arrival
	 */
	public List<Request> requests() {
		return List.copyOf(this.requests);
	}

	private void acceptLoop() {
		while (!this.closed) {
			Socket socket;
			try {
				socket = this.serverSocket.accept();
			}
			catch (IOException ex) {
				return;
			}
			this.sockets.add(socket);
			Thread worker = new Thread(() -> handle(socket), "fault-server-connection");
			worker.setDaemon(true);
			worker.start();
		}
	}

	private void handle(Socket socket) {
		try (socket) {
			InputStream in = socket.getInputStream();
			Request request = Request.read(in, this.readBody);
			if (request == null) {
				return;
			}
			this.requests.add(request);
			int attempt = this.count.incrementAndGet();
			this.script.serve(new Connection(socket, in, socket.getOutputStream(), request), attempt);
		}
		catch (Exception ex) {
			// the client went away or the script gave up: the socket is closed
		}
	}

	/** Stops accepting and closes every connection still open. */
	@Override
	public void close() throws IOException {
		this.closed = true;
		this.serverSocket.close();
		for (Socket socket : this.sockets) {
			try {
				socket.close();
			}
			catch (IOException ex) {
				// already closed
			}
		}
	}

	/** What the server does with one request. */
	@FunctionalInterface
	public interface Script {

		/**
		 * Answers (or not) one request.
		 * @param connection the request and its connection
		 * @param attempt the number of the request, from 1
		 * @throws Exception anything; the connection is then closed
		 */
		void serve(Connection connection, int attempt) throws Exception;

	}

	/**
	 * One request as received.
	 *
	 * @param method the method
	 * @param path the path with its query
	 * @param headers the headers, names in lower case
	 * @param body the body (chunked bodies decoded)
	 */
	public record Request(String method, String path, Map<String, String> headers, byte[] body) {

		/**
		 * A header.
		 * @param name the name, any case
		 * @return the value or {@code null}
		 */
		public String header(String name) {
			return this.headers.get(name.toLowerCase(Locale.ROOT));
		}

		/**
		 * The body as text.
		 * @return the text
		 */
		public String bodyText() {
			return new String(this.body, StandardCharsets.UTF_8);
		}

		static Request read(InputStream in, boolean readBody) throws IOException {
			String requestLine = readLine(in);
			if (requestLine == null || requestLine.isEmpty()) {
				return null;
			}
			Map<String, String> headers = new LinkedHashMap<>();
			for (String line = readLine(in); line != null && !line.isEmpty(); line = readLine(in)) {
				int colon = line.indexOf(':');
				headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
			}
			byte[] body;
			if (!readBody) {
				body = new byte[0];
			}
			else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
				ByteArrayOutputStream out = new ByteArrayOutputStream();
				for (String size = readLine(in); size != null; size = readLine(in)) {
					int length = Integer.parseInt(size.split(";")[0].trim(), 16);
					if (length == 0) {
						readLine(in);
						break;
					}
					out.write(in.readNBytes(length));
					readLine(in);
				}
				body = out.toByteArray();
			}
			else {
				body = in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0")));
			}
			String[] parts = requestLine.split(" ");
			return new Request(parts[0], parts[1], headers, body);
		}

		private static String readLine(InputStream in) throws IOException {
			return LoopbackServer.Exchange.readLine(in);
		}

	}

	/** The connection of one request, to answer or to misbehave on. */
	public static final class Connection {

		private final Socket socket;

		private final InputStream in;

		private final OutputStream out;

		private final Request request;

		Connection(Socket socket, InputStream in, OutputStream out, Request request) {
			this.socket = socket;
			this.in = in;
			this.out = out;
			this.request = request;
		}

		/**
		 * The request.
		 * @return the request
		 */
		public Request request() {
			return this.request;
		}

		/**
		 * Reads the request body (left unread by a server made with
		 * {@code readBody = false}) at a pace: {@code size} bytes, then a pause.
		 * @param size bytes read between two pauses
		 * @param pauseMillis the pause
		 * @return the body (chunked transfer coding removed)
		 * @throws Exception when the client went away or the wait was interrupted
		 */
		public byte[] readBody(int size, long pauseMillis) throws Exception {
			InputStream paced = new InputStream() {

				private int left = size;

				@Override
				public int read() throws IOException {
					byte[] one = new byte[1];
					return (read(one, 0, 1) < 0) ? -1 : (one[0] & 0xff);
				}

				@Override
				public int read(byte[] b, int off, int len) throws IOException {
					if (this.left == 0) {
						try {
							Thread.sleep(pauseMillis);
						}
						catch (InterruptedException ex) {
							throw new IOException(ex);
						}
						this.left = size;
					}
					int read = Connection.this.in.read(b, off, Math.min(len, this.left));
					if (read > 0) {
						this.left -= read;
					}
					return read;
				}

			};
			StringBuilder head = new StringBuilder("X / HTTP/1.1\r\n");
			this.request.headers()
				.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
			head.append("\r\n");
			InputStream whole = new java.io.SequenceInputStream(
					new java.io.ByteArrayInputStream(head.toString().getBytes(StandardCharsets.ISO_8859_1)), paced);
			return Request.read(whole, true).body();
		}

		/**
		 * Writes raw bytes (text in ISO-8859-1 for heads, UTF-8 bodies should be ASCII
		 * here) and flushes them.
		 * @param text what to write
		 * @throws IOException when the client went away
		 */
		public void write(String text) throws IOException {
			this.out.write(text.getBytes(StandardCharsets.UTF_8));
			this.out.flush();
		}

		/**
		 * Writes a status line and headers (with {@code Connection: close}), ending the
		 * head.
		 * @param status the status
		 * @param headers name and value pairs
		 * @throws IOException when the client went away
		 */
		public void head(int status, String... headers) throws IOException {
			StringBuilder head = new StringBuilder("HTTP/1.1 ").append(status).append(" X\r\n");
			for (int i = 0; i + 1 < headers.length; i += 2) {
				head.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
			}
			head.append("mistral-correlation-id: fault-1\r\nConnection: close\r\n\r\n");
			write(head.toString());
		}

		/**
		 * Answers with a complete body.
		 * @param status the status
		 * @param contentType the content type
		 * @param body the body
		 * @param headers more headers, as name and value pairs
		 * @throws IOException when the client went away
		 */
		public void respond(int status, String contentType, String body, String... headers) throws IOException {
			byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
			String[] all = new String[headers.length + 4];
			all[0] = "Content-Type";
			all[1] = contentType;
			all[2] = "Content-Length";
			all[3] = String.valueOf(bytes.length);
			System.arraycopy(headers, 0, all, 4, headers.length);
			head(status, all);
			this.out.write(bytes);
			this.out.flush();
		}

		/**
		 * Writes one chunk of a chunked body.
		 * @param text the chunk
		 * @throws IOException when the client went away
		 */
		public void chunk(String text) throws IOException {
			byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
			write(Integer.toHexString(bytes.length) + "\r\n");
			this.out.write(bytes);
			write("\r\n");
		}

		/**
		 * Ends a chunked body.
		 * @throws IOException when the client went away
		 */
		public void endChunks() throws IOException {
			write("0\r\n\r\n");
		}

		/**
		 * Resets the connection (TCP RST): the client reads "connection reset".
		 * @throws IOException when the socket is already closed
		 */
		public void reset() throws IOException {
			this.socket.setSoLinger(true, 0);
			this.socket.close();
		}

		/**
		 * Closes the connection normally (FIN).
		 * @throws IOException when the socket is already closed
		 */
		public void close() throws IOException {
			this.out.flush();
			this.socket.close();
		}

		/**
		 * Waits, silent, until the client closes the connection or the time is up.
		 * @param timeout the longest wait
		 * @return {@code true} when the client closed it
		 */
		public boolean awaitClientClose(Duration timeout) {
			try {
				this.socket.setSoTimeout((int) timeout.toMillis());
				while (this.in.read() >= 0) {
					// discard whatever the client still sends
				}
				return true;
			}
			catch (SocketTimeoutException ex) {
				return false;
			}
			catch (IOException ex) {
				return true;
			}
		}

		/**
		 * Sleeps (the server's own pace, never measured by a test).
		 * @param millis how long
		 * @throws InterruptedException when interrupted
		 */
		public void pause(long millis) throws InterruptedException {
			Thread.sleep(millis);
		}

	}

}
