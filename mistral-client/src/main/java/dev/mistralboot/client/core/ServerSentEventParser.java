package dev.mistralboot.client.core;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.jspecify.annotations.Nullable;

/**
 * An incremental server-sent events parser over bytes: fed whatever the network
 * delivered, it calls the handler once per complete event with the event's {@code data}
 * (lines joined by {@code \n}) in a reused buffer, so a stream is parsed without a
 * {@code String} per line. Used by both the blocking and the reactive clients. Not
 * thread-safe.
 */
final class ServerSentEventParser {

	private static final byte[] DATA = "data".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] EVENT = "event".getBytes(StandardCharsets.US_ASCII);

	private final Handler handler;

	private byte[] line = new byte[1024];

	private int lineLength;

	private byte[] data = new byte[1024];

	private int dataLength;

	private boolean hasData;

	private @Nullable String eventName;

	private boolean lastWasCarriageReturn;

	ServerSentEventParser(Handler handler) {
		this.handler = handler;
	}

	/**
	 * Parses the next bytes of the stream.
	 */
	void feed(byte[] bytes, int offset, int length) {
		int end = offset + length;
		for (int i = offset; i < end; i++) {
			byte b = bytes[i];
			if (b == '\n') {
				if (this.lastWasCarriageReturn) {
					this.lastWasCarriageReturn = false;
					continue;
				}
				endOfLine();
			}
			else if (b == '\r') {
				this.lastWasCarriageReturn = true;
				endOfLine();
			}
			else {
				this.lastWasCarriageReturn = false;
				if (this.lineLength == this.line.length) {
					this.line = Arrays.copyOf(this.line, this.line.length * 2);
				}
				this.line[this.lineLength++] = b;
			}
		}
	}

	/**
	 * Ends the stream: an event whose blank line never came is still dispatched.
	 */
	void finish() {
		if (this.lineLength > 0) {
			endOfLine();
		}
		dispatch();
	}

	private void endOfLine() {
		int length = this.lineLength;
		this.lineLength = 0;
		if (length == 0) {
			dispatch();
			return;
		}
		byte[] l = this.line;
		if (l[0] == ':') {
			return; // comment
		}
		int colon = indexOf(l, length, (byte) ':');
		int nameLength = (colon < 0) ? length : colon;
		int valueStart = (colon < 0) ? length : colon + 1;
		if (valueStart < length && l[valueStart] == ' ') {
			valueStart++;
		}
		if (matches(l, nameLength, DATA)) {
			appendData(l, valueStart, length - valueStart);
		}
		else if (matches(l, nameLength, EVENT)) {
			this.eventName = new String(l, valueStart, length - valueStart, StandardCharsets.UTF_8);
		}
		// id, retry and unknown fields are ignored
	}

	private void appendData(byte[] source, int offset, int length) {
		int needed = this.dataLength + length + (this.hasData ? 1 : 0);
		if (needed > this.data.length) {
			this.data = Arrays.copyOf(this.data, Math.max(needed, this.data.length * 2));
		}
		if (this.hasData) {
			this.data[this.dataLength++] = '\n';
		}
		System.arraycopy(source, offset, this.data, this.dataLength, length);
		this.dataLength += length;
		this.hasData = true;
	}

	private void dispatch() {
		if (this.hasData) {
			String name = this.eventName;
			int length = this.dataLength;
			this.dataLength = 0;
			this.hasData = false;
			this.eventName = null;
			this.handler.onEvent(name, this.data, length);
		}
		else {
			this.eventName = null;
		}
	}

	private static int indexOf(byte[] bytes, int length, byte value) {
		for (int i = 0; i < length; i++) {
			if (bytes[i] == value) {
				return i;
			}
		}
		return -1;
	}

	private static boolean matches(byte[] bytes, int length, byte[] name) {
		if (length != name.length) {
			return false;
		}
		for (int i = 0; i < length; i++) {
			if (bytes[i] != name[i]) {
				return false;
			}
		}
		return true;
	}

	/** Receives complete events; the data buffer is only valid during the call. */
	interface Handler {

		void onEvent(@Nullable String eventName, byte[] data, int length);

	}

}
