package dev.mistralboot.client.core;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.http.HttpHeaders;

/**
 * Turns an error answer of any shape into the right {@link MistralApiException} subclass
 * with a message that says what went wrong and what to fix. Never fails a second time: a
 * body that cannot be parsed is kept raw and summarised.
 */
public final class ErrorResponses {

	private static final int MAX_TEXT_IN_MESSAGE = 300;

	private static final String AGENTS_COMPLETIONS_PATH = "/v1/agents/completions";

	private static final String FINE_TUNING_JOBS_PATH = "/v1/fine_tuning/jobs";

	private static final Pattern HTML_TITLE = Pattern.compile("<title>(.*?)</title>",
			Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

	private final ObjectMapper mapper;

	/**
	 * Creates a parser using the given mapper for JSON bodies.
	 * @param mapper the JSON mapper
	 */
	public ErrorResponses(ObjectMapper mapper) {
		this.mapper = mapper;
	}

	/**
	 * Builds the exception for an error answer.
	 * @param method the HTTP method of the request
	 * @param path the request path (no query string, no host)
	 * @param status the HTTP status
	 * @param headers the response headers
	 * @param body the response body bytes
	 * @param attempts how many attempts were made
	 * @return the exception to throw
	 */
	public MistralApiException toException(String method, String path, int status, HttpHeaders headers, byte[] body,
			int attempts) {
		String raw = new String(body, StandardCharsets.UTF_8);
		ApiError error = parse(raw, headers);
		String message = message(method, path, status, headers, error, attempts);
		return switch (status) {
			case 400 -> new MistralBadRequestException(message, status, headers, raw, error);
			case 401 -> new MistralUnauthorizedException(message, status, headers, raw, error);
			case 402 -> new MistralPaymentRequiredException(message, status, headers, raw, error);
			case 403 -> new MistralPermissionDeniedException(message, status, headers, raw, error);
			case 404 -> new MistralNotFoundException(message, status, headers, raw, error);
			case 410 -> new MistralGoneException(message, status, headers, raw, error, replacement(path));
			case 422 -> new MistralUnprocessableEntityException(message, status, headers, raw, error);
			case 429 -> new MistralRateLimitException(message, status, headers, raw, error);
			default -> (status >= 500) ? new MistralServerException(message, status, headers, raw, error)
					: new MistralApiException(message, status, headers, raw, error);
		};
	}

	/**
	 * Parses an error body of any shape. Also used for error events inside streams.
	 * @param raw the body text
	 * @param headers the response headers (for the content type), may be empty
	 * @return the parsed error
	 */
	public ApiError parse(String raw, HttpHeaders headers) {
		String trimmed = raw.strip();
		if (trimmed.isEmpty()) {
			return new ApiError("(empty body)", null, null, null, null, List.of());
		}
		if (trimmed.startsWith("{")) {
			try {
				JsonNode node = this.mapper.readTree(trimmed);
				if (node != null && node.isObject()) {
					return fromJson(node);
				}
			}
			catch (JacksonException ex) {
				// not JSON after all: fall through to text
			}
		}
		if (looksLikeHtml(trimmed, headers)) {
			Matcher title = HTML_TITLE.matcher(trimmed);
			String summary = title.find() ? title.group(1).strip() : "an HTML page";
			return new ApiError("HTML answer from a proxy or gateway: " + truncate(summary) + " (" + raw.length()
					+ " characters; see getRawBody())", null, null, null, null, List.of());
		}
		return new ApiError(truncate(trimmed), null, null, null, null, List.of());
	}

	private ApiError fromJson(JsonNode node) {
		List<ApiError.ValidationDetail> details = new ArrayList<>();
		String message = null;
		JsonNode messageNode = node.get("message");
		if (messageNode != null && messageNode.isObject()) {
			// 422 wrapped inside an error object: {"message":{"detail":[...]}}
			collectDetails(messageNode.get("detail"), details);
			if (details.isEmpty()) {
				message = messageNode.toString();
			}
		}
		else if (messageNode != null && !messageNode.isNull()) {
			message = messageNode.asString();
		}
		JsonNode detailNode = node.get("detail");
		if (detailNode != null) {
			if (detailNode.isArray()) {
				collectDetails(detailNode, details);
			}
			else if (!detailNode.isNull() && message == null) {
				message = detailNode.isString() ? detailNode.asString() : detailNode.toString();
			}
		}
		JsonNode errorNode = node.get("error");
		if (message == null && errorNode != null && errorNode.isObject()) {
			return fromJson(errorNode);
		}
		if (message == null && errorNode != null && errorNode.isString()) {
			message = errorNode.asString();
		}
		if (message == null && !details.isEmpty()) {
			message = String.join("; ", details.stream().map(ApiError.ValidationDetail::toString).toList());
		}
		if (message == null) {
			message = truncate(node.toString());
		}
		return new ApiError(message, text(node, "type"), text(node, "code"), text(node, "param"),
				text(node, "request_id"), details);
	}

	private static void collectDetails(@Nullable JsonNode detail, List<ApiError.ValidationDetail> into) {
		if (detail == null || !detail.isArray()) {
			return;
		}
		for (JsonNode item : detail) {
			if (!item.isObject()) {
				into.add(new ApiError.ValidationDetail("", item.asString(), null));
				continue;
			}
			String msg = item.has("msg") ? item.get("msg").asString() : item.toString();
			into.add(new ApiError.ValidationDetail(location(item.get("loc")), msg, text(item, "type")));
		}
	}

	/**
	 * Formats a FastAPI location such as {@code ["body","messages",0,"content"]} as
	 * {@code messages[0].content}.
	 */
	static String location(@Nullable JsonNode loc) {
		if (loc == null || !loc.isArray()) {
			return "";
		}
		StringBuilder path = new StringBuilder();
		boolean first = true;
		for (JsonNode part : loc) {
			if (first && part.isString() && part.asString().equals("body") && loc.size() > 1) {
				first = false;
				continue;
			}
			first = false;
			if (part.isNumber()) {
				path.append('[').append(part.asInt()).append(']');
			}
			else {
				if (!path.isEmpty()) {
					path.append('.');
				}
				path.append(part.asString());
			}
		}
		return path.toString();
	}

	private static @Nullable String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		if (value == null || value.isNull() || value.isContainer()) {
			return null;
		}
		return value.asString();
	}

