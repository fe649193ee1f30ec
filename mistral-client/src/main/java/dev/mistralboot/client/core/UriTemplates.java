package dev.mistralboot.client.core;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * Turns an {@link ApiRequest}'s path and query into a URI template and its variables, for
 * {@code RestClient}'s and {@code WebClient}'s {@code uri(String, Map)}: the client
 * encodes every value strictly, and records the template, which observations report as
 * the {@code uri} tag of {@code http.client.requests} (such as
 * {@code /v1/files/{file_id}}) instead of {@code none}.
 */
final class UriTemplates {

	private static final Pattern VARIABLE = Pattern.compile("\\{([^}/]+)}");

	/**
	 * The request attribute {@code RestClient} reads the URI template of an observation
	 * from, for requests sent to a constant URI.
	 */
	static final String REST_CLIENT_URI_TEMPLATE = "org.springframework.web.client.RestClient.uriTemplate";

	/** Constant URIs by base URL, then path (a handful of each in an application). */
	private static final Map<String, Map<String, URI>> CONSTANTS = new ConcurrentHashMap<>();

	private UriTemplates() {
	}

	/**
	 * The URI of a request whose path has no variables and which has no query (a chat
	 * call, an embeddings call...), built once per base URL and path; {@code null} for
	 * any other request, which {@link #of} turns into a template.
	 */
	static @Nullable URI constant(String baseUrl, ApiRequest request) {
		String path = request.path();
		if (!request.query().isEmpty() || path.indexOf('{') >= 0 || path.indexOf('%') >= 0) {
			return null;
		}
		Map<String, URI> paths = CONSTANTS.computeIfAbsent(baseUrl, (key) -> new ConcurrentHashMap<>());
		URI uri = paths.get(path);
		if (uri == null) {
			if (paths.size() >= 256) {
				return null;
			}
			uri = UriComponentsBuilder.fromUriString(baseUrl).path(path).encode().build().toUri();
			paths.put(path, uri);
		}
		return uri;
	}

	static Expansion of(ApiRequest request) {
		Map<String, Object> variables = new HashMap<>();
		Object[] values = request.uriVariables();
		Matcher matcher = VARIABLE.matcher(request.path());
		int index = 0;
		while (matcher.find()) {
			if (index >= values.length) {
				throw new IllegalArgumentException("No value for {" + matcher.group(1) + "} in " + request.path());
			}
			Object value = values[index++];
			if (value == null || String.valueOf(value).isBlank()) {
				throw new IllegalArgumentException(matcher.group(1) + " must not be blank (" + request + ")");
			}
			variables.put(matcher.group(1), value);
		}
		StringBuilder template = new StringBuilder(request.path());
		char separator = '?';
		for (Map.Entry<String, List<String>> entry : request.query().entrySet()) {
			int occurrence = 0;
			for (String value : entry.getValue()) {
				String name = "query." + entry.getKey() + ((occurrence > 0) ? "." + occurrence : "");
				occurrence++;
				template.append(separator).append(entry.getKey()).append("={").append(name).append('}');
				separator = '&';
				variables.put(name, value);
			}
		}
		return new Expansion(template.toString(), variables);
	}

	/**
	 * A URI template and the values of its variables.
	 *
	 * @param template the template, relative to the base URL
	 * @param variables the values, by variable name
	 */
	record Expansion(String template, Map<String, Object> variables) {
	}

}
