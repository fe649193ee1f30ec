package dev.mistralboot.client.test;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.TestAbortedException;

/**
 * A real Redis for tests: Debian's {@code redis-server} (README, set-up commands),
 * started on a free loopback port without persistence before the test class and stopped
 * after it. Without the binary the tests are skipped with a message, except under
 * {@code CI=true}, where they fail. Register it as a static {@code @RegisterExtension}
 * field.
 */
public final class RedisServer implements BeforeAllCallback, AfterAllCallback {

	/** The README's set-up command. */
	static final String INSTALL = "command -v redis-server >/dev/null || { apt-get update && apt-get install -y redis-server; }";

	private int port;

	private Process process;

	@Override
	public void beforeAll(ExtensionContext context) throws Exception {
		RuntimeException missing = whenMissing(binary(), System.getenv("CI"));
		if (missing != null) {
			throw missing;
		}
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			this.port = socket.getLocalPort();
		}
		start();
	}

	@Override
	public void afterAll(ExtensionContext context) {
		stop();
	}

	/**
	 * The port Redis listens on (127.0.0.1).
	 * @return the port
	 */
	public int port() {
		return this.port;
	}

	/**
	 * The URI of the server.
	 * @return {@code redis://127.0.0.1:<port>}
	 */
	public String uri() {
		return "redis://127.0.0.1:" + this.port;
	}

	/**
	 * Starts the server (again, on the same port) and waits until it answers.
	 * @throws IOException when it cannot be started
	 * @throws InterruptedException when interrupted
	 */
	public synchronized void start() throws IOException, InterruptedException {
		if (this.process != null && this.process.isAlive()) {
			return;
		}
		this.process = new ProcessBuilder(List.of(binary(), "--port", Integer.toString(this.port), "--bind",
				"127.0.0.1", "--save", "", "--appendonly", "no"))
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start();
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
		while (!answers()) {
			if (!this.process.isAlive()) {
				throw new IOException("redis-server exited with " + this.process.exitValue() + " on port " + this.port);
			}
			if (System.nanoTime() > deadline) {
				throw new IOException("redis-server did not answer on port " + this.port + " within 20 s");
			}
			Thread.sleep(20);
		}
	}

	/**
	 * Stops the server and waits for it to exit.
	 */
	public synchronized void stop() {
		if (this.process != null) {
			this.process.destroy();
			try {
				if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
					this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			this.process = null;
		}
	}

	/**
	 * What to do about the {@code redis-server} executable found (or not).
	 * @param binary the executable found, or {@code null} when there is none
	 * @param ciValue the value of the environment variable {@code CI}, or {@code null}
	 * @return {@code null} when there is an executable; else the exception to throw: a
	 * failure when {@code ciValue} is {@code true} (ignoring case and blanks around it),
	 * otherwise a {@link TestAbortedException} that reports the tests as skipped; both
	 * say how to install it
	 */
	static @Nullable RuntimeException whenMissing(@Nullable String binary, @Nullable String ciValue) {
		if (binary != null) {
			return null;
		}
		String message = "redis-server is not installed: install it with `" + INSTALL + "` (README, set-up commands)";
		if (ciValue != null && ciValue.trim().equalsIgnoreCase("true")) {
			return new IllegalStateException(message + "; it is required under CI=true");
		}
		return new TestAbortedException(message + "; skipping the Redis tests (they fail under CI=true)");
	}

	private boolean answers() {
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), this.port)) {
			socket.setSoTimeout(1000);
			OutputStream out = socket.getOutputStream();
			out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			byte[] buffer = new byte[16];
			int read = in.read(buffer);
			return read > 0 && new String(buffer, 0, read, StandardCharsets.US_ASCII).startsWith("+PONG");
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static @Nullable String binary() {
		for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
			File candidate = new File(dir, "redis-server");
			if (candidate.canExecute()) {
				return candidate.getAbsolutePath();
			}
		}
		for (String fallback : List.of("/usr/bin/redis-server", "/usr/sbin/redis-server")) {
			if (new File(fallback).canExecute()) {
				return fallback;
			}
		}
		return null;
	}

}