	private static boolean looksLikeHtml(String text, HttpHeaders headers) {
		String contentType = headers.getFirst(HttpHeaders.CONTENT_TYPE);
		if (contentType != null && contentType.toLowerCase(Locale.ROOT).contains("html")) {
			return true;
		}
		String start = text.substring(0, Math.min(text.length(), 20)).toLowerCase(Locale.ROOT);
		return start.startsWith("<!doctype html") || start.startsWith("<html");
	}

	private static String truncate(String text) {
		return (text.length() <= MAX_TEXT_IN_MESSAGE) ? text : text.substring(0, MAX_TEXT_IN_MESSAGE) + "...";
	}

	private static String message(String method, String path, int status, HttpHeaders headers, ApiError error,
			int attempts) {
		StringBuilder message = new StringBuilder();
		message.append("Mistral API answered ").append(status).append(" to ").append(method).append(' ').append(path);
		message.append(": ");
		if (!error.details().isEmpty()) {
			message
				.append(String.join("; ", error.details().stream().map(ApiError.ValidationDetail::toString).toList()));
		}
		else {
			message.append(error.message());
		}
		if (error.type() != null) {
			message.append(" [type=").append(error.type());
			if (error.code() != null) {
				message.append(", code=").append(error.code());
			}
			if (error.param() != null) {
				message.append(", param=").append(error.param());
			}
			message.append(']');
		}
		message.append(". ").append(hint(status, path, headers));
		if (attempts > 1) {
			message.append(" Attempts made: ").append(attempts).append('.');
		}
		String correlationId = headers.getFirst(ResponseMetadata.CORRELATION_ID_HEADER);
		if (correlationId != null) {
			message.append(" (mistral-correlation-id: ").append(correlationId).append(')');
		}
		return message.toString();
	}

	/**
	 * What replaces a retired endpoint, for the ones Mistral deprecated.
	 * @param path the request path
	 * @return the replacement in words, or {@code null} when unknown
	 */
	static @Nullable String replacement(String path) {
		if (path.startsWith(AGENTS_COMPLETIONS_PATH)) {
			return "the conversations API (POST /v1/conversations with an agent_id)";
		}
		return null;
	}

	private static String hint(int status, String path, HttpHeaders headers) {
		return switch (status) {
			case 410 -> goneHint(path);
			case 400 -> "Fix the request: check the model name, the message order and tool-call ids.";
			case 401 -> "The API key is missing or invalid: set mistral.api-key or the MISTRAL_API_KEY environment "
					+ "variable to a valid key.";
			case 402 -> "The workspace cannot pay for this call: check its subscription and credit.";
			case 403 -> "The API key may not use this model or resource: check the workspace's permissions.";
			case 404 -> "Check the model name, the resource id, and mistral.base-url.";
			case 422 -> "Fix the listed request fields.";
			case 429 -> {
				String retryAfter = headers.getFirst(HttpHeaders.RETRY_AFTER);
				yield "Rate limit or quota exceeded"
						+ ((retryAfter != null) ? " (Retry-After: " + retryAfter + ")" : "")
						+ ": slow down, or raise mistral.retry.max-attempts / mistral.retry.max-retry-after.";
			}
			default ->
				(status >= 500) ? "The server or a proxy in front of it failed: retry later." : "Unexpected status.";
		};
	}

	private static String goneHint(String path) {
		String replacement = replacement(path);
		if (replacement != null) {
			return "Mistral retired this endpoint (deprecated by Mistral): use " + replacement + " instead.";
		}
		if (path.startsWith(FINE_TUNING_JOBS_PATH)) {
			return "Mistral retired the fine-tuning jobs endpoints (deprecated by Mistral, which names no "
					+ "replacement in its API description): see Mistral's documentation for fine-tuning.";
		}
		return "Mistral retired this endpoint: see Mistral's API changelog for what replaces it, "
				+ "and update this library.";
	}

}
