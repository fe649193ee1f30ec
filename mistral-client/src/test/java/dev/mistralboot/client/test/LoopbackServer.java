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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny hand-written HTTP/1.1 server on a loopback port, for what WireMock cannot show
 * reliably: a stream that stalls after some events, and whether the client closed the
 * connection. Each connection runs the {@link Script} on its own thread; the requests are
 * kept so a test can validate them against the API description.
 */
public final class LoopbackServer implements AutoCloseable {

	private final ServerSocket serverSocket;

	private final Script script;

	private final List<Exchange> exchanges = new CopyOnWriteArrayList<>();

	private final AtomicInteger connections = new AtomicInteger();

	private final Thread acceptor;

	private volatile boolean closed;

	/**
	 * Starts a server running the script for every request.
	 * @param script what to answer
	 * @throws IOException when no port could be bound
	 */
	public LoopbackServer(Script script) throws IOException {
		this.script = script;
		this.serverSocket = new ServerSocket();
		this.serverSocket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
		this.acceptor = new Thread(this::acceptLoop, "loopback-server-" + this.serverSocket.getLocalPort());
		this.acceptor.setDaemon(true);
		this.acceptor.start();
	}

	/**
	 * The base URL, such as {@code http://127.0.0.1:51234}.
	 * @return the base URL
	 */
	public String baseUrl() {
		return "http://127.0.0.1:" + this.serverSocket.getLocalPort();
	}

	/**
	 * The exchanges received so far.
	 * @return the exchanges
	 */
	public List<Exchange> exchanges() {
		return List.copyOf(this.exchanges);
	}

