package dev.mistralboot.client.core;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.web.util.UriBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Expands an {@link ApiRequest}'s path and query with every value encoded strictly.
 */
final class UriTemplates {

	private static final Pattern VARIABLE = Pattern.compile("\\{([^}/]+)}");

	/** Constant URIs by base URL, then path (a handful of each in an application). */
	private static final Map<String, Map<String, URI>> CONSTANTS = new ConcurrentHashMap<>();

	private UriTemplates() {
	}

	/**
	 * The URI of a request whose path has no variables and which has no query (a chat
	 * call, an embeddings call...), built once per base URL and path; {@code null} for
	 * any other request, which {@link #expand} builds.
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

	static URI expand(UriBuilder builder, ApiRequest request) {
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
		builder.path(request.path());
		int q = 0;
		for (Map.Entry<String, List<String>> entry : request.query().entrySet()) {
			for (String value : entry.getValue()) {
				String name = "__q" + (q++);
				builder.queryParam(entry.getKey(), "{" + name + "}");
				variables.put(name, value);
			}
		}
		return builder.build(variables);
	}

}
