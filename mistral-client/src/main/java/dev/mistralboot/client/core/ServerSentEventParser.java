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
	 * Parses the next bytes of the stream. A line that lies whole in {@code bytes} is
	 * read where it is; only the start of a line cut by the end of {@code bytes} is kept
	 * aside until the rest arrives.
	 */
	void feed(byte[] bytes, int offset, int length) {
		int i = offset;
		int end = offset + length;
		if (this.lastWasCarriageReturn && i < end) {
			this.lastWasCarriageReturn = false;
			if (bytes[i] == '\n') {
				i++; // the line feed of a CRLF cut between two reads
			}
		}
		while (i < end) {
			int eol = ByteScan.lineEnd(bytes, i, end);
			if (eol == end) {
				keep(bytes, i, end - i);
				return;
			}
			if (this.lineLength > 0) {
				keep(bytes, i, eol - i);
				endKeptLine();
			}
			else {
				endOfLine(bytes, i, eol - i);
			}
			i = eol + 1;
			if (bytes[eol] == '\r') {
				if (i == end) {
					this.lastWasCarriageReturn = true;
				}
				else if (bytes[i] == '\n') {
					i++;
				}
			}
		}
	}

	/** Keeps the start of a line that the next bytes will end. */
	private void keep(byte[] bytes, int offset, int length) {
		if (this.lineLength + length > this.line.length) {
			this.line = Arrays.copyOf(this.line, Math.max(this.lineLength + length, this.line.length * 2));
		}
		System.arraycopy(bytes, offset, this.line, this.lineLength, length);
		this.lineLength += length;
	}

	/**
	 * Ends the stream: an event whose blank line never came is still dispatched.
	 */
	void finish() {
		if (this.lineLength > 0) {
			endKeptLine();
		}
		dispatch();
	}

	/** Ends the line kept aside, emptying the buffer first (the handler may throw). */
	private void endKeptLine() {
		int kept = this.lineLength;
		this.lineLength = 0;
		endOfLine(this.line, 0, kept);
	}

	private void endOfLine(byte[] l, int start, int length) {
		if (length == 0) {
			dispatch();
			return;
		}
		if (l[start] == ':') {
			return; // comment
		}
		int colon = indexOf(l, start, length, (byte) ':');
		int nameLength = (colon < 0) ? length : colon;
		int valueStart = (colon < 0) ? length : colon + 1;
		if (valueStart < length && l[start + valueStart] == ' ') {
			valueStart++;
		}
		if (matches(l, start, nameLength, DATA)) {
			appendData(l, start + valueStart, length - valueStart);
		}
		else if (matches(l, start, nameLength, EVENT)) {
			this.eventName = new String(l, start + valueStart, length - valueStart, StandardCharsets.UTF_8);
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

	/** The position of {@code value} in the line, counted from its start, or -1. */
	private static int indexOf(byte[] bytes, int start, int length, byte value) {
		for (int i = 0; i < length; i++) {
			if (bytes[start + i] == value) {
				return i;
			}
		}
		return -1;
	}

	private static boolean matches(byte[] bytes, int start, int length, byte[] name) {
		if (length != name.length) {
			return false;
		}
		for (int i = 0; i < length; i++) {
			if (bytes[start + i] != name[i]) {
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