	/**
	 * How many connections were accepted.
	 * @return the count
	 */
	public int connections() {
		return this.connections.get();
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
			this.connections.incrementAndGet();
			Thread worker = new Thread(() -> handle(socket), "loopback-connection");
			worker.setDaemon(true);
			worker.start();
		}
	}

	private void handle(Socket socket) {
		try (socket) {
			InputStream in = socket.getInputStream();
			OutputStream out = socket.getOutputStream();
			while (!this.closed) {
				Exchange exchange = Exchange.read(socket, in, out);
				if (exchange == null) {
					return;
				}
				this.exchanges.add(exchange);
				try {
					this.script.serve(exchange);
				}
				finally {
					exchange.finished.countDown();
				}
				if (!exchange.keepAlive) {
					return;
				}
			}
		}
		catch (Exception ex) {
			// the client went away or the script gave up: the socket is closed
		}
	}

	@Override
	public void close() throws IOException {
		this.closed = true;
		this.serverSocket.close();
	}

	/** What the server does with one exchange. */
	@FunctionalInterface
	public interface Script {

		/**
		 * Answers one request.
		 * @param exchange the request and the connection
		 * @throws Exception anything; the connection is then closed
		 */
		void serve(Exchange exchange) throws Exception;

	}

	/** One request and its connection. */
	public static final class Exchange {

		private final Socket socket;

		private final InputStream in;

		private final OutputStream out;

		private final String method;

		private final String path;

		private final Map<String, String> headers;

		private final byte[] body;

		private final CountDownLatch finished = new CountDownLatch(1);

		private final CountDownLatch clientClosed = new CountDownLatch(1);

		private volatile boolean writeFailed;

		private boolean keepAlive;

		private Exchange(Socket socket, InputStream in, OutputStream out, String method, String path,
				Map<String, String> headers, byte[] body) {
			this.socket = socket;
			this.in = in;
			this.out = out;
			this.method = method;
			this.path = path;
			this.headers = headers;
			this.body = body;
		}

		static Exchange read(Socket socket, InputStream in, OutputStream out) throws IOException {
			String requestLine = readLine(in);
			if (requestLine == null || requestLine.isEmpty()) {
				return null;
			}
			Map<String, String> headers = new LinkedHashMap<>();
			for (String line = readLine(in); line != null && !line.isEmpty(); line = readLine(in)) {
				int colon = line.indexOf(':');
				headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
			}
			int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
			byte[] body = in.readNBytes(length);
			String[] parts = requestLine.split(" ");
			return new Exchange(socket, in, out, parts[0], parts[1], headers, body);
		}

		/**
		 * Reads one HTTP line (CR LF or LF), without its end; {@code null} at the end of
		 * the stream.
		 */
		static String readLine(InputStream in) throws IOException {
			ByteArrayOutputStream line = new ByteArrayOutputStream();
			int b;
			while ((b = in.read()) >= 0) {
				if (b == '\n') {
					String text = line.toString(StandardCharsets.ISO_8859_1);
					return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
				}
				line.write(b);
			}
			return (line.size() > 0) ? line.toString(StandardCharsets.ISO_8859_1) : null;
		}

		/**
		 * @return the request method
		 */
		public String method() {
			return this.method;
		}

		/**
		 * @return the request path with its query
		 */
		public String path() {
			return this.path;
		}

		/**
		 * A request header.
		 * @param name the name, any case
		 * @return the value or {@code null}
		 */
		public String header(String name) {
			return this.headers.get(name.toLowerCase(Locale.ROOT));
		}

		/**
		 * @return the request body
		 */
		public byte[] body() {
			return this.body.clone();
		}

		/**
		 * @return the request body as text
		 */
		public String bodyText() {
			return new String(this.body, StandardCharsets.UTF_8);
		}

		/**
		 * Starts a chunked answer.
		 * @param status the status
		 * @param contentType the content type
		 * @throws IOException when the client went away
		 */
		public void startChunked(int status, String contentType) throws IOException {
			write(("HTTP/1.1 " + status + " X\r\nContent-Type: " + contentType
					+ "\r\nTransfer-Encoding: chunked\r\nmistral-correlation-id: loopback-1\r\n\r\n")
				.getBytes(StandardCharsets.ISO_8859_1));
		}

		/**
		 * Sends one chunk of a chunked answer.
		 * @param text the text
		 * @throws IOException when the client went away
		 */
		public void chunk(String text) throws IOException {
			byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
			write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
			write(bytes);
			write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
		}

		/**
		 * Ends a chunked answer; the connection may be reused.
		 * @throws IOException when the client went away
		 */
		public void endChunked() throws IOException {
			write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
			this.keepAlive = true;
		}

		private void write(byte[] bytes) throws IOException {
			try {
				this.out.write(bytes);
				this.out.flush();
			}
			catch (IOException ex) {
				this.writeFailed = true;
				throw ex;
			}
		}

		/**
		 * Waits until the client closes the connection (its end of the socket reads as
		 * ended or reset) and reports whether it did in time.
		 * @param timeout how long to wait
		 * @return {@code true} when the client closed the connection
		 */
		public boolean awaitClientClose(Duration timeout) {
			long deadline = System.nanoTime() + timeout.toNanos();
			try {
				while (System.nanoTime() < deadline) {
					this.socket
						.setSoTimeout((int) Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
					try {
						if (this.in.read() < 0) {
							this.clientClosed.countDown();
							return true;
						}
					}
					catch (SocketTimeoutException ex) {
						return false;
					}
				}
			}
			catch (IOException ex) {
				this.clientClosed.countDown();
				return true;
			}
			return false;
		}

		/**
		 * Whether {@link #awaitClientClose(Duration)} saw the client close the
		 * connection.
		 * @param timeout how long to wait for that
		 * @return {@code true} once the client closed it
		 * @throws InterruptedException when interrupted
		 */
		public boolean clientClosed(Duration timeout) throws InterruptedException {
			return this.clientClosed.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}

		/**
		 * @return whether a write to the client failed
		 */
		public boolean writeFailed() {
			return this.writeFailed;
		}

		/**
		 * Waits until the script finished with this exchange.
		 * @param timeout how long to wait
		 * @return {@code true} when it finished
		 * @throws InterruptedException when interrupted
		 */
		public boolean awaitFinished(Duration timeout) throws InterruptedException {
			return this.finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}

	}

}
