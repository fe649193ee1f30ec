package dev.mistralboot.contract;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** A concrete request, with the path split and the body parsed lazily. */
final class RequestView {

	private final String method;

	private final String path;

	private final @Nullable String rawQuery;

	private final String[] segments;

	private final @Nullable String contentType;

	private final @Nullable String mediaType;

	private final byte[] body;

	private boolean parsed;

	private @Nullable JsonNode json;

	private @Nullable List<MultipartForm.Part> parts;

	private @Nullable String bodyProblem;

	RequestView(String method, String url, @Nullable String contentType, byte @Nullable [] body) {
		this.method = method.trim().toUpperCase(Locale.ROOT);
		String pathAndQuery = url.trim();
		int scheme = pathAndQuery.indexOf("://");
		if (scheme >= 0) {
			int slash = pathAndQuery.indexOf('/', scheme + 3);
			pathAndQuery = (slash < 0) ? "/" : pathAndQuery.substring(slash);
		}
		int hash = pathAndQuery.indexOf('#');
		if (hash >= 0) {
			pathAndQuery = pathAndQuery.substring(0, hash);
		}
		int question = pathAndQuery.indexOf('?');
		this.path = (question < 0) ? pathAndQuery : pathAndQuery.substring(0, question);
		this.rawQuery = (question < 0) ? null : pathAndQuery.substring(question + 1);
		String trimmed = this.path.startsWith("/") ? this.path.substring(1) : this.path;
		String[] raw = trimmed.isEmpty() ? new String[0] : trimmed.split("/", -1);
		this.segments = new String[raw.length];
		for (int i = 0; i < raw.length; i++) {
			this.segments[i] = percentDecode(raw[i]);
		}
		this.contentType = contentType;
		this.mediaType = (contentType != null) ? contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT) : null;
		this.body = (body != null) ? body : new byte[0];
	}

	String method() {
		return this.method;
	}

	String path() {
		return this.path;
	}

	String[] segments() {
		return this.segments;
	}

	@Nullable String mediaType() {
		return this.mediaType;
	}

	byte[] body() {
		return this.body;
	}

	@Nullable JsonNode json() {
		parse();
		return this.json;
	}

	@Nullable List<MultipartForm.Part> parts() {
		parse();
		return this.parts;
	}

	String bodyProblem() {
		parse();
		return (this.bodyProblem != null) ? this.bodyProblem : "unknown problem";
	}

	boolean streamRequested() {
		parse();
		if (this.json != null) {
			return this.json.path("stream").asBoolean(false);
		}
		if (this.parts != null) {
			return this.parts.stream().anyMatch((p) -> p.name().equals("stream") && p.text().trim().equals("true"));
		}
		return false;
	}

	Map<String, List<String>> query() {
		Map<String, List<String>> query = new LinkedHashMap<>();
		if (this.rawQuery == null || this.rawQuery.isEmpty()) {
			return query;
		}
		for (String pair : this.rawQuery.split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int eq = pair.indexOf('=');
			String name = URLDecoder.decode((eq < 0) ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
			String value = (eq < 0) ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
			query.computeIfAbsent(name, (n) -> new ArrayList<>()).add(value);
		}
		return query;
	}

	private void parse() {
		if (this.parsed) {
			return;
		}
		this.parsed = true;
		if (this.body.length == 0) {
			return;
		}
		boolean jsonType = this.mediaType != null
				&& (this.mediaType.equals("application/json") || this.mediaType.endsWith("+json"));
		boolean multipartType = this.mediaType != null && this.mediaType.startsWith("multipart/");
		if (jsonType || (this.mediaType == null && looksLikeJson())) {
			try {
				this.json = Json.MAPPER.readTree(this.body);
			}
			catch (JacksonException ex) {
				this.bodyProblem = ex.getOriginalMessage();
			}
		}
		else if (multipartType || this.mediaType == null) {
			Optional<String> boundary = multipartType ? MultipartForm.boundary(this.contentType)
					: MultipartForm.sniffBoundary(this.body);
			if (boundary.isEmpty()) {
				this.bodyProblem = multipartType ? "Content-Type " + this.contentType + " has no boundary"
						: "body is neither JSON nor multipart";
				return;
			}
			try {
				this.parts = MultipartForm.parse(this.body, boundary.get());
			}
			catch (IllegalArgumentException ex) {
				this.bodyProblem = ex.getMessage();
			}
		}
	}

	private boolean looksLikeJson() {
		for (byte b : this.body) {
			if (b == ' ' || b == '\t' || b == '\r' || b == '\n') {
				continue;
			}
			return b == '{' || b == '[';
		}
		return false;
	}

	private static String percentDecode(String segment) {
		if (segment.indexOf('%') < 0) {
			return segment;
		}
		byte[] bytes = segment.getBytes(StandardCharsets.UTF_8);
		byte[] out = new byte[bytes.length];
		int n = 0;
		for (int i = 0; i < bytes.length; i++) {
			if (bytes[i] == '%' && i + 2 < bytes.length && hex(bytes[i + 1]) >= 0 && hex(bytes[i + 2]) >= 0) {
				out[n++] = (byte) (hex(bytes[i + 1]) * 16 + hex(bytes[i + 2]));
				i += 2;
			}
			else {
				out[n++] = bytes[i];
			}
		}
		return new String(out, 0, n, StandardCharsets.UTF_8);
	}

	private static int hex(byte b) {
		return Character.digit((char) b, 16);
	}

}
