package dev.mistralboot.contract;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Minimal {@code multipart/form-data} parser (RFC 7578), enough to check the fields a
 * client sent.
 */
final class MultipartForm {

	private MultipartForm() {
	}

	/** The {@code boundary} parameter of a multipart content type, unquoted. */
	static Optional<String> boundary(@Nullable String contentType) {
		if (contentType == null) {
			return Optional.empty();
		}
		for (String param : splitParams(contentType)) {
			int eq = param.indexOf('=');
			if (eq > 0 && param.substring(0, eq).trim().equalsIgnoreCase("boundary")) {
				String value = unquote(param.substring(eq + 1).trim());
				return value.isEmpty() ? Optional.empty() : Optional.of(value);
			}
		}
		return Optional.empty();
	}

	/**
	 * Guesses the boundary from the body's first line ({@code --boundary}), for callers
	 * without a content type.
	 */
	static Optional<String> sniffBoundary(byte[] body) {
		if (body.length < 3 || body[0] != '-' || body[1] != '-') {
			return Optional.empty();
		}
		int end = 2;
		while (end < body.length && body[end] != '\r' && body[end] != '\n') {
			end++;
		}
		String boundary = new String(body, 2, end - 2, StandardCharsets.ISO_8859_1).trim();
		return boundary.isEmpty() ? Optional.empty() : Optional.of(boundary);
	}

	/**
	 * Parses the parts of a body.
	 * @throws IllegalArgumentException with a readable message when the body is not a
	 * well-formed form
	 */
	static List<Part> parse(byte[] body, String boundary) {
		byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
		int pos = indexOf(body, delimiter, 0);
		if (pos < 0) {
			throw new IllegalArgumentException("multipart body does not contain the boundary '" + boundary + "'");
		}
		List<Part> parts = new ArrayList<>();
		while (true) {
			pos += delimiter.length;
			if (pos + 1 < body.length && body[pos] == '-' && body[pos + 1] == '-') {
				return parts; // close delimiter
			}
			pos = skipLineEnd(body, skipTransportPadding(body, pos));
			int headerEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), pos);
			int contentStart;
			if (headerEnd >= 0) {
				contentStart = headerEnd + 4;
			}
			else {
				headerEnd = indexOf(body, "\n\n".getBytes(StandardCharsets.ISO_8859_1), pos);
				if (headerEnd < 0) {
					throw new IllegalArgumentException("multipart part " + (parts.size() + 1) + " has no header end");
				}
				contentStart = headerEnd + 2;
			}
			String headers = new String(body, pos, headerEnd - pos, StandardCharsets.UTF_8);
			int next = indexOf(body, delimiter, contentStart);
			if (next < 0) {
				throw new IllegalArgumentException("multipart body is not terminated by '--" + boundary + "--'");
			}
			int contentEnd = next;
			if (contentEnd >= contentStart + 2 && body[contentEnd - 2] == '\r' && body[contentEnd - 1] == '\n') {
				contentEnd -= 2;
			}
			else if (contentEnd >= contentStart + 1 && body[contentEnd - 1] == '\n') {
				contentEnd -= 1;
			}
			byte[] content = new byte[Math.max(0, contentEnd - contentStart)];
			System.arraycopy(body, contentStart, content, 0, content.length);
			parts.add(part(headers, content, parts.size() + 1));
			pos = next;
		}
	}

	private static Part part(String headers, byte[] content, int number) {
		String disposition = null;
		String contentType = null;
		for (String line : headers.split("\r?\n")) {
			int colon = line.indexOf(':');
			if (colon < 0) {
				continue;
			}
			String header = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
			String value = line.substring(colon + 1).trim();
			if (header.equals("content-disposition")) {
				disposition = value;
			}
			else if (header.equals("content-type")) {
				contentType = value;
			}
		}
		if (disposition == null) {
			throw new IllegalArgumentException("multipart part " + number + " has no Content-Disposition header");
		}
		String name = null;
		String filename = null;
		for (String param : splitParams(disposition)) {
			int eq = param.indexOf('=');
			if (eq <= 0) {
				continue;
			}
			String key = param.substring(0, eq).trim().toLowerCase(Locale.ROOT);
			String value = unquote(param.substring(eq + 1).trim());
			if (key.equals("name")) {
				name = value;
			}
			else if (key.equals("filename") || (key.equals("filename*") && filename == null)) {
				filename = value;
			}
		}
		if (name == null) {
			throw new IllegalArgumentException(
					"multipart part " + number + " has no name in its Content-Disposition: " + disposition);
		}
		return new Part(name, filename, contentType, content);
	}

	/**
	 * Splits {@code a; b="x;y"; c} on semicolons outside quotes; the first element is the
	 * main value.
	 */
	private static List<String> splitParams(String header) {
		List<String> out = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < header.length(); i++) {
			char c = header.charAt(i);
			if (c == '"' && (i == 0 || header.charAt(i - 1) != '\\')) {
				quoted = !quoted;
			}
			if (c == ';' && !quoted) {
				out.add(current.toString().trim());
				current.setLength(0);
			}
			else {
				current.append(c);
			}
		}
		out.add(current.toString().trim());
		return out;
	}

	private static String unquote(String value) {
		if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
			return value.substring(1, value.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
		}
		return value;
	}

	private static int skipTransportPadding(byte[] body, int pos) {
		while (pos < body.length && (body[pos] == ' ' || body[pos] == '\t')) {
			pos++;
		}
		return pos;
	}

	private static int skipLineEnd(byte[] body, int pos) {
		if (pos < body.length && body[pos] == '\r') {
			pos++;
		}
		if (pos < body.length && body[pos] == '\n') {
			pos++;
		}
		return pos;
	}

	static int indexOf(byte[] haystack, byte[] needle, int from) {
		outer: for (int i = Math.max(0, from); i <= haystack.length - needle.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (haystack[i + j] != needle[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

	/**
	 * One part of the form.
	 *
	 * @param name the field name from {@code Content-Disposition}
	 * @param filename the file name, when the part is a file part
	 * @param contentType the part's {@code Content-Type}, if any
	 * @param content the raw content
	 */
	record Part(String name, @Nullable String filename, @Nullable String contentType, byte[] content) {

		String text() {
			return new String(this.content, StandardCharsets.UTF_8);
		}
	}

}
